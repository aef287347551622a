export interface ChecklistItem {
  item: string;
  points: number;
}

export interface SelectionCriteria {
  qualification_types: string[];
  min_staff_count: number;
  require_training_system: boolean;
  require_management_system: boolean;
}

export interface Category {
  id: number;
  parent_id: number | null;
  code: string;
  name_zh: string;
  name_en: string;
  description: string;
  sort_order: number;
  active: boolean;
  checklist: ChecklistItem[];
  criteria: SelectionCriteria;
  staff_roles: string[];
}

export type CategoryInput = Omit<Category, 'id'>;

export interface CategoryQuery {
  active?: boolean;
}
