import { stemmer } from 'stemmer';
import { eng } from 'stopword';

const stopwords = new Set(eng);
// Words of every news story: they say nothing about what a story is about.
for (const word of [
  'said',
  'says',
  'also',
  'would',
  'could',
  'one',
  'two',
  'three',
  'year',
  'years',
  'week',
  'weeks',
]) {
  stopwords.add(word);
}

/** Lowercased, stemmed content words of a text, stopwords and short tokens removed. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 3 || stopwords.has(raw) || /^\d+$/.test(raw)) continue;
    out.push(stemmer(raw));
  }
  return out;
}

/** Term frequencies of an article, its headline and standfirst counting more than its body. */
export function termFrequencies(doc: {
  headline: string;
  standfirst: string;
  body: string;
  tags?: string[];
}): Map<string, number> {
  const tf = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const term of tokenize(text)) tf.set(term, (tf.get(term) ?? 0) + weight);
  };
  add(doc.headline, 3);
  add(doc.standfirst, 2);
  add(doc.body, 1);
  // Tags ride along as terms, so a tag on half the archive weighs as little as a common word.
  for (const tag of doc.tags ?? []) tf.set(`#${tag}`, 1);
  return tf;
}

/** Inverse document frequency, smoothed. */
export const idf = (df: number, documents: number) => Math.log(1 + (documents + 1) / (df + 1));

/**
 * A document's vector for comparison: tf-idf over the terms that can tell stories apart.
 * A term only this document has matches nothing, and a term in more than half of all
 * documents says nothing; both are left out before the vector is scaled to unit length,
 * so the dot product of two vectors is their cosine similarity.
 */
export function weightTerms(tf: Map<string, number>, df: Map<string, number>, documents: number): Map<string, number> {
  const weights = new Map<string, number>();
  let norm = 0;
  for (const [term, count] of tf) {
    const d = df.get(term) ?? 1;
    if (d < 2 || (documents >= 10 && d > documents / 2)) continue;
    const w = (1 + Math.log(count)) * idf(d, documents);
    weights.set(term, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [term, w] of weights) weights.set(term, w / norm);
  return weights;
}

/** The terms worth keeping for a document: its `limit` highest tf-idf terms, with their counts. */
export function keptTerms(
  tf: Map<string, number>,
  df: Map<string, number>,
  documents: number,
  limit = 100,
): Map<string, number> {
  return new Map(
    [...tf]
      .map(
        ([term, count]) => [term, count, (1 + Math.log(count)) * idf((df.get(term) ?? 0) + 1, documents + 1)] as const,
      )
      .sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : 1))
      .slice(0, limit)
      .map(([term, count]) => [term, count]),
  );
}

export const dot = (a: Map<string, number>, b: Map<string, number>): number => {
  let sum = 0;
  for (const [term, w] of a) sum += w * (b.get(term) ?? 0);
  return sum;
};
