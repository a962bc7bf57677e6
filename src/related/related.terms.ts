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
export function termFrequencies(doc: { headline: string; standfirst: string; body: string }): Map<string, number> {
  const tf = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const term of tokenize(text)) tf.set(term, (tf.get(term) ?? 0) + weight);
  };
  add(doc.headline, 3);
  add(doc.standfirst, 2);
  add(doc.body, 1);
  return tf;
}

/**
 * The distinctive terms of a document: tf-idf, the top `limit` kept, scaled to unit length
 * so the dot product of two documents' weights is their cosine similarity.
 */
export function weightTerms(
  tf: Map<string, number>,
  df: Map<string, number>,
  documents: number,
  limit = 30,
): Map<string, number> {
  const scored: [string, number][] = [];
  for (const [term, count] of tf) {
    const idf = Math.log(1 + (documents + 1) / ((df.get(term) ?? 0) + 1));
    scored.push([term, (1 + Math.log(count)) * idf]);
  }
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = scored.slice(0, limit);
  const norm = Math.sqrt(top.reduce((sum, [, w]) => sum + w * w, 0)) || 1;
  return new Map(top.map(([term, w]) => [term, w / norm]));
}
