import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Window } from 'happy-dom';
import type { Services } from '../../src/app.js';
import { articlePath } from '../../src/articles/articles.paths.js';
import type { ArticleRecord } from '../../src/articles/articles.service.js';

const window = new Window();

export type Page = ReturnType<typeof parseHtml>;

/** Parses a page as a browser would, so tests ask for elements instead of matching markup. */
export function parseHtml(html: string) {
  return new window.DOMParser().parseFromString(html, 'text/html');
}

/** An element's text as a reader sees it: whitespace collapsed. */
export function textOf(element: { textContent: string | null } | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A GET as a browser makes it (Accept: text/html), and the parsed page. */
export async function getPage(
  app: FastifyInstance,
  url: string,
  headers: Record<string, string> = {},
): Promise<{ res: LightMyRequestResponse; doc: Page }> {
  const res = await app.inject({ method: 'GET', url, headers: { accept: 'text/html,*/*;q=0.8', ...headers } });
  return { res, doc: parseHtml(res.body) };
}

/** The address a published article lives at, as the site builds it. */
export function urlOf(services: Services, article: ArticleRecord): string {
  const section = services.taxonomy.sectionById(article.section_id);
  if (!section) throw new Error(`article ${article.id} has no section`);
  return articlePath(section.slug, article.first_published_at, article.slug, services.settings.get().timeZone);
}

/** Headlines of the article cards inside `scope`, in page order. */
export function cardHeadlines(doc: Page, scope = 'main'): string[] {
  return [...doc.querySelectorAll(`${scope} .card__headline`)].map((h) => textOf(h));
}
