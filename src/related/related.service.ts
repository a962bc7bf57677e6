import type { Db } from '../db/database.js';
import { termFrequencies, weightTerms } from './related.terms.js';

/** How many related stories are stored per article (the page shows the first four). */
export const storedRelated = 8;
const postingsPerTerm = 200;

interface Candidate {
  id: number;
  text: number;
}

/**
 * Related stories: computed when an article is published or changed, from its text, tags,
 * section, story thread and recency, and stored; a reader's request only reads the stored
 * rows. Candidates come through indexes (shared distinctive terms, shared tags, the same
 * story), never by comparing against every article.
 */
export class RelatedService {
  constructor(private readonly db: Db) {}

  private get k() {
    return this.db.kysely;
  }

  /**
   * Recomputes an article's related stories. With `cascade`, its closest neighbours are
   * recomputed too, so older stories can point at the new one. Returns the articles whose
   * stored list changed, for cache purging.
   */
  async refresh(articleId: number, cascade = true): Promise<number[]> {
    const article = await this.k
      .selectFrom('articles')
      .select(['id', 'headline', 'standfirst', 'body_text', 'status'])
      .where('id', '=', articleId)
      .executeTakeFirst();
    if (article?.status !== 'published') return [];
    await this.indexTerms(article.id, {
      headline: article.headline,
      standfirst: article.standfirst,
      body: article.body_text,
    });
    const related = await this.compute(articleId);
    const changed = [articleId];
    if (cascade) {
      for (const neighbour of related.slice(0, 4)) {
        const before = await this.storedIds(neighbour);
        await this.compute(neighbour);
        const after = await this.storedIds(neighbour);
        if (before.join() !== after.join()) changed.push(neighbour);
      }
    }
    return changed;
  }

  /** Forgets an article that left the site: its terms, its list, its place in others' lists. */
  async remove(articleId: number): Promise<number[]> {
    const listing = await this.k
      .selectFrom('article_related')
      .select('article_id')
      .where('related_id', '=', articleId)
      .execute();
    await this.k.transaction().execute(async (trx) => {
      const terms = await trx.selectFrom('article_terms').select('term').where('article_id', '=', articleId).execute();
      if (terms.length > 0) {
        await trx
          .updateTable('term_stats')
          .set((eb) => ({ df: eb('df', '-', 1) }))
          .where(
            'term',
            'in',
            terms.map((t) => t.term),
          )
          .execute();
      }
      await trx.deleteFrom('article_terms').where('article_id', '=', articleId).execute();
      await trx.deleteFrom('article_related').where('article_id', '=', articleId).execute();
      await trx.deleteFrom('article_related').where('related_id', '=', articleId).execute();
    });
    return listing.map((r) => r.article_id);
  }

  async setOverride(articleId: number, relatedId: number, mode: 'pin' | 'exclude' | null): Promise<void> {
    await this.k
      .deleteFrom('related_overrides')
      .where('article_id', '=', articleId)
      .where('related_id', '=', relatedId)
      .execute();
    if (mode) {
      const position = await this.k
        .selectFrom('related_overrides')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('article_id', '=', articleId)
        .executeTakeFirstOrThrow();
      await this.k
        .insertInto('related_overrides')
        .values({
          article_id: articleId,
          related_id: relatedId,
          mode,
          position: Number(position.n),
          created_at: new Date().toISOString(),
        })
        .execute();
    }
  }

  async storedIds(articleId: number): Promise<number[]> {
    const rows = await this.k
      .selectFrom('article_related')
      .select('related_id')
      .where('article_id', '=', articleId)
      .orderBy('rank')
      .execute();
    return rows.map((r) => r.related_id);
  }

  private async indexTerms(articleId: number, doc: { headline: string; standfirst: string; body: string }) {
    const tf = termFrequencies(doc);
    const terms = [...tf.keys()];
    const df = new Map<string, number>();
    for (let i = 0; i < terms.length; i += 500) {
      const rows = await this.k
        .selectFrom('term_stats')
        .select(['term', 'df'])
        .where('term', 'in', terms.slice(i, i + 500))
        .execute();
      for (const r of rows) df.set(r.term, r.df);
    }
    const { n } = await this.k
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow();
    const weights = weightTerms(tf, df, Number(n));
    await this.k.transaction().execute(async (trx) => {
      const old = await trx.selectFrom('article_terms').select('term').where('article_id', '=', articleId).execute();
      if (old.length > 0) {
        await trx
          .updateTable('term_stats')
          .set((eb) => ({ df: eb('df', '-', 1) }))
          .where(
            'term',
            'in',
            old.map((t) => t.term),
          )
          .execute();
        await trx.deleteFrom('article_terms').where('article_id', '=', articleId).execute();
      }
      // Document frequency counts every distinct term of the article, not only the kept ones.
      for (const term of terms) {
        await trx
          .insertInto('term_stats')
          .values({ term, df: 1 })
          .onConflict((oc) => oc.column('term').doUpdateSet((eb) => ({ df: eb('term_stats.df', '+', 1) })))
          .execute();
      }
      if (weights.size > 0) {
        await trx
          .insertInto('article_terms')
          .values([...weights].map(([term, weight]) => ({ article_id: articleId, term, weight })))
          .execute();
      }
    });
  }

  /** Scores candidates and stores the top list with editors' pins first and exclusions out. */
  private async compute(articleId: number): Promise<number[]> {
    const self = await this.k
      .selectFrom('articles')
      .select(['id', 'section_id', 'story_id', 'published_at'])
      .where('id', '=', articleId)
      .executeTakeFirst();
    if (!self) return [];
    const myTerms = await this.k
      .selectFrom('article_terms')
      .select(['term', 'weight'])
      .where('article_id', '=', articleId)
      .execute();
    const candidates = new Map<number, Candidate>();
    for (const { term, weight } of myTerms) {
      const postings = await this.k
        .selectFrom('article_terms')
        .select(['article_id', 'weight'])
        .where('term', '=', term)
        .orderBy('weight', 'desc')
        .limit(postingsPerTerm)
        .execute();
      for (const p of postings) {
        if (p.article_id === articleId) continue;
        const c = candidates.get(p.article_id) ?? { id: p.article_id, text: 0 };
        c.text += weight * p.weight;
        candidates.set(p.article_id, c);
      }
    }
    const myTags = (
      await this.k.selectFrom('article_tags').select('tag_id').where('article_id', '=', articleId).execute()
    ).map((t) => t.tag_id);
    if (myTags.length > 0) {
      const tagged = await this.k
        .selectFrom('article_tags')
        .select('article_id')
        .where('tag_id', 'in', myTags)
        .where('listed_at', 'is not', null)
        .orderBy('listed_at', 'desc')
        .limit(100)
        .execute();
      for (const t of tagged) {
        if (t.article_id !== articleId && !candidates.has(t.article_id))
          candidates.set(t.article_id, { id: t.article_id, text: 0 });
      }
    }
    if (self.story_id) {
      const thread = await this.k
        .selectFrom('articles')
        .select('id')
        .where('story_id', '=', self.story_id)
        .where('status', '=', 'published')
        .orderBy('published_at', 'desc')
        .limit(20)
        .execute();
      for (const t of thread) {
        if (t.id !== articleId && !candidates.has(t.id)) candidates.set(t.id, { id: t.id, text: 0 });
      }
    }
    const shortlist = [...candidates.values()].sort((a, b) => b.text - a.text).slice(0, 60);
    const ids = shortlist.map((c) => c.id);
    const [meta, tagRows, overrides] = await Promise.all([
      ids.length
        ? this.k
            .selectFrom('articles')
            .select(['id', 'section_id', 'story_id', 'published_at', 'status'])
            .where('id', 'in', ids)
            .execute()
        : Promise.resolve([]),
      ids.length
        ? this.k.selectFrom('article_tags').select(['article_id', 'tag_id']).where('article_id', 'in', ids).execute()
        : Promise.resolve([]),
      this.k
        .selectFrom('related_overrides')
        .select(['related_id', 'mode', 'position'])
        .where('article_id', '=', articleId)
        .orderBy('position')
        .execute(),
    ]);
    const metaById = new Map(meta.map((m) => [m.id, m]));
    const tagsById = new Map<number, Set<number>>();
    for (const r of tagRows) {
      const set = tagsById.get(r.article_id) ?? new Set<number>();
      set.add(r.tag_id);
      tagsById.set(r.article_id, set);
    }
    const mine = new Set(myTags);
    const myTime = Date.parse(self.published_at ?? new Date().toISOString());
    const excluded = new Set(overrides.filter((o) => o.mode === 'exclude').map((o) => o.related_id));
    const scored: { id: number; score: number }[] = [];
    for (const c of shortlist) {
      const m = metaById.get(c.id);
      if (m?.status !== 'published' || excluded.has(c.id)) continue;
      const theirs = tagsById.get(c.id) ?? new Set<number>();
      const shared = [...theirs].filter((t) => mine.has(t)).length;
      const union = new Set([...theirs, ...mine]).size;
      const tagScore = union > 0 ? shared / union : 0;
      const days = Math.abs(myTime - Date.parse(m.published_at ?? '')) / 86_400_000;
      const recency = Number.isFinite(days) ? Math.exp(-days / 30) : 0;
      const score =
        c.text +
        0.25 * tagScore +
        (m.section_id === self.section_id ? 0.05 : 0) +
        (self.story_id && m.story_id === self.story_id ? 0.3 : 0) +
        0.1 * recency;
      scored.push({ id: c.id, score });
    }
    scored.sort((a, b) => b.score - a.score || b.id - a.id);
    const pins = overrides.filter((o) => o.mode === 'pin').map((o) => o.related_id);
    const pinnedPublished = pins.length
      ? (
          await this.k
            .selectFrom('articles')
            .select('id')
            .where('id', 'in', pins)
            .where('status', '=', 'published')
            .execute()
        ).map((r) => r.id)
      : [];
    const ordered = [
      ...pins.filter((p) => pinnedPublished.includes(p)).map((id) => ({ id, score: 1000 })),
      ...scored.filter((s) => !pins.includes(s.id)),
    ].slice(0, storedRelated);
    await this.k.transaction().execute(async (trx) => {
      await trx.deleteFrom('article_related').where('article_id', '=', articleId).execute();
      if (ordered.length > 0) {
        await trx
          .insertInto('article_related')
          .values(ordered.map((o, rank) => ({ article_id: articleId, related_id: o.id, rank, score: o.score })))
          .execute();
      }
    });
    return ordered.map((o) => o.id);
  }
}
