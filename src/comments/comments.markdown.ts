import sanitizeHtml from 'sanitize-html';

/**
 * A reader's comment is plain text with a small markdown subset: paragraphs (blank lines),
 * line breaks, **bold**, *italic* or _italic_, "> " quotes, [text](https://...) links and
 * bare http(s) addresses. Everything is escaped first and only then are the few tags
 * inserted, so no markup the reader typed can survive; sanitize-html is a second fence.
 */
export function renderCommentBody(text: string): string {
  const blocks = normalise(text)
    .split(/\n[ \t]*\n+/)
    .map((b) => b.replace(/^\n+|\n+$/g, ''))
    .filter((b) => b.trim() !== '');
  const html = blocks
    .map((block) => {
      const lines = block.split('\n');
      if (lines.every((line) => /^\s*>/.test(line))) {
        const inner = lines.map((line) => line.replace(/^\s*>\s?/, '')).join('\n');
        const paras = inner
          .split(/\n[ \t]*\n+/)
          .filter((p) => p.trim() !== '')
          .map((p) => `<p>${inline(p)}</p>`);
        return paras.length > 0 ? `<blockquote>${paras.join('')}</blockquote>` : '';
      }
      return `<p>${inline(block)}</p>`;
    })
    .join('');
  return sanitizeHtml(html, fence);
}

const fence: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'blockquote', 'a'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow ugc noopener' }) },
};

/** Line endings unified and control characters (other than newline and tab) dropped. */
function normalise(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\u2028\u2029]/g, '');
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** [text](url) or a bare address; the address must parse as http(s) or the text stays text. */
const linkPattern = /\[([^\]\n]{1,300})\]\((https?:\/\/[^\s()<>]{1,2000})\)|(https?:\/\/[^\s<>"']{1,2000})/gi;

function safeUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}

function inline(block: string): string {
  let out = '';
  let last = 0;
  for (const m of block.matchAll(linkPattern)) {
    const start = m.index ?? 0;
    let text = m[1];
    let raw = m[2] ?? m[3] ?? '';
    let end = start + m[0].length;
    if (m[3] !== undefined) {
      // A bare address does not take the sentence's closing punctuation with it.
      const trimmed = raw.replace(/[.,;:!?)\]]+$/, '');
      end -= raw.length - trimmed.length;
      raw = trimmed;
      text = undefined;
    }
    const href = safeUrl(raw);
    if (!href) continue;
    out += emphasis(escapeHtml(block.slice(last, start)));
    out += `<a href="${escapeHtml(href)}" rel="nofollow ugc noopener">${emphasis(escapeHtml(text ?? raw))}</a>`;
    last = end;
  }
  out += emphasis(escapeHtml(block.slice(last)));
  return out.replace(/\n/g, '<br>');
}

/** Applied to escaped text: the markers are plain characters, so inserting tags is safe. */
function emphasis(escaped: string): string {
  return escaped
    .replace(/\*\*(?=\S)([^*\n]*?\S)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])\*(?=\S)([^*\n]*?\S)\*(?![*\w])/g, '$1<em>$2</em>')
    .replace(/(^|[^\w])_(?=\S)([^_\n]*?\S)_(?!\w)/g, '$1<em>$2</em>');
}

/** Links a comment carries, as the link-count phase counts them: addresses and www. names. */
export function countLinks(text: string): number {
  return (text.match(/\bhttps?:\/\/|\bwww\.[a-z0-9-]+\./gi) ?? []).length;
}
