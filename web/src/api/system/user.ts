import { http } from '../http';
import type { Page } from '../types';
import type { User, UserCreate, UserQuery, UserUpdate } from './types';

export function getUserPageApi(query: UserQuery): Promise<Page<User>> {
  return http.get<Page<User>>('/users', { ...query });
}

export function createUserApi(user: UserCreate): Promise<User> {
  return http.post<User>('/users', user);
}

export function updateUserApi(id: number, change: UserUpdate): Promise<User> {
  return http.patch<User>(`/users/${id}`, change);
}
