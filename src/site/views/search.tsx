import type { ArticleCard } from '../../articles/articles.service.js';
import type { SearchParams } from '../../search/search.params.js';
import type { SearchHit, SearchResults } from '../../search/search.service.js';
import { kindLabel } from '../format.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';
import { BylineText, Card, Picture, Time } from './parts.js';

/** The address of a search, keeping what the reader chose; blank choices are left out. */
function searchHref(p: { q?: string; section?: string; from?: string; to?: string; page?: number }): string {
  const query = new URLSearchParams();
  if (p.q) query.set('q', p.q);
  if (p.section) query.set('section', p.section);
  if (p.from) query.set('from', p.from);
  if (p.to) query.set('to', p.to);
  if (p.page && p.page > 1) query.set('page', String(p.page));
  const s = query.toString();
  return s ? `/search?${s}` : '/search';
}

export function SearchPage({
  ctx,
  params,
  results,
  latest,
}: {
  ctx: PageContext;
  params: SearchParams;
  results: SearchResults;
  latest: ArticleCard[];
}) {
  const asked = params.text !== '';
  const title = asked ? `Search: ${params.text}` : 'Search';
  const current = {
    q: params.text,
    ...(params.section ? { section: params.section.slug } : {}),
    ...(params.fromDate ? { from: params.fromDate } : {}),
    ...(params.toDate ? { to: params.toDate } : {}),
  };
  return (
    <Layout ctx={ctx} meta={{ title: results.page > 1 ? `${title}, page ${results.page}` : title, robots: 'noindex' }}>
      <header class="listing-header search-header">
        <h1>{asked ? 'Search results' : 'Search'}</h1>
        <SearchForm ctx={ctx} params={params} />
      </header>
      {!asked ? (
        <p class="empty">Search every story we have published: type a few words from a headline, a topic or a name.</p>
      ) : results.items.length > 0 ? (
        <>
          <p class="search-summary">
            Stories matching <strong>{params.text}</strong>
            <FilterSummary ctx={ctx} params={params} />
            {results.page > 1 ? `, page ${results.page}` : ''}, most relevant first.
          </p>
          <ol class="listing search-results">
            {results.items.map((hit) => (
              <li key={hit.card.id}>
                <SearchResult hit={hit} ctx={ctx} />
              </li>
            ))}
          </ol>
          <SearchPagination current={current} page={results.page} hasNext={results.hasNext} />
        </>
      ) : (
        <NoResults ctx={ctx} params={params} current={current} latest={latest} />
      )}
    </Layout>
  );
}

function SearchForm({ ctx, params }: { ctx: PageContext; params: SearchParams }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: the <search> element is too new for many screen readers; the role is understood everywhere
    <form class="search-form" role="search" action="/search" method="get">
      <p class="search-form__query">
        <label for="search-q">Search for</label>
        <input id="search-q" type="search" name="q" value={params.text} maxLength={200} />
        <button type="submit">Search</button>
      </p>
      <fieldset class="search-form__filters">
        <legend>Narrow your search</legend>
        <p>
          <label for="search-section">Section</label>
          <select id="search-section" name="section">
            <option value="">All sections</option>
            {ctx.sections.map((s) => (
              <option key={s.id} value={s.slug} selected={params.section?.id === s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label for="search-from">From</label>
          <input id="search-from" type="date" name="from" value={params.fromDate ?? ''} />
        </p>
        <p>
          <label for="search-to">To</label>
          <input id="search-to" type="date" name="to" value={params.toDate ?? ''} />
        </p>
      </fieldset>
    </form>
  );
}

function FilterSummary({ ctx, params }: { ctx: PageContext; params: SearchParams }) {
  const fmt = (date: string) =>
    new Intl.DateTimeFormat(ctx.settings.locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })
      // Noon UTC: the calendar day as written, whatever the server's zone.
      .format(new Date(`${date}T12:00:00Z`));
  return (
    <>
      {params.section ? ` in ${params.section.name}` : ''}
      {params.fromDate ? ` from ${fmt(params.fromDate)}` : ''}
      {params.toDate ? ` until ${fmt(params.toDate)}` : ''}
    </>
  );
}

function SearchResult({ hit, ctx }: { hit: SearchHit; ctx: PageContext }) {
  const { card } = hit;
  const kind = kindLabel(card.kind);
  const label = kind && kind.toLowerCase() !== card.section.name.toLowerCase() ? kind : null;
  return (
    <article class="card card--list search-hit">
      {card.image ? (
        <div class="card__media">
          <Picture image={card.image} alt="" sizes="(min-width: 960px) 320px, 50vw" />
        </div>
      ) : null}
      <div class="card__body">
        <p class="card__kicker">
          {card.isBreaking ? <span class="tag-breaking">Breaking</span> : null}
          <a href={`/${card.section.slug}`}>{card.section.name}</a>
          {label ? <span class="card__kind">{label}</span> : null}
        </p>
        <h2 class="card__headline">
          <a href={card.url}>{card.headline}</a>
        </h2>
        {card.standfirst ? <p class="card__standfirst">{card.standfirst}</p> : null}
        {hit.snippet ? (
          // biome-ignore lint/security/noDangerouslySetInnerHtml: escaped text with <mark> tags only (snippetHtml)
          <p class="search-hit__snippet" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
        ) : null}
        <p class="card__meta">
          <BylineText byline={card.byline} ctx={ctx} links={false} />
          {card.publishedAt ? (
            <>
              {' · '}
              <Time iso={card.publishedAt} ctx={ctx} />
            </>
          ) : null}
        </p>
      </div>
    </article>
  );
}

function SearchPagination({
  current,
  page,
  hasNext,
}: {
  current: Parameters<typeof searchHref>[0];
  page: number;
  hasNext: boolean;
}) {
  if (page === 1 && !hasNext) return null;
  return (
    <nav class="pagination" aria-label="Pages of results">
      {page > 1 ? (
        <a href={searchHref({ ...current, page: page - 1 })} rel="prev">
          ← Previous results
        </a>
      ) : (
        <span />
      )}
      <span class="pagination__current">Page {page}</span>
      {hasNext ? (
        <a href={searchHref({ ...current, page: page + 1 })} rel="next">
          More results →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** Nothing matched: say what was searched, offer broader searches, sections and the latest stories. */
function NoResults({
  ctx,
  params,
  current,
  latest,
}: {
  ctx: PageContext;
  params: SearchParams;
  current: Parameters<typeof searchHref>[0];
  latest: ArticleCard[];
}) {
  const filtered = params.section !== undefined || params.fromDate !== undefined || params.toDate !== undefined;
  return (
    <div class="search-empty">
      {params.words.length === 0 ? (
        <p class="search-summary">
          Search looks for words and numbers, leaving out very common words such as “the”, and{' '}
          <strong>{params.text}</strong> has none of them. Try a word from a headline, a topic or a name.
        </p>
      ) : (
        <p class="search-summary">
          No stories matched <strong>{params.text}</strong>
          <FilterSummary ctx={ctx} params={params} />
          {params.page > 1 ? ` on page ${params.page}` : ''}.
        </p>
      )}
      <ul class="search-empty__tips">
        {params.page > 1 ? (
          <li>
            <a href={searchHref({ ...current, page: 1 })}>Go back to the first page of results</a>
          </li>
        ) : null}
        {filtered ? (
          <li>
            <a href={searchHref({ q: params.text })}>Search all sections and dates</a>
          </li>
        ) : null}
        {params.words.length > 1 ? (
          <li>
            Every word must match, so fewer words find more. Search for one of them:{' '}
            {params.words.slice(0, 6).map((w, i) => (
              <>
                {i > 0 ? ', ' : null}
                <a href={searchHref({ ...current, q: w })}>{w}</a>
              </>
            ))}
          </li>
        ) : (
          <li>Try a more general word, or another spelling.</li>
        )}
      </ul>
      {ctx.sections.length > 0 ? (
        <section aria-labelledby="search-browse">
          <h2 id="search-browse" class="block-title">
            Browse a section
          </h2>
          <ul class="error-page__sections search-empty__sections">
            {ctx.sections.map((s) => (
              <li key={s.id}>
                <a href={`/${s.slug}`}>{s.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {latest.length > 0 ? (
        <section aria-labelledby="search-latest">
          <h2 id="search-latest" class="block-title">
            Latest stories
          </h2>
          <ol class="latest-list">
            {latest.map((c) => (
              <li key={c.id}>
                <Card card={c} ctx={ctx} variant="compact" showSection />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
