import type { ArticlePage as Article, ArticleCard, ListPage } from '../../articles/articles.service.js';
import { articleMeta, articleRobots, frontMeta, listingMeta } from '../../seo/page-meta.js';
import type { Section } from '../../taxonomy/taxonomy.service.js';
import { joinNames, kindLabel } from '../format.js';
import { type CommentFormState, CommentsSection, type ThreadView } from './comments.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';
import { BylineText, Card, Pagination, Picture, Time } from './parts.js';

export interface FrontData {
  top: ArticleCard | null;
  featured: ArticleCard[];
  latest: ArticleCard[];
  bySection: { section: Section; items: ArticleCard[] }[];
}

export function FrontPage({ ctx, data }: { ctx: PageContext; data: FrontData }) {
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: ctx.settings.siteName,
        description: ctx.settings.tagline,
        isFront: true,
        ...frontMeta(ctx, `${ctx.publicUrl}/`),
      }}
    >
      <div class="front">
        <section class="front__top" aria-labelledby="top-stories">
          <h2 id="top-stories" class="visually-hidden">
            Top stories
          </h2>
          {data.top ? <Card card={data.top} ctx={ctx} variant="lead" headingLevel={3} showSection /> : null}
          <div class="front__featured">
            {data.featured.map((c) => (
              <Card key={c.id} card={c} ctx={ctx} variant="feature" showSection />
            ))}
          </div>
        </section>
        <section class="front__latest" aria-labelledby="latest">
          <h2 id="latest" class="block-title">
            Latest
          </h2>
          <ol class="latest-list">
            {data.latest.map((c) => (
              <li key={c.id}>
                <Card card={c} ctx={ctx} variant="compact" showSection />
              </li>
            ))}
          </ol>
        </section>
        <div class="front__sections">
          {data.bySection
            .filter((b) => b.items.length > 0)
            .map(({ section, items }) => (
              <section key={section.id} class="section-block" aria-labelledby={`sec-${section.slug}`}>
                <h2 id={`sec-${section.slug}`} class="block-title">
                  <a href={`/${section.slug}`}>{section.name}</a>
                </h2>
                <div class="section-block__items">
                  {items.map((c, i) => (
                    <Card key={c.id} card={c} ctx={ctx} variant={i === 0 ? 'feature' : 'compact'} />
                  ))}
                </div>
              </section>
            ))}
        </div>
      </div>
    </Layout>
  );
}

export function ListingPage({
  ctx,
  title,
  kicker,
  description,
  basePath,
  list,
  sectionSlug,
  intro,
  showSection,
}: {
  ctx: PageContext;
  title: string;
  kicker?: string;
  description?: string;
  basePath: string;
  list: ListPage;
  sectionSlug?: string;
  intro?: preact.ComponentChildren;
  showSection?: boolean;
}) {
  const pageTitle = list.page > 1 ? `${title}, page ${list.page}` : title;
  // Each page of a listing is its own page to search engines, not a copy of the first.
  const canonical = `${ctx.publicUrl}${list.page > 1 ? `${basePath}?page=${list.page}` : basePath}`;
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: pageTitle,
        canonical,
        ...(description ? { description } : {}),
        ...(sectionSlug ? { sectionSlug } : {}),
        ...listingMeta(ctx, {
          title: pageTitle,
          description: description || ctx.settings.tagline,
          canonical,
          ...(sectionSlug ? { section: { name: title, slug: sectionSlug } } : {}),
        }),
      }}
    >
      <header class="listing-header">
        {kicker ? <p class="listing-header__kicker">{kicker}</p> : null}
        <h1>{title}</h1>
        {description ? <p class="listing-header__description">{description}</p> : null}
        {intro}
      </header>
      {list.items.length === 0 ? (
        <p class="empty">No stories here yet.</p>
      ) : (
        <div class="listing">
          {list.items.map((c) => (
            <Card key={c.id} card={c} ctx={ctx} variant="list" headingLevel={2} showSection={showSection ?? false} />
          ))}
        </div>
      )}
      <Pagination basePath={basePath} page={list.page} hasNext={list.hasNext} />
    </Layout>
  );
}

export function ArticleView({
  ctx,
  article,
  comments,
}: {
  ctx: PageContext;
  article: Article;
  /** The thread's first page and the form; the newsroom's preview shows only the invitation. */
  comments?: { thread: ThreadView; form: CommentFormState | null };
}) {
  const kind = kindLabel(article.kind);
  const label = kind && kind.toLowerCase() !== article.section.name.toLowerCase() ? kind : null;
  const updated = article.updatedAt && article.updatedAt !== article.publishedAt ? article.updatedAt : null;
  const canonical = article.canonicalUrl || `${ctx.publicUrl}${article.url}`;
  const robots = articleRobots(article);
  const meta = {
    title: article.seoTitle ?? article.headline,
    description: article.seoDescription ?? article.standfirst,
    sectionSlug: article.section.slug,
    canonical,
    ...(robots.robots ? { robots: robots.robots } : {}),
    ...(robots.googlebotNews ? { googlebotNews: robots.googlebotNews } : {}),
    ...articleMeta(ctx, article, canonical),
  };
  // Wire copy without a staff byline is credited in the byline's place, once.
  const creditIsByline = article.creditLine !== null && article.byline.authors.length === 0;
  return (
    <Layout ctx={ctx} meta={meta}>
      <article class="article" lang={article.language}>
        <header class="article__header">
          <p class="article__kicker">
            <a href={`/${article.section.slug}`}>{article.section.name}</a>
            {label ? <span class="article__kind">{label}</span> : null}
            {article.isBreaking ? <span class="tag-breaking">Breaking</span> : null}
          </p>
          <h1 class="article__headline">{article.headline}</h1>
          {article.standfirst ? <p class="article__standfirst">{article.standfirst}</p> : null}
          <div class="article__meta">
            {creditIsByline ? null : (
              <p>
                <BylineText byline={article.byline} ctx={ctx} links />
              </p>
            )}
            {article.creditLine ? (
              <p class="article__credit">
                {article.wireSourceUrl ? (
                  <a href={article.wireSourceUrl} rel="nofollow noopener">
                    {article.creditLine}
                  </a>
                ) : (
                  article.creditLine
                )}
              </p>
            ) : null}
            <p class="article__times">
              {article.publishedAt ? <Time iso={article.publishedAt} ctx={ctx} label="Published" /> : null}
              {updated ? (
                <>
                  <span aria-hidden="true"> · </span>
                  <Time iso={updated} ctx={ctx} label="Updated" />
                </>
              ) : null}
            </p>
          </div>
        </header>
        {article.featureImage ? (
          <figure class="article__image">
            <Picture
              image={article.featureImage}
              alt={article.featureImage.alt}
              sizes="(min-width: 1100px) 1040px, 100vw"
              eager
            />
            {article.featureImage.caption || article.featureImage.credit ? (
              <figcaption>
                {article.featureImage.caption ? (
                  <span class="figure__caption">{article.featureImage.caption}</span>
                ) : null}
                {article.featureImage.credit ? <span class="figure__credit">{article.featureImage.credit}</span> : null}
              </figcaption>
            ) : null}
          </figure>
        ) : null}
        <div class="article__layout">
          <div class="article__main">
            {article.notes.length > 0 ? <Notes ctx={ctx} notes={article.notes} /> : null}
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: rendered from the schema-checked body document when saved; foreign HTML is sanitized before it becomes a document */}
            <div class="article__body" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
            {article.wire?.changes ? <WireChanges wire={article.wire} changes={article.wire.changes} /> : null}
            {article.tags.length > 0 ? (
              <nav class="article__tags" aria-label="Topics">
                <h2 class="visually-hidden">Topics</h2>
                <ul>
                  {article.tags.map((t) => (
                    <li key={t.id}>
                      <a href={t.url}>{t.name}</a>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
            {article.byline.authors.filter((a) => a.bio).length > 0 ? (
              <section class="article__authors" aria-label="About the authors">
                {article.byline.authors
                  .filter((a) => a.bio)
                  .map((a) => (
                    <p key={a.id}>
                      <a href={a.url}>{a.name}</a>
                      {a.title ? `, ${a.title}. ` : '. '}
                      {a.bio}
                    </p>
                  ))}
              </section>
            ) : null}
            {comments ? (
              <CommentsSection ctx={ctx} thread={comments.thread} form={comments.form} />
            ) : (
              <section class="comments" id="comments" aria-labelledby="comments-title">
                <h2 id="comments-title">Comments</h2>
                {article.commentsMode === 'closed' ? (
                  <p>Comments are closed for this story.</p>
                ) : (
                  <p class="comments__invite">What are your views on this? Share them in the comments below.</p>
                )}
              </section>
            )}
          </div>
          <aside class="article__aside" aria-label="More on this story">
            {article.story ? <StoryThread ctx={ctx} story={article.story} /> : null}
            {article.related.length > 0 ? (
              <section class="related" aria-labelledby="related-title">
                <h2 id="related-title" class="block-title">
                  Related stories
                </h2>
                {article.related.map((c) => (
                  <Card key={c.id} card={c} ctx={ctx} variant="compact" showSection />
                ))}
              </section>
            ) : null}
          </aside>
        </div>
      </article>
    </Layout>
  );
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The transparency note: what the desk did to the agency's copy, the added paragraphs one click away. */
function WireChanges({
  wire,
  changes,
}: {
  wire: NonNullable<Article['wire']>;
  changes: NonNullable<NonNullable<Article['wire']>['changes']>;
}) {
  const names = joinNames(wire.sources.map((s) => s.name));
  const done = [
    ...(changes.added.length > 0 ? [`added ${count(changes.added.length, 'paragraph', 'paragraphs')}`] : []),
    ...(changes.headlineChanged ? ['wrote a new headline'] : []),
    ...(changes.removedCount > 0
      ? [`rewrote or left out ${count(changes.removedCount, 'paragraph', 'paragraphs')} of the original`]
      : []),
  ];
  return (
    <aside class="wire-changes" aria-labelledby="wire-changes-title">
      <h2 id="wire-changes-title">What our desk added</h2>
      <p>
        {done.length > 0
          ? `This story is based on copy from ${names}. Our desk ${joinNames(done)}.`
          : `This story is published as received from ${names}.`}
      </p>
      {changes.added.length > 0 ? (
        <details>
          <summary>The paragraphs our desk added</summary>
          <ul>
            {changes.added.map((paragraph, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list rendered once on the server
              <li key={i}>{paragraph}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </aside>
  );
}

function Notes({ ctx, notes }: { ctx: PageContext; notes: Article['notes'] }) {
  const title = notes.some((n) => n.kind === 'correction') ? 'Corrections and updates' : 'Updates';
  return (
    <section class="notes" aria-labelledby="notes-title">
      <h2 id="notes-title">{title}</h2>
      <ul>
        {notes.map((n) => (
          <li key={n.id} class={`note note--${n.kind}`}>
            <strong class="note__kind">
              {n.kind === 'correction' ? 'Correction' : n.kind === 'update' ? 'Update' : 'Clarification'}
            </strong>{' '}
            <Time iso={n.createdAt} ctx={ctx} />
            <p>{n.body}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function StoryThread({ ctx, story }: { ctx: PageContext; story: NonNullable<Article['story']> }) {
  return (
    <section class="thread" aria-labelledby="thread-title">
      <h2 id="thread-title" class="block-title">
        <a href={story.url}>{story.title}</a>
      </h2>
      {story.later.length > 0 ? (
        <>
          <h3 class="thread__label">Since this story</h3>
          <ol class="thread__list">
            {story.later.map((c) => (
              <li key={c.id}>
                <Time iso={c.publishedAt ?? ''} ctx={ctx} /> <a href={c.url}>{c.headline}</a>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {story.earlier.length > 0 ? (
        <>
          <h3 class="thread__label">Earlier</h3>
          <ol class="thread__list" reversed>
            {[...story.earlier].reverse().map((c) => (
              <li key={c.id}>
                <Time iso={c.publishedAt ?? ''} ctx={ctx} /> <a href={c.url}>{c.headline}</a>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <p>
        <a href={story.url}>The whole story so far</a>
      </p>
    </section>
  );
}

export function ErrorView({ ctx, status, message }: { ctx: PageContext; status: number; message: string }) {
  const titles: Record<number, string> = {
    400: 'That request did not make sense to us',
    404: 'We could not find that page',
    410: 'This story is no longer available',
    500: 'Something went wrong on our side',
  };
  const title = titles[status] ?? 'Something went wrong';
  return (
    <Layout ctx={ctx} meta={{ title, robots: 'noindex' }}>
      <div class="error-page">
        <p class="error-page__code">Error {status}</p>
        <h1>{title}</h1>
        <p>{message}</p>
        <p>
          <a href="/">Go to the front page</a>
          {ctx.sections.length > 0 ? ' or browse a section:' : ''}
        </p>
        <ul class="error-page__sections">
          {ctx.sections.map((s) => (
            <li key={s.id}>
              <a href={`/${s.slug}`}>{s.name}</a>
            </li>
          ))}
        </ul>
      </div>
    </Layout>
  );
}
