import type { Generated } from 'kysely';

/** Feed formats a source can be read as; `auto` detects from the payload. */
export const wireFormats = ['auto', 'rss', 'atom', 'jsonfeed', 'ninjs'] as const;
export type WireFormat = (typeof wireFormats)[number];

/** What search engines may do with copy published as received from this source. */
export const indexPolicies = ['index', 'news_noindex', 'noindex'] as const;
export type IndexPolicy = (typeof indexPolicies)[number];

/** The agency's status of an item (IPTC pubStatus): canceled is a kill. */
export const pubStatuses = ['usable', 'withheld', 'canceled'] as const;
export type PubStatus = (typeof pubStatuses)[number];

/** Where an item stands on the desk. */
export const wireItemStatuses = ['new', 'ignored', 'adopted'] as const;
export type WireItemStatus = (typeof wireItemStatuses)[number];

export const wireAlertKinds = ['update', 'applied', 'correction', 'kill', 'withheld', 'embargo'] as const;
export type WireAlertKind = (typeof wireAlertKinds)[number];

/** How an article relates to the wire copy it carries, decided when it is published. */
export const wireRelationships = ['verbatim', 'edited'] as const;
export type WireRelationship = (typeof wireRelationships)[number];

export interface WireSourcesTable {
  id: Generated<number>;
  /** The agency as credited: "Reuters", "Harbour Press Agency". */
  name: string;
  url: string;
  format: WireFormat;
  poll_minutes: Generated<number>;
  /** Credit for copy published as received; {source} is the agency's name. */
  credit_template: string;
  /** Credit once the desk changed the copy; {sources} and {desk}. */
  edited_credit_template: string;
  default_section_id: number | null;
  usage_terms: Generated<string>;
  copyright_notice: Generated<string>;
  index_policy: Generated<IndexPolicy>;
  enabled: Generated<number>;
  /** Validators of the last 200 answer, sent back as If-None-Match / If-Modified-Since. */
  etag: string | null;
  last_modified: string | null;
  next_poll_at: string | null;
  last_polled_at: string | null;
  last_success_at: string | null;
  /** What went wrong on the last poll, in words an editor understands; null after a success. */
  last_error: string | null;
  last_error_at: string | null;
  /** Consecutive failed polls; drives the backoff. */
  failures: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** One wire story at its latest version; every version's raw payload is in wire_item_versions. */
export interface WireItemsTable {
  id: Generated<number>;
  /** Null for an item added from a web page's address. */
  source_id: number | null;
  /** 'feed' or 'url' (added by pasting a web page's address). */
  origin: string;
  /** The agency's id (ninjs uri, RSS guid, Atom id, JSON Feed id), or the page's address. */
  source_item_id: string;
  /** Our count of the versions seen, from 1. */
  version: Generated<number>;
  /** The agency's own version label, when it gives one. */
  source_version: string | null;
  url: string | null;
  headline: string;
  summary: Generated<string>;
  /** Sanitised before it is stored; never the agency's raw HTML. */
  body_html: string;
  body_text: string;
  /** JSON string[] */
  bylines: Generated<string>;
  dateline: string | null;
  /** JSON {name, code?, uri?}[] */
  subjects: Generated<string>;
  /** JSON {url, caption?, credit?, alt?, width?, height?, mimeType?}[] */
  images: Generated<string>;
  language: string | null;
  /** When the agency says it published it. */
  item_published_at: string | null;
  embargo_until: string | null;
  expires_at: string | null;
  pub_status: Generated<PubStatus>;
  /** JSON string[]: update, correction, kill... */
  signals: Generated<string>;
  /** The agency's note to editors: never published. */
  ed_note: string | null;
  usage_terms: string | null;
  copyright_notice: string | null;
  /** SHA-256 of the normalised headline and text: the same story delivered twice. */
  content_hash: string;
  /** The first item of the group telling the same story (from several agencies); its own id when alone. */
  cluster_id: number | null;
  status: Generated<WireItemStatus>;
  format: string;
  /** JSON {extensions: agency-specific fields kept as received} */
  extensions: Generated<string>;
  /** JSON string[]: what was wrong with the item as received (an invalid date, a relative link...). */
  problems: Generated<string>;
  first_seen_at: string;
  updated_at: string;
}

export interface WireItemVersionsTable {
  id: Generated<number>;
  item_id: number;
  version: number;
  source_version: string | null;
  /** The item exactly as received (XML or JSON text), for audit and re-parsing. */
  raw: string;
  headline: string;
  body_html: string;
  content_hash: string;
  pub_status: PubStatus;
  /** JSON string[] */
  signals: Generated<string>;
  fetched_at: string;
}

/** Provenance of an article built from wire copy: what was received, when, on what terms. */
export interface ArticleWireTable {
  article_id: number;
  wire_item_id: number;
  /** Order of the sources in the credit line. */
  position: number;
  source_id: number | null;
  source_name: string;
  original_url: string | null;
  /** The item's version adopted, or last applied to the article. */
  item_version: number;
  original_headline: string;
  original_body_html: string;
  original_body_text: string;
  usage_terms: string | null;
  copyright_notice: string | null;
  fetched_at: string;
  adopted_at: string;
  adopted_by: number | null;
}

/** Something an agency did to an item that an article carries, for that article's editors. */
export interface WireAlertsTable {
  id: Generated<number>;
  article_id: number;
  wire_item_id: number;
  kind: WireAlertKind;
  message: string;
  /** JSON of the word diff between the versions, or null. */
  diff: string | null;
  created_at: string;
  resolved_at: string | null;
  resolved_by: number | null;
}
