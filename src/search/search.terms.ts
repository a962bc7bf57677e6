/**
 * The reader's words, made safe for either engine. Nothing a reader types reaches SQL or
 * an engine's query syntax as-is: the text is cut into words (letters and digits, any
 * script), and each word becomes a quoted literal term. Operators, quotes, brackets,
 * column filters and control characters are separators like spaces.
 */

/** Longer text is refused with a message; anything up to it is cut to `usedLength`. */
export const maxQueryLength = 1000;
/** How much of the text the search uses. */
export const usedLength = 200;
/** Words beyond this many are ignored; every word must match, so more only narrow. */
export const maxWords = 12;
/** A "word" longer than this is noise (a pasted hash, a run of letters): dropped. */
const maxWordLength = 60;

const wordPattern = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/**
 * English words too common to search by: PostgreSQL's `english` configuration drops these
 * (its Snowball list), so SQLite skips them too. Both find the same stories, and a query
 * of "the" never ranks every article in the archive.
 */
const stopWords = new Set(
  (
    'i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers ' +
    'herself it its itself they them their theirs themselves what which who whom this that these those am is are ' +
    'was were be been being have has had having do does did doing a an the and but if or because as until while ' +
    'of at by for with about against between into through during before after above below to from up down in out ' +
    'on off over under again further then once here there when where why how all any both each few more most ' +
    'other some such no nor not only own same so than too very s t can will just don should now'
  ).split(' '),
);

/** The distinct words of a query, lowercased, in the order typed, without stop words. */
export function queryWords(text: string): string[] {
  const words = new Set<string>();
  for (const match of text.slice(0, usedLength).normalize('NFKC').toLowerCase().matchAll(wordPattern)) {
    const word = match[0];
    if (word.length <= maxWordLength && !stopWords.has(word)) words.add(word);
    if (words.size >= maxWords) break;
  }
  return [...words];
}

/** An FTS5 MATCH expression: every word a quoted string (quotes doubled), all required. */
export function fts5Match(words: string[]): string {
  return words.map((w) => `"${w.replaceAll('"', '""')}"`).join(' ');
}

/** Text for PostgreSQL's plainto_tsquery: plain words, which it ANDs and never fails on. */
export function tsqueryText(words: string[]): string {
  return words.join(' ');
}

/** Marks the engines put around a matched word; stripped from indexed text, so only they can make a <mark>. */
export const markStart = '\u0002';
export const markEnd = '\u0003';

/** Text as it goes into the index: control characters (our marks among them) become spaces. */
export function indexable(text: string): string {
  return text.replace(/\p{Cc}/gu, ' ');
}

/** HTML of a snippet: escaped text with <mark> only where the engine marked a match. */
export type SnippetHtml = string & { readonly __snippet: unique symbol };

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes everything, then turns the engine's marks into balanced <mark> tags. */
export function snippetHtml(raw: string): SnippetHtml {
  let html = '';
  let open = false;
  for (const ch of raw.replace(/[&<>"']/g, (c) => escapes[c] as string)) {
    if (ch === markStart) {
      if (!open) html += '<mark>';
      open = true;
    } else if (ch === markEnd) {
      if (open) html += '</mark>';
      open = false;
    } else if (ch >= ' ' || ch === '\n' || ch === '\t') {
      html += ch;
    }
  }
  if (open) html += '</mark>';
  return html.replace(/\s+/g, ' ').trim() as SnippetHtml;
}
