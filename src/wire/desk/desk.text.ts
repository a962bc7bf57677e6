import { diffWords } from 'diff';
import type { DiffPart } from '../../articles/articles.history.js';
import type { BodyDoc } from '../../articles/body/body.schema.js';

export type { DiffPart } from '../../articles/articles.history.js';

/** Whitespace is not a change: agencies and editors re-wrap lines and paragraphs freely. */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Word-level differences as runs of kept, added and removed text, like an article's history shows them. */
export function wordDiff(from: string, to: string): DiffPart[] {
  return diffWords(from, to).map(
    (c): DiffPart => ({ text: c.value, change: c.added ? 'added' : c.removed ? 'removed' : 'same' }),
  );
}

/** A word diff with nothing but kept runs: the two texts say the same. */
export const unchanged = (parts: DiffPart[]) => parts.every((p) => p.change === 'same');

/** The text of what an article carries, headline apart from body (bodies one block a line). */
export interface CopyText {
  headline: string;
  bodyText: string;
}

/** Copy published as received: headline and body equal the agency's, whitespace aside. */
export function sameCopy(a: CopyText, b: CopyText): boolean {
  return (
    normalizeText(a.headline) === normalizeText(b.headline) && normalizeText(a.bodyText) === normalizeText(b.bodyText)
  );
}

const blocksOf = (bodyText: string) =>
  bodyText
    .split('\n')
    .map(normalizeText)
    .filter((line) => line.length > 0);

/**
 * What the desk added to the agency's copy, paragraph by paragraph: the paragraphs the
 * article has that the original has not (a rewritten paragraph counts as added), and how
 * many of the original's are gone or rewritten.
 */
export function addedParagraphs(
  original: CopyText,
  current: CopyText,
): { headlineChanged: boolean; added: string[]; removedCount: number } {
  const before = blocksOf(original.bodyText);
  const after = blocksOf(current.bodyText);
  const had = new Set(before);
  const has = new Set(after);
  return {
    headlineChanged: normalizeText(original.headline) !== normalizeText(current.headline),
    added: after.filter((block) => !had.has(block)),
    removedCount: before.filter((block) => !has.has(block)).length,
  };
}

/**
 * Agency HTML as an article body and its text (one block a line). The converter is loaded
 * on first use: it brings a server DOM that the reader's path never needs.
 */
export async function bodyOfHtml(html: string): Promise<{ doc: BodyDoc; text: string }> {
  const { htmlToBody, bodyText } = await import('../../articles/body/body.render.js');
  const doc = htmlToBody(html);
  return { doc, text: bodyText(doc) };
}
