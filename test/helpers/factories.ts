import type { Services } from '../../src/app.js';
import type { ArticleInput, ArticleRecord } from '../../src/articles/articles.service.js';
import type { BodyDoc } from '../../src/articles/body/body.schema.js';
import type { Author, Section, Story, Tag } from '../../src/taxonomy/taxonomy.service.js';

let counter = 0;
const next = () => ++counter;

export function paragraphs(...texts: string[]): BodyDoc {
  return {
    type: 'doc',
    content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  };
}

export async function buildSection(s: Services, slug = `section-${next()}`, name?: string): Promise<Section> {
  return (
    s.taxonomy.sectionBySlug(slug) ??
    s.taxonomy.createSection({ slug, name: name ?? slug.replace(/-/g, ' ').replace(/^\w/, (c) => c.toUpperCase()) })
  );
}

export async function buildTag(s: Services, slug = `tag-${next()}`): Promise<Tag> {
  return (await s.taxonomy.findTagBySlug(slug)) ?? s.taxonomy.createTag({ slug, name: slug.replace(/-/g, ' ') });
}

export async function buildAuthor(s: Services, slug = `author-${next()}`, name?: string): Promise<Author> {
  return (await s.taxonomy.findAuthorBySlug(slug)) ?? s.taxonomy.createAuthor({ slug, name: name ?? slug });
}

export async function buildStory(s: Services, slug = `story-${next()}`): Promise<Story> {
  return (await s.taxonomy.findStoryBySlug(slug)) ?? s.taxonomy.createStory({ slug, title: slug.replace(/-/g, ' ') });
}

export interface ArticleSpec extends Partial<Omit<ArticleInput, 'sectionId' | 'authorIds' | 'tagIds' | 'storyId'>> {
  section?: string;
  authors?: string[];
  tags?: string[];
  story?: string;
  /** Publish it (at this time, or now). */
  published?: boolean | Date;
  text?: string;
}

/** Creates exactly the article a test names, and the section, authors and tags it mentions. */
export async function buildArticle(s: Services, spec: ArticleSpec = {}): Promise<ArticleRecord> {
  const n = next();
  const section = await buildSection(s, spec.section ?? 'news');
  const authorIds = [];
  for (const a of spec.authors ?? []) authorIds.push((await buildAuthor(s, a)).id);
  const tagIds = [];
  for (const t of spec.tags ?? []) tagIds.push((await buildTag(s, t)).id);
  const story = spec.story ? await buildStory(s, spec.story) : null;
  const { section: _s, authors: _a, tags: _t, story: _st, published, text, ...rest } = spec;
  const article = await s.articles.createArticle({
    headline: `Headline ${n}`,
    body: paragraphs(text ?? `Body of article ${n}.`),
    ...rest,
    sectionId: section.id,
    authorIds,
    tagIds,
    storyId: story?.id ?? null,
  });
  if (!published) return article;
  return s.articles.publishArticle(article.id, published instanceof Date ? published : undefined);
}
