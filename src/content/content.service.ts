import type { PublishedListing, PublishedOrder } from '../articles/articles.queries.js';
import type { ArticlesService, PublishedArticle } from '../articles/articles.service.js';
import { AppError, notFound } from '../errors.js';
import type { Author, Section, Story, Tag, TaxonomyService } from '../taxonomy/taxonomy.service.js';
import type { ArticleFilter } from './content.params.js';

export interface Paged<T> {
  items: T[];
  total: number;
}

export type Lookup = { id: number } | { slug: string };

export type TaxonomyKind = 'sections' | 'tags' | 'authors' | 'stories';
export interface TaxonomyItems {
  sections: Section;
  tags: Tag;
  authors: Author;
  stories: Story;
}

const singular = { sections: 'section', tags: 'tag', authors: 'author', stories: 'story' } as const;

const withdrawn = () => new AppError('gone', 'This article has been withdrawn and is no longer available.');

/**
 * What the Content API reads. Articles come through the articles service, which alone
 * decides what is published: the API can never show what the site would not.
 */
export class ContentService {
  constructor(private readonly deps: { articles: ArticlesService; taxonomy: TaxonomyService }) {}

  async listArticles(opts: {
    filter: ArticleFilter;
    order: PublishedOrder;
    page: number;
    limit: number;
  }): Promise<Paged<PublishedArticle>> {
    const listing = await this.listingFor(opts.filter);
    if (!listing) return { items: [], total: 0 };
    return this.deps.articles.listPublished({ listing, order: opts.order, page: opts.page, pageSize: opts.limit });
  }

  async findArticle(by: Lookup): Promise<PublishedArticle> {
    const found =
      'id' in by ? await this.deps.articles.findPublishedById(by.id) : await this.deps.articles.getArticlePage(by.slug);
    if (found.kind === 'found') return found.article;
    if (found.kind === 'gone') throw withdrawn();
    // An old slug: readers are redirected, the API answers by the current slug or id only.
    throw notFound('article');
  }

  async listTaxonomy<K extends TaxonomyKind>(kind: K, page: number, limit: number): Promise<Paged<TaxonomyItems[K]>> {
    const { taxonomy } = this.deps;
    if (kind === 'sections') {
      const all = taxonomy.allSections();
      return { items: all.slice((page - 1) * limit, page * limit) as TaxonomyItems[K][], total: all.length };
    }
    const options = { page, limit };
    const listed =
      kind === 'tags'
        ? await taxonomy.listTags(options)
        : kind === 'authors'
          ? await taxonomy.listAuthors(options)
          : await taxonomy.listStories(options);
    return listed as Paged<TaxonomyItems[K]>;
  }

  async findTaxonomy<K extends TaxonomyKind>(kind: K, by: Lookup): Promise<TaxonomyItems[K]> {
    const { taxonomy } = this.deps;
    const finders = {
      sections: [async (id: number) => taxonomy.sectionById(id), async (slug: string) => taxonomy.sectionBySlug(slug)],
      tags: [(id: number) => taxonomy.findTagById(id), (slug: string) => taxonomy.findTagBySlug(slug)],
      authors: [(id: number) => taxonomy.findAuthorById(id), (slug: string) => taxonomy.findAuthorBySlug(slug)],
      stories: [(id: number) => taxonomy.findStoryById(id), (slug: string) => taxonomy.findStoryBySlug(slug)],
    } as const;
    const [byId, bySlug] = finders[kind];
    const found = 'id' in by ? await byId(by.id) : await bySlug(by.slug);
    if (!found) throw notFound(singular[kind]);
    return found as TaxonomyItems[K];
  }

  /** The index-backed listing a filter names; null when it names a slug that does not exist. */
  private async listingFor(filter: ArticleFilter): Promise<PublishedListing | null> {
    const { taxonomy } = this.deps;
    let sectionId: number | undefined;
    if (filter.section !== undefined) {
      const section = taxonomy.sectionBySlug(filter.section);
      if (!section) return null;
      sectionId = section.id;
    }
    const inSection = sectionId !== undefined ? { sectionId } : {};
    if (filter.featured) return { by: 'featured', ...inSection };
    if (filter.tag !== undefined) {
      const tag = await taxonomy.findTagBySlug(filter.tag);
      return tag ? { by: 'tag', tagId: tag.id } : null;
    }
    if (filter.author !== undefined) {
      const author = await taxonomy.findAuthorBySlug(filter.author);
      return author ? { by: 'author', authorId: author.id } : null;
    }
    if (filter.story !== undefined) {
      const story = await taxonomy.findStoryBySlug(filter.story);
      return story ? { by: 'story', storyId: story.id } : null;
    }
    return { by: 'latest', ...inSection };
  }
}
