/** Shapes shared by every endpoint of docs/api.md. */

export type LocaleCode = 'zh-CN' | 'en';

/** A user-visible text in both languages, as the server sends it. */
export type LocalizedText = Record<LocaleCode, string>;

export type ErrorCode =
  | 'InvalidArgument'
  | 'Unauthenticated'
  | 'PermissionDenied'
  | 'NotFound'
  | 'AlreadyExists'
  | 'FailedPrecondition'
  | 'PayloadTooLarge'
  | 'ResourceExhausted'
  | 'Internal'
  | 'Network'
  /** The user cancelled the request (an import under way); nothing was written. */
  | 'Cancelled';

export interface FieldError {
  field: string;
  message: LocalizedText;
}

export interface ErrorBody {
  code: ErrorCode;
  message: LocalizedText;
  fields?: FieldError[];
  request_id?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
}

export interface Items<T> {
  items: T[];
}

export type SortOrder = 'asc' | 'desc';

export interface PageQuery {
  page?: number;
  page_size?: number;
  sort?: string;
  order?: SortOrder;
}

export type Query = Record<string, string | number | boolean | null | undefined>;
