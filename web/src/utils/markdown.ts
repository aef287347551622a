/**
 * A small Markdown subset for the user guides (docs/guide, shown on the help page): headings (#, ##, ###), paragraphs,
 * bullet and numbered lists, **bold**, `code`, [links](href) and images ![alt](src), an image alone on its line being a
 * figure. Everything else is text. The guides are our own files, but the renderer escapes every character of text and
 * every attribute all the same, so a `<` in a guide shows as `<` and never becomes markup; a link or image may only
 * point to a relative path, `#`, `http(s):` or `mailto:` (no `javascript:`).
 */
export interface MarkdownOptions {
  /** The address of an image given by its path in the Markdown (e.g. `../img/office-inbox.png`); undefined drops it. */
  image?: (src: string) => string | undefined;
  /** The address a link goes to (e.g. another role's guide as a route); default: the href itself. */
  link?: (href: string) => string;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function safeUrl(url: string): string | undefined {
  const trimmed = url.trim();
  if (/^(https?:|mailto:)/i.test(trimmed)) return trimmed;
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return undefined; // javascript:, data: and any other scheme
  return trimmed;
}

const INLINE = /!\[([^\]]*)\]\(([^)\s]+)\)|\[([^\]]+)\]\(([^)\s]+)\)|\*\*(.+?)\*\*|`([^`]+)`/g;

function inline(text: string, options: MarkdownOptions): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    html += escapeHtml(text.slice(last, match.index));
    last = match.index + match[0].length;
    const [, alt, imageSrc, label, href, bold, code] = match;
    if (imageSrc !== undefined) {
      const resolved = options.image ? options.image(imageSrc) : safeUrl(imageSrc);
      const url = resolved === undefined ? undefined : safeUrl(resolved);
      if (url !== undefined) html += `<img src="${escapeHtml(url)}" alt="${escapeHtml(alt)}" loading="lazy">`;
    } else if (href !== undefined) {
      const target = safeUrl(options.link ? options.link(href) : href);
      html += target === undefined ? inline(label, options) : `<a href="${escapeHtml(target)}">${inline(label, options)}</a>`;
    } else if (bold !== undefined) {
      html += `<strong>${inline(bold, options)}</strong>`;
    } else {
      html += `<code>${escapeHtml(code)}</code>`;
    }
  }
  return html + escapeHtml(text.slice(last));
}

type ListKind = 'ul' | 'ol';
interface List {
  kind: ListKind;
  /** The number of the first item of a numbered list (a list picked up again after a picture goes on counting). */
  start: number;
  items: { text: string; sub: string[] }[];
}

/**
 * Renders the Markdown subset to HTML (escaped; see the module comment). A bullet indented under a list item is a
 * list inside that item (one level); any other indented line continues the item above it.
 */
export function renderMarkdown(source: string, options: MarkdownOptions = {}): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  let list: List | null = null;

  const flushParagraph = () => {
    if (paragraph.length === 0) return;
    const text = paragraph.join(' ');
    const figure = /^!\[[^\]]*\]\([^)\s]+\)$/.test(text);
    const body = inline(text, options);
    if (body) out.push(figure ? `<figure>${body}</figure>` : `<p>${body}</p>`);
    paragraph = [];
  };
  const flushList = () => {
    if (!list) return;
    const items = list.items.map(({ text, sub }) => {
      const nested = sub.length ? `<ul>${sub.map((item) => `<li>${inline(item, options)}</li>`).join('')}</ul>` : '';
      return `<li>${inline(text, options)}${nested}</li>`;
    });
    const start = list.kind === 'ol' && list.start !== 1 ? ` start="${list.start}"` : '';
    out.push(`<${list.kind}${start}>${items.join('')}</${list.kind}>`);
    list = null;
  };

  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const bullet = /^[-*]\s+(.*)$/.exec(line);
    const numbered = /^(\d+)[.)]\s+(.*)$/.exec(line);
    const nestedBullet = /^\s{2,}[-*]\s+(.*)$/.exec(line);
    const current: List | null = list;
    if (line.trim() === '') {
      flushParagraph();
    } else if (heading) {
      flushParagraph();
      flushList();
      const level = heading[1].length;
      out.push(`<h${level}>${inline(heading[2], options)}</h${level}>`);
    } else if (current && nestedBullet && paragraph.length === 0) {
      current.items[current.items.length - 1].sub.push(nestedBullet[1]);
    } else if (bullet || numbered) {
      flushParagraph();
      const kind: ListKind = bullet ? 'ul' : 'ol';
      if (list && (list as List).kind !== kind) flushList();
      list ??= { kind, start: numbered ? Number(numbered[1]) : 1, items: [] };
      list.items.push({ text: bullet ? bullet[1] : numbered![2], sub: [] });
    } else if (current && /^\s{2,}\S/.test(raw) && paragraph.length === 0) {
      const last = current.items[current.items.length - 1];
      if (last.sub.length) last.sub[last.sub.length - 1] += ` ${line.trim()}`;
      else last.text += ` ${line.trim()}`;
    } else {
      flushList();
      paragraph.push(line.trim());
    }
  }
  flushParagraph();
  flushList();
  return out.join('\n');
}

/** The text of the first `# heading` of a guide (its title in the list of guides). */
export function markdownTitle(source: string): string {
  const match = /^#\s+(.*)$/m.exec(source);
  return match ? match[1].replace(/\*\*/g, '').trim() : '';
}
