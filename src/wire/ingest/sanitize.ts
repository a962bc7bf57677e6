import { decodeHTML } from 'entities';
import sanitizeHtml from 'sanitize-html';
import type { WireImage } from './wire-item.js';

/** Text elements a wire body may keep; everything else is unwrapped (its text stays) or dropped. */
const allowedTags = [
  'p',
  'br',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'ul',
  'ol',
  'li',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'a',
  'q',
  'cite',
  'abbr',
  'figure',
  'figcaption',
  'img',
];

/** Elements whose content is dropped with them: code, styles and embedded documents are never text. */
const droppedWithContent = [
  'script',
  'style',
  'noscript',
  'textarea',
  'option',
  'iframe',
  'object',
  'embed',
  'template',
  'svg',
  'math',
  'head',
  'title',
];

export interface SanitizedBody {
  html: string;
  text: string;
  /** Images found inline, made absolute: they stay where they are in the body and are listed with the item's images. */
  images: WireImage[];
  problems: string[];
}

/** Makes an address absolute against the item's (or feed's) address; null when it cannot be. */
export function absoluteUrl(href: string, base: string | null): string | null {
  const trimmed = href.trim();
  if (trimmed === '') return null;
  try {
    return new URL(trimmed, base ?? undefined).toString();
  } catch {
    return null;
  }
}

/**
 * Foreign HTML to the body we store: a strict allow-list of text elements, links only to
 * http(s) and mailto, no attributes but href/title, relative links made absolute against
 * `base` (a problem is recorded for each one that cannot be). Inline images keep their place
 * (absolute http(s) address and alt text only) so adopting the item can put the imported
 * picture there; they are also returned as the item's images.
 */
export function sanitizeBody(html: string, base: string | null): SanitizedBody {
  const problems: string[] = [];
  const images: WireImage[] = [];
  const clean = sanitizeHtml(html, {
    allowedTags,
    allowedAttributes: { a: ['href', 'title'], abbr: ['title'], q: ['cite'], img: ['src', 'alt'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowedSchemesAppliedToAttributes: ['href', 'cite', 'src'],
    allowProtocolRelative: false,
    nonTextTags: droppedWithContent,
    transformTags: {
      h1: 'h2',
      a: (tagName, attribs) => {
        const href = attribs.href?.trim();
        // An address with a scheme is left to the sanitizer, which drops javascript: and the like.
        if (href === undefined || /^[a-z][a-z0-9+.-]*:/i.test(href)) return { tagName, attribs };
        const absolute = absoluteUrl(href, base);
        if (absolute === null || !/^https?:/i.test(absolute)) {
          problems.push(`The relative link "${href.slice(0, 200)}" could not be made absolute; it was removed`);
          const { href: _dropped, ...rest } = attribs;
          return { tagName, attribs: rest };
        }
        return { tagName, attribs: { ...attribs, href: absolute } };
      },
      img: (tagName, attribs) => {
        const src = attribs.src ? absoluteUrl(attribs.src, base) : null;
        if (src && /^https?:/i.test(src)) {
          images.push({
            url: src,
            ...(attribs.alt ? { alt: attribs.alt } : {}),
            ...(Number(attribs.width) > 0 ? { width: Number(attribs.width) } : {}),
            ...(Number(attribs.height) > 0 ? { height: Number(attribs.height) } : {}),
          });
          return { tagName, attribs: { src, ...(attribs.alt ? { alt: attribs.alt } : {}) } };
        }
        if (attribs.src) {
          problems.push(`The image "${attribs.src.slice(0, 200)}" has no usable address; it was left out`);
        }
        // Without an address: the filter below drops it.
        return { tagName, attribs: {} };
      },
    },
    // An image without a usable address, and a paragraph emptied of its script or image, are noise.
    exclusiveFilter: (frame) =>
      (frame.tag === 'img' && !frame.attribs.src) ||
      (frame.tag === 'p' && frame.text.trim() === '' && !frame.mediaChildren.length),
  }).trim();
  return { html: clean, text: htmlToText(clean), images, problems };
}

/** Readable plain text of (sanitized) HTML: paragraphs become blank lines, entities are decoded. */
export function htmlToText(html: string): string {
  const withBreaks = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|h[1-6]|li|blockquote|figcaption|div)>/gi, '\n\n');
  const stripped = sanitizeHtml(withBreaks, {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: droppedWithContent,
  });
  return decodeHTML(stripped)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Plain text (ninjs body_text, JSON Feed content_text) as paragraphs of HTML. */
export function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One line of text from a value that may hold markup or entities (a headline typed html). */
export function plainLine(value: string): string {
  return htmlToText(value).replace(/\s+/g, ' ').trim();
}
