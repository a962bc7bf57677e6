import { authorPath, sectionPath, storyPath, tagPath } from '../articles/articles.paths.js';
import type { PublishedArticle } from '../articles/articles.service.js';
import type { Author, Section, Story, Tag } from '../taxonomy/taxonomy.service.js';
import type { ArticleInclude } from './content.params.js';

/** Domain → Content API JSON: snake_case like Ghost's, every address absolute. */

export const articleFields = [
  'id',
  'slug',
  'url',
  'headline',
  'standfirst',
  'kind',
  'body_html',
  'feature_image',
  'published_at',
  'first_published_at',
  'updated_at',
  'section',
  'authors',
  'tags',
  'credit_line',
  'wire_source',
  'wire_source_url',
  'wire_sources',
  'canonical_url',
  'story',
  'notes',
] as const;
export type ArticleField = (typeof articleFields)[number];

export const taxonomyFields = {
  sections: ['id', 'slug', 'name', 'description', 'url'],
  tags: ['id', 'slug', 'name', 'description', 'url'],
  authors: ['id', 'slug', 'name', 'title', 'bio', 'kind', 'url'],
  stories: ['id', 'slug', 'title', 'description', 'status', 'url'],
} as const;

const relations: readonly ArticleField[] = ['section', 'authors', 'tags'];

type Json = Record<string, unknown>;

function pick(source: Json, fields: readonly string[]): Json {
  const out: Json = {};
  for (const f of fields) if (f in source) out[f] = source[f];
  return out;
}

export class ContentPresenter {
  constructor(private readonly publicUrl: string) {}

  private abs(path: string): string {
    return /^https?:\/\//.test(path) ? path : `${this.publicUrl}${path}`;
  }

  /**
   * Without `fields`, every plain field and the relations `include` asks for; with it,
   * exactly those fields (a relation named in `fields` is included without asking twice).
   */
  article(a: PublishedArticle, opts: { fields: readonly ArticleField[] | null; include: readonly ArticleInclude[] }) {
    const wanted =
      opts.fields ?? articleFields.filter((f) => !relations.includes(f) || opts.include.includes(f as ArticleInclude));
    const image = a.featureImage;
    const all: Record<ArticleField, unknown> = {
      id: a.id,
      slug: a.slug,
      url: this.abs(a.url),
      headline: a.headline,
      standfirst: a.standfirst,
      kind: a.kind,
      body_html: a.bodyHtml,
      feature_image: image
        ? {
            url: this.abs(image.src),
            width: image.width,
            height: image.height,
            alt: image.alt,
            caption: image.caption,
            credit: image.credit,
          }
        : null,
      published_at: a.publishedAt,
      first_published_at: a.firstPublishedAt,
      updated_at: a.modifiedAt,
      section: {
        id: a.section.id,
        slug: a.section.slug,
        name: a.section.name,
        url: this.abs(sectionPath(a.section.slug)),
      },
      authors: a.byline.authors.map((p) => ({
        id: p.id,
        slug: p.slug,
        name: p.name,
        title: p.title,
        bio: p.bio,
        kind: p.kind,
        url: this.abs(p.url),
      })),
      tags: a.tags.map((t) => ({ id: t.id, slug: t.slug, name: t.name, url: this.abs(t.url) })),
      credit_line: a.creditLine,
      wire_source: a.wireSource,
      wire_source_url: a.wireSourceUrl,
      wire_sources: a.wireSources.map((s) => ({
        name: s.name,
        url: s.url,
        copyright_notice: s.copyrightNotice || null,
      })),
      canonical_url: a.canonicalUrl,
      story: a.story ? { id: a.story.id, slug: a.story.slug, title: a.story.title, url: this.abs(a.story.url) } : null,
      notes: a.notes.map((n) => ({ id: n.id, kind: n.kind, body: n.body, created_at: n.createdAt })),
    };
    return pick(all, wanted);
  }

  section(s: Section, fields: readonly string[] | null) {
    const all = {
      id: s.id,
      slug: s.slug,
      name: s.name,
      description: s.description,
      url: this.abs(sectionPath(s.slug)),
    };
    return pick(all, fields ?? taxonomyFields.sections);
  }

  tag(t: Tag, fields: readonly string[] | null) {
    const all = { id: t.id, slug: t.slug, name: t.name, description: t.description, url: this.abs(tagPath(t.slug)) };
    return pick(all, fields ?? taxonomyFields.tags);
  }

  /** Never the author's email: bylines are public, addresses are not. */
  author(p: Author, fields: readonly string[] | null) {
    const all = {
      id: p.id,
      slug: p.slug,
      name: p.name,
      title: p.title,
      bio: p.bio,
      kind: p.kind,
      url: this.abs(authorPath(p.slug)),
    };
    return pick(all, fields ?? taxonomyFields.authors);
  }

  story(s: Story, fields: readonly string[] | null) {
    const all = {
      id: s.id,
      slug: s.slug,
      title: s.title,
      description: s.description,
      status: s.status,
      url: this.abs(storyPath(s.slug)),
    };
    return pick(all, fields ?? taxonomyFields.stories);
  }
}

/** Ghost's pagination block: `pages` is at least 1, `next`/`prev` null at the ends. */
export function pagination(page: number, limit: number, total: number) {
  const pages = Math.max(1, Math.ceil(total / limit));
  return {
    pagination: {
      page,
      limit,
      pages,
      total,
      next: page < pages ? page + 1 : null,
      prev: page > 1 ? Math.min(page - 1, pages) : null,
    },
  };
}
