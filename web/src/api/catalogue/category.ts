import { http } from '../http';
import type { Items } from '../types';
import type { Category, CategoryInput, CategoryQuery } from './types';

export function getCategoryListApi(query: CategoryQuery = {}): Promise<Items<Category>> {
  return http.get<Items<Category>>('/categories', { ...query });
}

export function getCategoryApi(id: number): Promise<Category> {
  return http.get<Category>(`/categories/${id}`);
}

export function createCategoryApi(category: CategoryInput): Promise<Category> {
  return http.post<Category>('/categories', category);
}

export function updateCategoryApi(id: number, category: CategoryInput): Promise<Category> {
  return http.put<Category>(`/categories/${id}`, { ...category, id });
}

export function deleteCategoryApi(id: number): Promise<void> {
  return http.delete(`/categories/${id}`);
}
