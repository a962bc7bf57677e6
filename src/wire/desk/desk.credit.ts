import type { WireCredit } from '../../articles/articles.service.js';
import { joinNames } from '../../site/format.js';
import type { IndexPolicy } from '../wire.table.js';
import { type CopyText, sameCopy } from './desk.text.js';

/** Used when a source (or an item added from a web page) has no template of its own. */
export const defaultCreditTemplate = '{source}';
export const defaultEditedCreditTemplate = '{sources} with additional input by {desk}';

/** One adopted item as the credit sees it, in credit order. */
export interface CreditedCopy {
  sourceName: string;
  creditTemplate: string | null;
  editedCreditTemplate: string | null;
  indexPolicy: IndexPolicy | null;
  originalHeadline: string;
  originalBodyText: string;
}

/** The agency's copy as one text: the first item's headline, every item's body in order. */
export function originalCopy(items: CreditedCopy[]): CopyText {
  return {
    headline: items[0]?.originalHeadline ?? '',
    bodyText: items.map((i) => i.originalBodyText).join('\n'),
  };
}

/** Each agency once, in the order the desk put them. */
export function sourceNames(items: { sourceName: string }[]): string[] {
  return [...new Set(items.map((i) => i.sourceName))];
}

/** "{sources} with additional input by {desk}" filled in; several names read "A, B and C". */
export function fillTemplate(template: string, names: string[], desk: string): string {
  const joined = joinNames(names);
  return template.replace(/\{(sources?|desk)\}/g, (_, key: string) => (key === 'desk' ? desk : joined)).trim();
}

const strictness: Record<IndexPolicy, number> = { index: 0, news_noindex: 1, noindex: 2 };

/**
 * The credit an article carrying these items gets: "<Source>" while it reads as received,
 * "<Source> with additional input by <Desk>" once the desk changed it (each wording from the
 * first source's templates). Verbatim copy keeps the strictest indexing policy among its
 * sources (Google's advice for syndicated copies); edited copy is ours to index.
 */
export function creditFor(article: CopyText, items: CreditedCopy[], deskName: string): WireCredit | null {
  const first = items[0];
  if (!first) return null;
  const verbatim = sameCopy(article, originalCopy(items));
  const names = sourceNames(items);
  const template = verbatim
    ? first.creditTemplate || defaultCreditTemplate
    : first.editedCreditTemplate || defaultEditedCreditTemplate;
  const policy = items
    .map((i) => i.indexPolicy ?? 'news_noindex')
    .reduce((a, b) => (strictness[b] > strictness[a] ? b : a), 'index' as IndexPolicy);
  return {
    credit_line: fillTemplate(template, names, deskName),
    wire_relationship: verbatim ? 'verbatim' : 'edited',
    wire_robots: verbatim && policy !== 'index' ? policy : null,
  };
}
