import { generateHTML, generateJSON } from '@tiptap/html/server';
import sanitizeHtml from 'sanitize-html';
import { type BodyDoc, bodyExtensions } from './body.schema.js';
import { bodyTextTags } from './body.tags.js';

export { bodyReferences, walk } from './body.walk.js';

export interface RenderedBody {
  html: string;
  text: string;
  wordCount: number;
  /** Articles this body links to through "Read more" cards. */
  linkedArticleIds: number[];
}

export interface ReadMoreTarget {
  headline: string;
  href: string;
}

export interface ImageForFigure {
  src: string;
  srcset: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
}

/** Maps every node; a node mapped to null is left out, with what it holds. */
function mapNodes(doc: BodyDoc, fn: (node: BodyDoc) => BodyDoc | null): BodyDoc | null {
  const next = fn(doc);
  if (!next?.content) return next;
  const content = next.content.map((child) => mapNodes(child, fn)).filter((c): c is BodyDoc => c !== null);
  return { ...next, content };
}

/** Plain text of the body, one block a line, "Read more" cards left out. */
export function bodyText(doc: BodyDoc): string {
  const blocks: string[] = [];
  const collect = (node: BodyDoc): string => {
    if (node.type === 'text') return node.text ?? '';
    if (node.type === 'readMore' || node.type === 'figure' || node.type === 'embed') return '';
    return (node.content ?? []).map(collect).join('');
  };
  const visitBlock = (node: BodyDoc) => {
    if (
      node.type === 'bulletList' ||
      node.type === 'orderedList' ||
      node.type === 'blockquote' ||
      node.type === 'doc'
    ) {
      for (const child of node.content ?? []) visitBlock(child);
      return;
    }
    if (node.type === 'listItem') {
      for (const child of node.content ?? []) visitBlock(child);
      return;
    }
    const text = collect(node).trim();
    if (text) blocks.push(text);
  };
  visitBlock(doc);
  return blocks.join('\n');
}

/**
 * Renders a body to HTML for readers. Runs when an article is saved, never per request.
 * Read-more cards and figures are filled in from the current state of what they point at.
 */
export function renderBody(
  doc: BodyDoc,
  targets: Map<number, ReadMoreTarget>,
  images: Map<number, ImageForFigure> = new Map(),
): RenderedBody {
  const linked = new Set<number>();
  const resolved = mapNodes(doc, (node) => {
    if (node.type === 'readMore') {
      const id = node.attrs?.articleId;
      const target = typeof id === 'number' ? targets.get(id) : undefined;
      if (typeof id === 'number') linked.add(id);
      return { ...node, attrs: { ...node.attrs, href: target?.href ?? null, headline: target?.headline ?? '' } };
    }
    if (node.type === 'figure') {
      const id = node.attrs?.imageId;
      if (typeof id !== 'number') return node;
      const image = images.get(id);
      // A library image without variants yet (or deleted): readers see nothing rather than
      // the address the editor used; the page is rendered again once the variants exist.
      if (!image) return null;
      return {
        ...node,
        attrs: {
          ...node.attrs,
          src: image.src,
          srcset: image.srcset,
          width: image.width,
          height: image.height,
          alt: node.attrs?.alt || image.alt,
          caption: node.attrs?.caption || image.caption,
          credit: node.attrs?.credit || image.credit,
        },
      };
    }
    return node;
  });
  const html = generateHTML(resolved ?? { type: 'doc', content: [] }, bodyExtensions);
  const text = bodyText(doc);
  const wordCount = text.split(/\s+/).filter(Boolean).length;
  return { html, text, wordCount, linkedArticleIds: [...linked] };
}

/**
 * Turns foreign HTML (wire copy, imports) into a body document: sanitized against an
 * allowlist first, then parsed by the body schema, which drops whatever it does not know.
 */
export function htmlToBody(html: string): BodyDoc {
  const clean = sanitizeHtml(html, {
    allowedTags: [...bodyTextTags, 'img', 'aside'],
    allowedAttributes: {
      a: ['href'],
      img: ['src', 'alt', 'width', 'height'],
      aside: ['data-read-more', 'data-slug', 'data-article-id'],
      figure: ['class', 'data-image-id', 'data-embed', 'data-url', 'data-provider'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    transformTags: { h1: 'h2', b: 'strong', i: 'em' },
  });
  return generateJSON(clean, bodyExtensions) as BodyDoc;
}
