import { Readability } from '@mozilla/readability';
import { Window } from 'happy-dom';
import { normalizeItem } from './normalize.js';
import { plainLine } from './sanitize.js';
import type { ParsedWireItem } from './wire-item.js';

/** Below this much text, what Readability found is a menu or a teaser, not an article. */
const MIN_ARTICLE_CHARS = 200;

/**
 * A web article's page into the wire-item model, with Mozilla Readability (Firefox's Reader
 * View) over happy-dom: the story's text without navigation, ads and comments. The page's
 * scripts never run (happy-dom is told not to), and Readability's HTML still goes through
 * the same sanitizer as agency copy. Null when no article can be found on the page.
 */
export async function extractArticle(html: string, pageUrl: string): Promise<ParsedWireItem | null> {
  const window = new Window({
    url: pageUrl,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  try {
    const document = window.document;
    document.write(html);
    const meta = (selector: string) => document.querySelector(selector)?.getAttribute('content')?.trim() || null;
    const title = meta('meta[property="og:title"]') ?? meta('meta[name="twitter:title"]');
    const leadImage = meta('meta[property="og:image"]') ?? meta('meta[name="twitter:image"]');
    const published = meta('meta[property="article:published_time"]');
    const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
    const language = document.documentElement.getAttribute('lang');

    // happy-dom implements the DOM Readability walks; its types are its own.
    const article = new Readability(document as unknown as Document).parse();
    const text = article?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    if (!article?.content || text.length < MIN_ARTICLE_CHARS) return null;

    const headline = title ?? (article.title ? plainLine(article.title) : null);
    return normalizeItem(
      {
        format: 'url',
        raw: html,
        sourceItemId: pageUrl,
        url: pageUrl,
        headline,
        summary: article.excerpt,
        bodyHtml: withoutRepeatedHeadline(article.content, headline),
        // Pages write "By Ola Fjell"; the desk's byline is the name.
        bylines: [article.byline?.replace(/^\s*by\s+/i, '') ?? null],
        images: leadImage ? [{ url: leadImage }] : [],
        language: article.lang ?? language,
        publishedAt: published ? { value: published, field: 'article:published_time' } : null,
        extensions: {
          ...(article.siteName ? { siteName: article.siteName } : {}),
          ...(canonical ? { canonicalUrl: canonical } : {}),
        },
      },
      pageUrl,
    );
  } finally {
    await window.happyDOM.close();
  }
}

/** Readability keeps the page's own headline at the top of the body; the item has it already. */
function withoutRepeatedHeadline(html: string, headline: string | null): string {
  if (!headline) return html;
  return html.replace(/<h[1-3][^>]*>([\s\S]*?)<\/h[1-3]>/i, (whole, inner: string) =>
    plainLine(inner) === headline ? '' : whole,
  );
}
