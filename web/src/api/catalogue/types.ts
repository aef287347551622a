// The API's shapes come from the server's schemas (server/src/features/catalogue/api_schemas.json, issue 10).
export type { Category, CategoryInput, ChecklistItem, SelectionCriteria } from '../generated/schemas';

export interface CategoryQuery {
  active?: boolean;
}
