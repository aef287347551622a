/**
 * The one HTTP client of the web app (docs/api.md "Conventions"):
 * same-origin cookies, X-CSRF-Token on every write, errors turned into ApiError.
 */
import type { ErrorBody, ErrorCode, FieldError, LocalizedText, Query } from './types';

export const API_BASE = '/api/v1';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken = '';
let unauthenticatedHandler: ((path: string) => void) | null = null;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export function getCsrfToken(): string {
  return csrfToken;
}

/** Called when a request other than the session calls answers 401 (session expired). */
export function onUnauthenticated(handler: ((path: string) => void) | null): void {
  unauthenticatedHandler = handler;
}

const GENERIC_MESSAGES: Record<'Network' | 'Internal', LocalizedText> = {
  Network: { 'zh-CN': '无法连接服务器，请稍后重试', en: 'Cannot reach the server, please try again later' },
  Internal: { 'zh-CN': '服务器内部错误', en: 'Internal server error' },
};

/** A refused or failed request, carrying the server's error body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly localized: LocalizedText;
  readonly fields: FieldError[];
  readonly requestId?: string;

  constructor(status: number, body: ErrorBody) {
    super(body.message?.en || body.code);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.localized = body.message;
    this.fields = body.fields ?? [];
    this.requestId = body.request_id;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Partial<ErrorBody>;
  return typeof body.code === 'string' && typeof body.message === 'object' && body.message !== null;
}

/** Builds "?a=1&b=x" from the defined, non-empty values of a query. */
export function buildQuery(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function apiUrl(path: string, query?: Query): string {
  return `${API_BASE}${path}${buildQuery(query)}`;
}

export interface RequestOptions {
  query?: Query;
  /** JSON body; ignored when `raw` is given. */
  body?: unknown;
  /** Raw body (file upload) sent as is. */
  raw?: Blob;
  headers?: Record<string, string>;
  /** Do not call the unauthenticated handler on 401 (session endpoints). */
  quiet401?: boolean;
  /** Called as the body goes out (bytes sent, bytes in all): a large import shows its progress. */
  onUploadProgress?: (sent: number, total: number) => void;
  /** Aborts the request; while the body is still going out the server receives nothing to write. */
  signal?: AbortSignal;
}

async function errorFromResponse(response: Response): Promise<ApiError> {
  let parsed: unknown = null;
  try {
    parsed = await response.json();
  } catch {
    parsed = null;
  }
  if (isErrorBody(parsed)) return new ApiError(response.status, parsed);
  const code: ErrorCode =
    response.status === 401 ? 'Unauthenticated' : response.status === 403 ? 'PermissionDenied' : response.status === 404 ? 'NotFound' : 'Internal';
  return new ApiError(response.status, { code, message: GENERIC_MESSAGES.Internal });
}

/** The aborted request's error: the user cancelled it. */
export const CANCELLED_MESSAGE: LocalizedText = { 'zh-CN': '已取消，未写入任何数据', en: 'Cancelled; nothing was written' };

/** fetch has no upload progress: a request that reports it goes through XMLHttpRequest, with the same answers. */
function sendWithProgress(
  method: string,
  url: string,
  headers: Record<string, string>,
  body: BodyInit | undefined,
  options: RequestOptions,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.withCredentials = true;
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => options.onUploadProgress?.(event.loaded, event.lengthComputable ? event.total : 0);
    xhr.onload = () => resolve(new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status }));
    xhr.onerror = () => reject(new Error('network'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send((body as XMLHttpRequestBodyInit | undefined) ?? null);
  });
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  let body: BodyInit | undefined;
  if (options.raw !== undefined) {
    body = options.raw;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const upper = method.toUpperCase();
  if (WRITE_METHODS.has(upper) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = options.onUploadProgress
      ? await sendWithProgress(upper, apiUrl(path, options.query), headers, body, options)
      : await fetch(apiUrl(path, options.query), { method: upper, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (caught) {
    if (caught instanceof DOMException && caught.name === 'AbortError') throw new ApiError(0, { code: 'Cancelled', message: CANCELLED_MESSAGE });
    throw new ApiError(0, { code: 'Network', message: GENERIC_MESSAGES.Network });
  }
  if (!response.ok) {
    const error = await errorFromResponse(response);
    if (response.status === 401 && !options.quiet401 && unauthenticatedHandler) unauthenticatedHandler(path);
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const http = {
  get: <T>(path: string, query?: Query, options: RequestOptions = {}) => request<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options: RequestOptions = {}) => request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options: RequestOptions = {}) => request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T = void>(path: string, options: RequestOptions = {}) => request<T>('DELETE', path, options),
};
