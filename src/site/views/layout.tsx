import type { ComponentChildren } from 'preact';
import { autodiscoveryLinks } from '../../feeds/feeds.paths.js';
import { serializeJsonLd } from '../../seo/json-ld.js';
import { localIsoDate, mastheadDate } from '../format.js';
import type { PageContext, PageMeta } from './context.js';

export function Layout({ ctx, meta, children }: { ctx: PageContext; meta: PageMeta; children: ComponentChildren }) {
  const { settings } = ctx;
  const title = meta.isFront ? `${settings.siteName}: ${settings.tagline}` : `${meta.title} | ${settings.siteName}`;
  const canonical = meta.canonical ?? `${ctx.publicUrl}${ctx.path}`;
  const SiteName = meta.isFront ? 'h1' : 'p';
  return (
    <html lang={settings.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>{title}</title>
        <meta name="description" content={meta.description || settings.tagline || settings.siteName} />
        {meta.robots ? <meta name="robots" content={meta.robots} /> : null}
        {meta.googlebotNews ? <meta name="Googlebot-News" content={meta.googlebotNews} /> : null}
        <link rel="canonical" href={canonical} />
        {autodiscoveryLinks(ctx, meta).map((feed) => (
          <link key={feed.href} rel="alternate" type={feed.type} title={feed.title} href={feed.href} />
        ))}
        {meta.social?.map((tag) => (
          <meta key={`${tag.property ?? tag.name}:${tag.content}`} {...tag} />
        ))}
        {meta.structuredData?.map((data, i) => (
          <script
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list rendered once on the server
            key={i}
            type="application/ld+json"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON with every <, > and & escaped (serializeJsonLd), so it cannot close the element
            dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }}
          />
        ))}
        <link rel="stylesheet" href={ctx.stylesheet} />
        <link rel="icon" href={ctx.favicon} type="image/svg+xml" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="masthead">
          <div class="masthead__inner">
            <p class="masthead__date">
              <time datetime={localIsoDate(ctx.now, settings.timeZone)}>
                {mastheadDate(ctx.now, settings.locale, settings.timeZone)}
              </time>
            </p>
            <SiteName class="masthead__title">
              <a href="/">
                {ctx.logo ? (
                  <img
                    class="masthead__logo"
                    src={ctx.logo.src}
                    width={ctx.logo.width}
                    height={ctx.logo.height}
                    alt={settings.siteName}
                  />
                ) : (
                  settings.siteName
                )}
              </a>
            </SiteName>
            <p class="masthead__tagline">{settings.tagline}</p>
            {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is too new for many screen readers */}
            <form class="masthead__search" role="search" action="/search" method="get">
              <label for="masthead-q">Search</label>
              <input id="masthead-q" type="search" name="q" maxLength={200} />
              <button type="submit">Go</button>
            </form>
          </div>
          <nav class="sections-nav" aria-label="Sections">
            <ul>
              <li>
                <a href="/" aria-current={meta.isFront ? 'page' : undefined}>
                  Home
                </a>
              </li>
              {ctx.sections.map((s) => (
                <li key={s.id}>
                  <a href={`/${s.slug}`} aria-current={meta.sectionSlug === s.slug ? 'page' : undefined}>
                    {s.name}
                  </a>
                </li>
              ))}
              {settings.navigation.map((link) => (
                <li key={link.url}>
                  <a href={link.url} aria-current={ctx.path === link.url ? 'page' : undefined}>
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        {ctx.breaking.length > 0 ? (
          <section class="breaking" aria-label="Breaking news">
            <div class="breaking__inner">
              <strong class="breaking__label">Breaking</strong>
              <ul class="breaking__list">
                {ctx.breaking.map((b) => (
                  <li key={b.id}>
                    <a href={b.url}>{b.headline}</a>
                  </li>
                ))}
              </ul>
            </div>
          </section>
        ) : null}
        <main id="main" class="page">
          {children}
        </main>
        <footer class="site-footer">
          <div class="site-footer__inner">
            <p class="site-footer__name">{settings.siteName}</p>
            <p>{settings.tagline}</p>
            <nav aria-label="Footer">
              <ul>
                {ctx.sections.map((s) => (
                  <li key={s.id}>
                    <a href={`/${s.slug}`}>{s.name}</a>
                  </li>
                ))}
              </ul>
            </nav>
            <p class="site-footer__small">Published with Newsdesk.</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
