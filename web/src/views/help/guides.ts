import type { RoleCode } from '@/api/auth/types';
import type { LocaleCode } from '@/api/types';
import { markdownTitle, renderMarkdown } from '@/utils/markdown';

/**
 * The user guides of docs/guide (one per role and language, zh-CN first), taken into the build as text, and their
 * screenshots (docs/guide/img, taken by web/tests/e2e/20-guide.test.mjs) as asset addresses.
 */
const SOURCES = import.meta.glob<string>('../../../../docs/guide/*/*.md', { query: '?raw', import: 'default', eager: true });
const IMAGES = import.meta.glob<string>('../../../../docs/guide/img/*.png', { query: '?url', import: 'default', eager: true });

/** The roles in the order the list shows them (the order of the menu of roles in docs/guide/README.md). */
export const GUIDE_ROLES: RoleCode[] = ['office', 'leadership', 'discipline', 'judicial', 'party_office', 'department', 'vendor', 'admin'];

export function isGuideRole(value: unknown): value is RoleCode {
  return typeof value === 'string' && (GUIDE_ROLES as string[]).includes(value);
}

function source(role: RoleCode, locale: LocaleCode): string | undefined {
  return SOURCES[`../../../../docs/guide/${locale}/${role}.md`] ?? SOURCES[`../../../../docs/guide/zh-CN/${role}.md`];
}

function imageUrl(src: string): string | undefined {
  const name = src.split('/').pop() ?? '';
  return IMAGES[`../../../../docs/guide/img/${name}`];
}

/** A guide's title (its first heading), for the list of guides. */
export function guideTitle(role: RoleCode, locale: LocaleCode): string {
  return markdownTitle(source(role, locale) ?? '');
}

/** A guide as HTML (escaped by the renderer); links to another role's guide (`vendor.md`) open it on the help page. */
export function guideHtml(role: RoleCode, locale: LocaleCode): string | undefined {
  const text = source(role, locale);
  if (text === undefined) return undefined;
  return renderMarkdown(text, {
    image: imageUrl,
    link: (href) => {
      const other = /^(?:\.\.\/(?:zh-CN|en)\/)?([a-z_]+)\.md$/.exec(href)?.[1];
      return isGuideRole(other) ? `#/help/${other}` : href;
    },
  });
}
