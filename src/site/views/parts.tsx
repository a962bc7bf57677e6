import type { ArticleCard, Byline } from '../../articles/articles.service.js';
import type { FieldError } from '../../errors.js';
import type { ImageSources } from '../../media/media.service.js';
import { formatDateTime, joinNames, kindLabel } from '../format.js';
import type { PageContext } from './context.js';

export function Time({ iso, ctx, label }: { iso: string; ctx: PageContext; label?: string }) {
  return (
    <time datetime={iso}>
      {label ? `${label} ` : ''}
      {formatDateTime(iso, ctx.settings.locale, ctx.settings.timeZone)}
    </time>
  );
}

/** Staff bylines link to their pages; wire copy shows its agency; otherwise the desk. */
export function BylineText({ byline, ctx, links }: { byline: Byline; ctx: PageContext; links: boolean }) {
  if (byline.authors.length === 0) return <span class="byline">{byline.source ?? ctx.settings.deskName}</span>;
  if (!links) return <span class="byline">{joinNames(byline.authors.map((a) => a.name))}</span>;
  return (
    <span class="byline">
      By{' '}
      {byline.authors.map((a, i) => (
        <>
          {i > 0 ? (i === byline.authors.length - 1 ? ' and ' : ', ') : null}
          <a href={a.url} rel="author">
            {a.name}
          </a>
        </>
      ))}
    </span>
  );
}

export function Picture({
  image,
  alt,
  sizes,
  eager,
  className,
}: {
  image: ImageSources;
  alt: string;
  sizes: string;
  eager?: boolean;
  className?: string;
}) {
  return (
    <picture class={className}>
      {image.srcsetByFormat.avif ? <source type="image/avif" srcset={image.srcsetByFormat.avif} sizes={sizes} /> : null}
      {image.srcsetByFormat.webp ? <source type="image/webp" srcset={image.srcsetByFormat.webp} sizes={sizes} /> : null}
      <img
        src={image.src}
        srcset={image.srcsetByFormat.jpeg}
        sizes={sizes}
        width={image.width}
        height={image.height}
        alt={alt}
        loading={eager ? 'eager' : 'lazy'}
        decoding={eager ? 'auto' : 'async'}
        fetchpriority={eager ? 'high' : undefined}
      />
    </picture>
  );
}

export function Card({
  card,
  ctx,
  variant = 'list',
  headingLevel = 3,
  showSection = false,
}: {
  card: ArticleCard;
  ctx: PageContext;
  variant?: 'lead' | 'feature' | 'list' | 'compact';
  headingLevel?: 2 | 3 | 4;
  showSection?: boolean;
}) {
  const H = `h${headingLevel}` as 'h2' | 'h3' | 'h4';
  // "Opinion" once, not twice, when the section already says what kind of piece it is.
  const kind = kindLabel(card.kind);
  const label = kind && kind.toLowerCase() !== card.section.name.toLowerCase() ? kind : null;
  const showImage = card.image && variant !== 'compact';
  return (
    <article class={`card card--${variant}`}>
      {showImage && card.image ? (
        <div class="card__media">
          <Picture
            image={card.image}
            alt=""
            sizes={variant === 'lead' ? '(min-width: 960px) 640px, 100vw' : '(min-width: 960px) 320px, 50vw'}
            eager={variant === 'lead'}
          />
        </div>
      ) : null}
      <div class="card__body">
        {showSection || label || card.isBreaking ? (
          <p class="card__kicker">
            {card.isBreaking ? <span class="tag-breaking">Breaking</span> : null}
            {showSection ? <a href={`/${card.section.slug}`}>{card.section.name}</a> : null}
            {label ? <span class="card__kind">{label}</span> : null}
          </p>
        ) : null}
        <H class="card__headline">
          <a href={card.url}>{card.headline}</a>
        </H>
        {variant !== 'compact' && card.standfirst ? <p class="card__standfirst">{card.standfirst}</p> : null}
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

export function Pagination({ basePath, page, hasNext }: { basePath: string; page: number; hasNext: boolean }) {
  if (page === 1 && !hasNext) return null;
  const href = (p: number) => (p === 1 ? basePath : `${basePath}?page=${p}`);
  return (
    <nav class="pagination" aria-label="Pages">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          ← Newer stories
        </a>
      ) : (
        <span />
      )}
      <span class="pagination__current">Page {page}</span>
      {hasNext ? (
        <a href={href(page + 1)} rel="next">
          Older stories →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

/**
 * A server-rendered form's errors tied to its fields: `described` links a field to its hint
 * and its error (aria-describedby, aria-invalid), `fieldError` renders the error it points at.
 */
export function fieldErrors(errors: FieldError[], fieldId: (field: string) => string) {
  const errorFor = (field: string) => errors.find((e) => e.field === field);
  const described = (field: string, hint?: string) => {
    const ids = [hint, errorFor(field) ? `${fieldId(field)}-error` : undefined].filter(Boolean);
    return {
      ...(ids.length > 0 ? { 'aria-describedby': ids.join(' ') } : {}),
      ...(errorFor(field) ? { 'aria-invalid': 'true' as const } : {}),
    };
  };
  const fieldError = (field: string) => {
    const e = errorFor(field);
    return e ? (
      <p class="field-error" id={`${fieldId(field)}-error`}>
        {e.message}
      </p>
    ) : null;
  };
  /** A required one-line field with its label, optional hint and error, all linked. */
  const textField = (o: {
    name: string;
    label: string;
    type: 'text' | 'email';
    autocomplete: string;
    maxLength: number;
    value: string | undefined;
    hint?: string;
  }) => {
    const id = fieldId(o.name);
    const hintId = o.hint ? `${id}-hint` : undefined;
    const input = {
      id,
      name: o.name,
      autocomplete: o.autocomplete,
      maxLength: o.maxLength,
      required: true,
      value: o.value ?? '',
      ...described(o.name, hintId),
    };
    return (
      <div class="field">
        <label for={id}>{o.label}</label>
        {o.hint ? (
          <p class="field-hint" id={hintId}>
            {o.hint}
          </p>
        ) : null}
        {o.type === 'email' ? <input type="email" {...input} /> : <input type="text" {...input} />}
        {fieldError(o.name)}
      </div>
    );
  };
  return { described, fieldError, textField };
}
