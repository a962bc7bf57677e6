import type { JSONContent } from '@tiptap/core';

/**
 * Walking a body document needs no editor schema; kept apart from the renderer so the
 * reader's process never loads the renderer (and its server DOM) unless something is saved.
 */
export function walk(doc: JSONContent, visit: (node: JSONContent) => void): void {
  visit(doc);
  for (const child of doc.content ?? []) walk(child, visit);
}

/** The ids of articles and images a body refers to, so the caller can look them up in one query each. */
export function bodyReferences(doc: JSONContent): { articleIds: number[]; imageIds: number[] } {
  const articleIds = new Set<number>();
  const imageIds = new Set<number>();
  walk(doc, (node) => {
    if (node.type === 'readMore' && typeof node.attrs?.articleId === 'number') articleIds.add(node.attrs.articleId);
    if (node.type === 'figure' && typeof node.attrs?.imageId === 'number') imageIds.add(node.attrs.imageId);
  });
  return { articleIds: [...articleIds], imageIds: [...imageIds] };
}
