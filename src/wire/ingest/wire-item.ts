import type { PubStatus } from '../wire.table.js';

export interface WireSubject {
  name: string;
  code?: string;
  uri?: string;
}

export interface WireImage {
  url: string;
  caption?: string;
  credit?: string;
  alt?: string;
  width?: number;
  height?: number;
  mimeType?: string;
}

/** The format an item was read from: the feed format, the ninjs generation, or a web page. */
export type WireItemFormat = 'rss' | 'atom' | 'jsonfeed' | 'ninjs-1' | 'ninjs-2' | 'ninjs-3' | 'url';

/**
 * One wire item as every format is read into: the desk never needs to know whether it came
 * as RSS, Atom, JSON Feed, ninjs or a web page. The body is sanitized already; `raw` is the
 * item exactly as the agency sent it, kept for audit and re-parsing.
 */
export interface ParsedWireItem {
  format: WireItemFormat;
  /** The agency's id: ninjs uri, RSS guid, Atom id, JSON Feed id, or the page's address. */
  sourceItemId: string;
  /** The agency's own version label, when it gives one. */
  sourceVersion: string | null;
  url: string | null;
  headline: string;
  summary: string;
  bodyHtml: string;
  bodyText: string;
  bylines: string[];
  dateline: string | null;
  subjects: WireSubject[];
  images: WireImage[];
  language: string | null;
  /** ISO-8601 UTC. */
  publishedAt: string | null;
  embargoUntil: string | null;
  expiresAt: string | null;
  pubStatus: PubStatus;
  /** update, correction, kill, withheld... */
  signals: string[];
  /** The agency's note to editors: never published. */
  edNote: string | null;
  usageTerms: string | null;
  copyrightNotice: string | null;
  /** Agency-specific fields, kept as received. */
  extensions: Record<string, unknown>;
  raw: string;
  /** What was wrong with the item as received, in words an editor understands. */
  problems: string[];
}
