import sanitizeHtml from 'sanitize-html';
import { bodyTextTags } from '../../articles/body/body.tags.js';
import type { AlertRow, ItemRow } from './desk.queries.js';
import type { DiffPart } from './desk.text.js';

/** A JSON column read back; a damaged value reads as empty rather than failing the inbox. */
export function parseJson<T>(value: string | null, fallback: T): T {
  if (!value) return fallback;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
}

const strings = (value: string | null): string[] =>
  parseJson<unknown[]>(value, []).filter((v): v is string => typeof v === 'string');

/**
 * Item bodies are sanitized when stored; the preview passes them through an allowlist once
 * more, so a row written by an older or buggy ingest still cannot put script on a newsroom page.
 * Inline pictures are left out: they are still the agency's addresses, which the newsroom's
 * Content-Security-Policy does not load (the item lists them under `images`).
 */
export function previewHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: bodyTextTags,
    allowedAttributes: { a: ['href'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer' }) },
  });
}

/** The agency as the desk credits it: its source's name, or the web page's host for an item added from a URL. */
export function sourceNameOf(item: Pick<ItemRow, 'source_name' | 'url'>): string {
  if (item.source_name) return item.source_name;
  try {
    return item.url ? new URL(item.url).hostname.replace(/^www\./, '') : 'Unknown source';
  } catch {
    return 'Unknown source';
  }
}

export interface CarryingArticle {
  id: number;
  headline: string;
  status: string;
  relationship: string | null;
  itemVersion: number;
}

/** An item as the inbox lists it. */
export function presentItemSummary(row: ItemRow, extra: { clusterSize: number; articles: CarryingArticle[] }) {
  return {
    id: row.id,
    headline: row.headline,
    summary: row.summary,
    source: { id: row.source_id, name: sourceNameOf(row) },
    origin: row.origin,
    url: row.url,
    version: row.version,
    status: row.status,
    pubStatus: row.pub_status,
    signals: strings(row.signals),
    embargoUntil: row.embargo_until,
    publishedAt: row.item_published_at,
    firstSeenAt: row.first_seen_at,
    updatedAt: row.updated_at,
    defaultSectionId: row.source_section_id ?? null,
    problemCount: strings(row.problems).length,
    clusterId: row.cluster_id,
    clusterSize: extra.clusterSize,
    articles: extra.articles,
  };
}

/** An item in full, for the desk's preview: the sanitized body, its problems, terms and metadata. */
export function presentItem(row: ItemRow, extra: { clusterSize: number; articles: CarryingArticle[] }) {
  return {
    ...presentItemSummary(row, extra),
    bodyHtml: previewHtml(row.body_html),
    bylines: strings(row.bylines),
    dateline: row.dateline,
    subjects: parseJson<unknown[]>(row.subjects, []),
    images: parseJson<unknown[]>(row.images, []),
    language: row.language,
    expiresAt: row.expires_at,
    edNote: row.ed_note,
    usageTerms: row.usage_terms ?? (row.source_usage_terms || null),
    copyrightNotice: row.copyright_notice ?? (row.source_copyright_notice || null),
    sourceItemId: row.source_item_id,
    sourceVersion: row.source_version,
    format: row.format,
    problems: strings(row.problems),
  };
}

export interface VersionDiff {
  fromVersion: number;
  toVersion: number;
  headline: DiffPart[];
  body: DiffPart[];
}

export function presentAlert(row: AlertRow) {
  return {
    id: row.id,
    articleId: row.article_id,
    itemId: row.wire_item_id,
    kind: row.kind,
    message: row.message,
    diff: parseJson<VersionDiff | null>(row.diff, null),
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
  };
}

export const signalsOf = strings;
