import type { Article, ArticleFields, BodyDoc, CommentsMode, Session } from '../api/types';
import { emptyBody } from './extensions';

/**
 * The form's copy of an article's fields, without the body (which lives in the editor).
 * `commentsMode` is null on a new article: the site's default applies until someone picks.
 */
export type Draft = Omit<ArticleFields, 'body' | 'commentsMode'> & { commentsMode: CommentsMode | null };

export function emptyDraft(session: Session | null): Draft {
  return {
    headline: '',
    standfirst: '',
    slug: '',
    kind: 'news',
    sectionId: null,
    authorIds: session?.staff.authorId ? [session.staff.authorId] : [],
    tagIds: [],
    featureImageId: null,
    featureImageCaption: null,
    creditLine: null,
    wireSource: null,
    wireSourceUrl: null,
    canonicalUrl: null,
    isBreaking: false,
    breakingUntil: null,
    frontPageSlot: null,
    storyId: null,
    commentsMode: null,
    seoTitle: null,
    seoDescription: null,
    robots: null,
  };
}

export function draftOf(article: Article): Draft {
  return {
    headline: article.headline ?? '',
    standfirst: article.standfirst ?? '',
    slug: article.slug ?? '',
    kind: article.kind,
    sectionId: article.sectionId,
    authorIds: article.authorIds ?? [],
    tagIds: article.tagIds ?? [],
    featureImageId: article.featureImageId,
    featureImageCaption: article.featureImageCaption,
    creditLine: article.creditLine,
    wireSource: article.wireSource,
    wireSourceUrl: article.wireSourceUrl,
    canonicalUrl: article.canonicalUrl,
    isBreaking: Boolean(article.isBreaking),
    breakingUntil: article.breakingUntil,
    frontPageSlot: article.frontPageSlot,
    storyId: article.storyId,
    commentsMode: article.commentsMode,
    seoTitle: article.seoTitle,
    seoDescription: article.seoDescription,
    robots: article.robots,
  };
}

/** The body as a document, whether the server sent it parsed or as JSON text. */
export function bodyOf(article: Pick<Article, 'body'>): BodyDoc {
  const body: unknown = article.body;
  if (typeof body === 'string') {
    try {
      return JSON.parse(body) as BodyDoc;
    } catch {
      return emptyBody;
    }
  }
  return body && typeof body === 'object' ? (body as BodyDoc) : emptyBody;
}

/** What is sent on save: empty optional texts become null, and what the server should choose is left out. */
export function payloadOf(draft: Draft, body: BodyDoc): Record<string, unknown> {
  const payload: Record<string, unknown> = { ...draft, body, headline: draft.headline.trim() };
  if (!draft.slug.trim()) delete payload.slug;
  if (draft.commentsMode === null) delete payload.commentsMode;
  if (!draft.isBreaking) payload.breakingUntil = null;
  return payload;
}

/** Fields the editor page shows beside their controls; other field errors go to the alert. */
export const placedFields = [
  'headline',
  'standfirst',
  'slug',
  'body',
  'kind',
  'sectionId',
  'authorIds',
  'tagIds',
  'featureImageId',
  'featureImageCaption',
  'creditLine',
  'wireSource',
  'wireSourceUrl',
  'canonicalUrl',
  'isBreaking',
  'breakingUntil',
  'frontPageSlot',
  'storyId',
  'commentsMode',
  'seoTitle',
  'seoDescription',
  'robots',
  'at',
];
