import { API_BASE } from '@/api/http';

/**
 * A reminder's `link` may be an app path ("/vendors/3") or an API path
 * ("/api/v1/vendors/3"); both open the vendor page. Anything else yields null.
 */
export function reminderRoute(link: string | null | undefined): string | null {
  if (!link) return null;
  let path = link.trim();
  if (/^https?:\/\//.test(path)) {
    try {
      path = new URL(path).pathname;
    } catch {
      return null;
    }
  }
  if (path.startsWith('#')) path = path.slice(1);
  if (path.startsWith(API_BASE + '/')) path = path.slice(API_BASE.length);
  return path.startsWith('/') ? path : null;
}
