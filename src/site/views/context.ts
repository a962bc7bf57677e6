import type { ArticleCard } from '../../articles/articles.service.js';
import type { SiteSettings } from '../../settings/settings.service.js';
import type { Section } from '../../taxonomy/taxonomy.service.js';

/** What every reader page needs besides its own content; views never query. */
export interface PageContext {
  settings: Readonly<SiteSettings>;
  sections: Section[];
  breaking: ArticleCard[];
  now: Date;
  publicUrl: string;
  /** The request path, for the canonical link and the current-section marker. */
  path: string;
  stylesheet: string;
  favicon: string;
  /** The masthead logo chosen in settings, if any. */
  logo?: { src: string; width: number; height: number } | null;
}

export interface PageMeta {
  title: string;
  description?: string;
  /** Absolute canonical address; defaults to the public URL of the path. */
  canonical?: string;
  robots?: string;
  /** Google News only: 'noindex' keeps a syndicated copy out of Google News but not Search. */
  googlebotNews?: string;
  /** Which section the navigation marks as current. */
  sectionSlug?: string;
  /** The masthead's site name is the page's h1 on the front page only. */
  isFront?: boolean;
  /**
   * This listing's own feeds, advertised after the site's; on section, topic and author
   * pages they are found from the address when not given (feeds/feeds.paths).
   */
  feeds?: { type: string; title: string; href: string }[];
  /** Open Graph (`property`) and X card (`name`) tags, with absolute addresses (seo/page-meta). */
  social?: { property?: string; name?: string; content: string }[];
  /** schema.org objects, each written as a JSON-LD data block. */
  structuredData?: Record<string, unknown>[];
}
