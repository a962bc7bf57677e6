import { diffWords } from 'diff';
import type { Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { notFound } from '../errors.js';
import type { ArticleAction } from './articles.table.js';
import type { BodyDoc } from './body/body.schema.js';
import { walk } from './body/body.walk.js';

/** The editable state of an article at one version: what a revision keeps and a restore puts back. */
export interface RevisionSnapshot {
  headline: string;
  standfirst: string;
  slug: string;
  body: BodyDoc;
  kind: string;
  sectionId: number;
  authorIds: number[];
  tagIds: number[];
  featureImageId: number | null;
  featureImageCaption: string | null;
  creditLine: string | null;
  wireSource: string | null;
  wireSourceUrl: string | null;
  canonicalUrl: string | null;
  isBreaking: boolean;
  breakingUntil: string | null;
  frontPageSlot: number | null;
  storyId: number | null;
  commentsMode: string;
  seoTitle: string | null;
  seoDescription: string | null;
  robots: string | null;
  /** Absent from revisions written before the wire desk. */
  showWireChanges?: boolean;
}

export interface RevisionSummary {
  id: number;
  version: number;
  autosave: boolean;
  staffId: number | null;
  createdAt: string;
}

export interface ArticleEvent {
  id: number;
  action: ArticleAction;
  detail: string;
  staffId: number | null;
  createdAt: string;
}

export interface DiffPart {
  text: string;
  change: 'same' | 'added' | 'removed';
}

export interface FieldDiff {
  field: keyof RevisionSnapshot;
  label: string;
  parts: DiffPart[];
}

/** Consecutive autosaves by one person within this window fold into one revision. */
const autosaveWindowMs = 10 * 60 * 1000;

const labels: Record<keyof RevisionSnapshot, string> = {
  headline: 'Headline',
  standfirst: 'Standfirst',
  slug: 'Slug',
  body: 'Body',
  kind: 'Kind',
  sectionId: 'Section',
  authorIds: 'Authors',
  tagIds: 'Tags',
  featureImageId: 'Feature image',
  featureImageCaption: 'Feature image caption',
  creditLine: 'Credit line',
  wireSource: 'Wire source',
  wireSourceUrl: 'Wire source URL',
  canonicalUrl: 'Canonical URL',
  isBreaking: 'Breaking',
  breakingUntil: 'Breaking until',
  frontPageSlot: 'Front-page slot',
  storyId: 'Story thread',
  commentsMode: 'Comments',
  seoTitle: 'SEO title',
  seoDescription: 'SEO description',
  robots: 'Robots',
  showWireChanges: 'What our desk added (shown to readers)',
};

/** The body as readable text for a diff: one line per block, figures and cards named. */
export function bodyAsText(doc: BodyDoc): string {
  const lines: string[] = [];
  for (const block of doc.content ?? []) {
    if (block.type === 'figure') lines.push(`[Figure: ${block.attrs?.caption ?? ''}]`);
    else if (block.type === 'readMore') lines.push(`[Read more: ${block.attrs?.headline ?? ''}]`);
    else if (block.type === 'embed') lines.push(`[Embed: ${block.attrs?.url ?? ''}]`);
    else {
      let text = '';
      walk(block, (node) => {
        if (node.type === 'text') text += node.text ?? '';
        if (node.type === 'hardBreak') text += ' ';
      });
      lines.push(text);
    }
  }
  return lines.join('\n');
}

function asText(field: keyof RevisionSnapshot, value: unknown): string {
  if (field === 'body') return bodyAsText(value as BodyDoc);
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** Word-level differences, field by field; unchanged fields are left out. */
export function diffSnapshots(from: RevisionSnapshot, to: RevisionSnapshot): FieldDiff[] {
  const out: FieldDiff[] = [];
  for (const field of Object.keys(labels) as (keyof RevisionSnapshot)[]) {
    const a = asText(field, from[field]);
    const b = asText(field, to[field]);
    if (a === b) continue;
    const parts = diffWords(a, b).map(
      (c): DiffPart => ({ text: c.value, change: c.added ? 'added' : c.removed ? 'removed' : 'same' }),
    );
    out.push({ field, label: labels[field], parts });
  }
  return out;
}

/**
 * Revisions and the workflow log of articles. The service writes both inside the
 * transaction that changes the article, so history never disagrees with the article.
 */
export class ArticleHistory {
  constructor(private readonly db: Db) {}

  async recordRevision(
    trx: Transaction<Database>,
    input: {
      articleId: number;
      version: number;
      staffId: number | null;
      autosave: boolean;
      snapshot: RevisionSnapshot;
      at: string;
    },
  ): Promise<void> {
    const snapshot = JSON.stringify(input.snapshot);
    if (input.autosave) {
      const last = await trx
        .selectFrom('article_revisions')
        .select(['id', 'autosave', 'staff_id', 'created_at'])
        .where('article_id', '=', input.articleId)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      const foldable =
        last?.autosave === 1 &&
        last.staff_id === input.staffId &&
        Date.parse(input.at) - Date.parse(last.created_at) < autosaveWindowMs;
      if (last && foldable) {
        await trx
          .updateTable('article_revisions')
          .set({ version: input.version, snapshot })
          .where('id', '=', last.id)
          .execute();
        return;
      }
    }
    await trx
      .insertInto('article_revisions')
      .values({
        article_id: input.articleId,
        version: input.version,
        staff_id: input.staffId,
        autosave: input.autosave ? 1 : 0,
        snapshot,
        created_at: input.at,
      })
      .execute();
  }

  async recordEvent(
    trx: Transaction<Database>,
    input: { articleId: number; staffId: number | null; action: ArticleAction; detail?: string; at: string },
  ): Promise<void> {
    await trx
      .insertInto('article_events')
      .values({
        article_id: input.articleId,
        staff_id: input.staffId,
        action: input.action,
        detail: input.detail ?? '',
        created_at: input.at,
      })
      .execute();
  }

  async listRevisions(articleId: number): Promise<RevisionSummary[]> {
    const rows = await this.db.kysely
      .selectFrom('article_revisions')
      .select(['id', 'version', 'autosave', 'staff_id', 'created_at'])
      .where('article_id', '=', articleId)
      .orderBy('id', 'desc')
      .limit(200)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      version: r.version,
      autosave: r.autosave === 1,
      staffId: r.staff_id,
      createdAt: r.created_at,
    }));
  }

  async getRevision(articleId: number, revisionId: number): Promise<RevisionSummary & { snapshot: RevisionSnapshot }> {
    const row = await this.db.kysely
      .selectFrom('article_revisions')
      .selectAll()
      .where('article_id', '=', articleId)
      .where('id', '=', revisionId)
      .executeTakeFirst();
    if (!row) throw notFound('revision');
    return {
      id: row.id,
      version: row.version,
      autosave: row.autosave === 1,
      staffId: row.staff_id,
      createdAt: row.created_at,
      snapshot: JSON.parse(row.snapshot) as RevisionSnapshot,
    };
  }

  async listEvents(articleId: number): Promise<ArticleEvent[]> {
    const rows = await this.db.kysely
      .selectFrom('article_events')
      .selectAll()
      .where('article_id', '=', articleId)
      .orderBy('id', 'desc')
      .limit(500)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      action: r.action,
      detail: r.detail,
      staffId: r.staff_id,
      createdAt: r.created_at,
    }));
  }
}
