// The shape of the demo content that `npm start` loads into an empty database.
// Everything here is invented for Newsdesk: the city of Calder Bay, its institutions,
// its people and its news agencies are fictional.

export type SectionSlug = 'city' | 'politics' | 'business' | 'world' | 'sport' | 'culture' | 'science' | 'opinion';

export type AuthorSlug =
  | 'mara-okonkwo'
  | 'tomas-reyes'
  | 'ines-halvorsen'
  | 'devi-castellanos'
  | 'jonah-whitcombe'
  | 'priya-lindqvist'
  | 'samuel-achterberg'
  | 'news-desk';

export type ImageKey =
  | 'harbour'
  | 'bridge'
  | 'council'
  | 'market'
  | 'stadium'
  | 'laboratory'
  | 'theatre'
  | 'skyline'
  | 'railway'
  | 'forest'
  | 'courthouse'
  | 'festival'
  | 'ferry'
  | 'wind-farm';

export type WireSource = 'Meridian Press Agency' | 'Northline Wire';

export type ArticleKind = 'news' | 'analysis' | 'opinion' | 'explainer' | 'interview' | 'feature' | 'review';

export interface DemoArticle {
  /** URL slug, lowercase words joined by hyphens, unique across the demo. */
  slug: string;
  headline: string;
  /** One or two sentences shown under the headline and as the excerpt in listings. */
  standfirst: string;
  section: SectionSlug;
  kind: ArticleKind;
  /** Ordered bylines. Empty only for wire copy published as received. */
  authors: AuthorSlug[];
  /** Tag slugs from tags.ts. */
  tags: string[];
  image?: ImageKey;
  /** Published this many hours before the demo is loaded (0.5 = half an hour ago). */
  hoursAgo: number;
  /** Developing-story thread this article belongs to (see stories in catalog.ts). */
  story?: 'harbour-bridge-closure';
  /** Wire copy: the agency, the agency's original address, and whether the desk added to it. */
  wire?: { source: WireSource; originalUrl: string; additionalInput: boolean };
  breaking?: boolean;
  /** Front-page curation: the top story, or one of the featured slots. */
  pin?: 'top' | 'featured';
  /** Correction or update notes appended after publication. */
  notes?: { kind: 'correction' | 'update'; text: string; hoursAfterPublication: number }[];
  /**
   * The body in a small markdown subset, one block per paragraph (blank line between):
   *   plain paragraphs; "## Sub-heading"; "> quoted text" (block quote);
   *   "- item" lines (a bulleted list); **bold**; _italic_; [link text](https://example.org/...)
   *   and a line of its own "[[read-more: other-article-slug]]" for an inline "Read more" card.
   */
  body: string;
}
