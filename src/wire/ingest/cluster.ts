import { eng } from 'stopword';

const stopwords = new Set(eng);

/** Items this close in time can tell the same story; older ones are another day's news. */
export const CLUSTER_WINDOW_HOURS = 48;
/** Share of distinct words two items must have in common (Dice coefficient) to be one story. */
export const CLUSTER_THRESHOLD = 0.4;
/** Words of the body read after the headline: the lead is where agencies state the story. */
const LEAD_WORDS = 40;

/**
 * The words a story is recognised by: its headline and lead, lowercased, without stopwords,
 * numbers kept (scores, tolls and dates tell stories apart), short words dropped.
 */
export function storyTokens(headline: string, bodyText: string): Set<string> {
  const lead = bodyText.split(/\s+/).slice(0, LEAD_WORDS).join(' ');
  const words = `${headline} ${lead}`.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((w) => (w.length >= 3 || /^\d+$/.test(w)) && !stopwords.has(w)));
}

/**
 * How much two items' story words overlap: the Dice coefficient 2|A∩B| / (|A|+|B|), from 0
 * (nothing shared) to 1 (the same words). Two agencies' versions of one event share its
 * names, places and numbers while their wording differs; unrelated stories share little.
 */
export function storySimilarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return (2 * shared) / (a.size + b.size);
}
