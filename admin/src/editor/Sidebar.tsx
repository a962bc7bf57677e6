import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { api } from '../api/client';
import {
  type Article,
  type ArticleKind,
  type Author,
  articleKinds,
  type CommentsMode,
  commentModes,
  type MediaImage,
  type Section,
  type Story,
  type Tag,
} from '../api/types';
import { loadCollection } from '../lib/collections';
import {
  commentModeLabels,
  formatDateTime,
  fromLocalInput,
  kindLabels,
  slugify,
  toLocalInput,
  truncate,
} from '../lib/format';
import { AltWarning, imageSrc, MediaPickerDialog } from '../media/MediaBrowser';
import { CheckboxField, fieldError, SelectField, TextArea, TextField } from '../ui/Field';
import type { Draft } from './draft';

export type Update = (patch: Partial<Draft>) => void;

/** A collapsible sidebar panel that opens itself when one of its fields has an error. */
export function Panel({
  title,
  children,
  defaultOpen = false,
  hasError = false,
}: {
  title: string;
  children: ReactNode;
  defaultOpen?: boolean;
  hasError?: boolean;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (hasError && ref.current) ref.current.open = true;
  }, [hasError]);
  return (
    <details ref={ref} className="side-panel" open={defaultOpen}>
      <summary className="side-panel__title">{title}</summary>
      <div className="side-panel__body">{children}</div>
    </details>
  );
}

const anyError = (error: unknown, fields: string[]) => fields.some((f) => fieldError(error, f));

const nullable = (value: string) => (value.trim() === '' ? null : value);

interface PlacementProps {
  draft: Draft;
  update: Update;
  error: unknown;
  problems: Record<string, string>;
  sections: Section[];
  stories: Story[];
  readOnly: boolean;
}

export function PlacementPanel({ draft, update, error, problems, sections, stories, readOnly }: PlacementProps) {
  return (
    <Panel
      title="Placement"
      defaultOpen
      hasError={
        Boolean(problems.sectionId) ||
        anyError(error, [
          'sectionId',
          'kind',
          'storyId',
          'frontPageSlot',
          'isBreaking',
          'breakingUntil',
          'commentsMode',
        ])
      }
    >
      <SelectField
        label="Section"
        value={draft.sectionId ?? ''}
        onChange={(e) => update({ sectionId: e.target.value ? Number(e.target.value) : null })}
        error={problems.sectionId ?? fieldError(error, 'sectionId')}
        disabled={readOnly}
        required
      >
        <option value="">Choose a section</option>
        {sections.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Kind"
        value={draft.kind}
        onChange={(e) => update({ kind: e.target.value as ArticleKind })}
        error={fieldError(error, 'kind')}
        disabled={readOnly}
      >
        {articleKinds.map((k) => (
          <option key={k} value={k}>
            {kindLabels[k]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Story thread"
        value={draft.storyId ?? ''}
        onChange={(e) => update({ storyId: e.target.value ? Number(e.target.value) : null })}
        error={fieldError(error, 'storyId')}
        hint="Links this article to the earlier and later ones of a developing story."
        disabled={readOnly}
      >
        <option value="">Not part of a story</option>
        {stories.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}
            {s.status === 'concluded' ? ' (concluded)' : ''}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Front-page slot"
        value={draft.frontPageSlot ?? ''}
        onChange={(e) => update({ frontPageSlot: e.target.value === '' ? null : Number(e.target.value) })}
        error={fieldError(error, 'frontPageSlot')}
        disabled={readOnly}
      >
        <option value="">None</option>
        <option value="0">Top story</option>
        {[1, 2, 3, 4, 5, 6].map((n) => (
          <option key={n} value={n}>
            Featured {n}
          </option>
        ))}
      </SelectField>
      <CheckboxField
        label="Breaking news"
        checked={draft.isBreaking}
        onChange={(e) => update({ isBreaking: e.target.checked })}
        error={fieldError(error, 'isBreaking')}
        disabled={readOnly}
      />
      {draft.isBreaking ? (
        <TextField
          label="Breaking until"
          type="datetime-local"
          value={toLocalInput(draft.breakingUntil)}
          onChange={(e) => update({ breakingUntil: fromLocalInput(e.target.value) })}
          error={fieldError(error, 'breakingUntil')}
          hint="The breaking banner comes down by itself at this time. Leave empty to keep it until unticked."
          disabled={readOnly}
        />
      ) : null}
      <SelectField
        label="Comments"
        value={draft.commentsMode ?? ''}
        onChange={(e) => update({ commentsMode: (e.target.value || null) as CommentsMode | null })}
        error={fieldError(error, 'commentsMode')}
        disabled={readOnly}
      >
        {draft.commentsMode === null ? <option value="">Site default</option> : null}
        {commentModes.map((m) => (
          <option key={m} value={m}>
            {commentModeLabels[m]}
          </option>
        ))}
      </SelectField>
    </Panel>
  );
}

interface TagOption {
  tag: Tag | null;
  label: string;
}

/** Tags as removable chips, and a combobox to find (or, for editors, create) more. */
export function TagPicker({
  selected,
  tags,
  onChange,
  canCreate,
  error,
  readOnly,
}: {
  selected: number[];
  tags: Tag[];
  onChange: (ids: number[]) => void;
  canCreate: boolean;
  error: string | undefined;
  readOnly: boolean;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [createError, setCreateError] = useState<string | undefined>();
  const byId = new Map(tags.map((t) => [t.id, t]));
  const needle = text.trim().toLowerCase();
  const matches = tags
    .filter((t) => !selected.includes(t.id) && (!needle || t.name.toLowerCase().includes(needle)))
    .slice(0, 8);
  const exact = tags.some((t) => t.name.toLowerCase() === needle);
  const options: TagOption[] = matches.map((tag) => ({ tag, label: tag.name }));
  if (canCreate && needle && !exact) options.push({ tag: null, label: `Create tag “${text.trim()}”` });
  const expanded = open && options.length > 0;

  const choose = async (option: TagOption) => {
    setCreateError(undefined);
    if (option.tag) {
      onChange([...selected, option.tag.id]);
    } else {
      try {
        const tag = await api.post<Tag>('/tags', { name: text.trim() });
        await loadCollection('tags', true);
        onChange([...selected, tag.id]);
      } catch (err) {
        setCreateError(fieldError(err, 'name') ?? (err instanceof Error ? err.message : String(err)));
        return;
      }
    }
    setText('');
    setActive(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter') {
      const option = options[active];
      if (expanded && option) {
        event.preventDefault();
        void choose(option);
      }
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
    }
  };

  return (
    <fieldset className="field picker">
      <legend>Tags</legend>
      {selected.length > 0 ? (
        <ul className="chips">
          {selected.map((tagId) => {
            const name = byId.get(tagId)?.name ?? `Tag ${tagId}`;
            return (
              <li key={tagId} className="chip">
                {name}
                {readOnly ? null : (
                  <button
                    type="button"
                    className="chip__remove"
                    aria-label={`Remove tag ${name}`}
                    onClick={() => onChange(selected.filter((x) => x !== tagId))}
                  >
                    ×
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">No tags yet.</p>
      )}
      {readOnly ? null : (
        <div className="combobox">
          <label htmlFor={`${id}-input`}>Add a tag</label>
          <input
            id={`${id}-input`}
            type="text"
            role="combobox"
            aria-expanded={expanded}
            aria-controls={`${id}-list`}
            aria-autocomplete="list"
            aria-activedescendant={expanded ? `${id}-option-${active}` : undefined}
            aria-invalid={error || createError ? true : undefined}
            aria-describedby={error || createError ? `${id}-error` : undefined}
            autoComplete="off"
            placeholder="Type to search"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setOpen(true);
              setActive(0);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
          />
          <div
            id={`${id}-list`}
            role="listbox"
            aria-label="Matching tags"
            className="combobox__list"
            hidden={!expanded}
            tabIndex={-1}
          >
            {options.map((option, index) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keyboard
              <div
                key={option.tag?.id ?? 'create'}
                id={`${id}-option-${index}`}
                role="option"
                tabIndex={-1}
                aria-selected={index === active}
                className={index === active ? 'combobox__option is-active' : 'combobox__option'}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => void choose(option)}
              >
                {option.label}
              </div>
            ))}
          </div>
        </div>
      )}
      {error || createError ? (
        <p id={`${id}-error`} className="field__error">
          {error ?? createError}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The byline, in order: add, move and remove authors with buttons. */
export function AuthorsPicker({
  selected,
  authors,
  onChange,
  error,
  readOnly,
}: {
  selected: number[];
  authors: Author[];
  onChange: (ids: number[]) => void;
  error: string | undefined;
  readOnly: boolean;
}) {
  const id = useId();
  const [pick, setPick] = useState('');
  const byId = new Map(authors.map((a) => [a.id, a]));
  const available = authors.filter((a) => !selected.includes(a.id));
  const move = (from: number, to: number) => {
    const next = [...selected];
    const [item] = next.splice(from, 1);
    if (item !== undefined) next.splice(to, 0, item);
    onChange(next);
  };

  return (
    <fieldset className="field picker">
      <legend>Authors</legend>
      {selected.length === 0 ? <p className="muted">No byline yet.</p> : null}
      <ol className="ordered">
        {selected.map((authorId, index) => {
          const name = byId.get(authorId)?.name ?? `Author ${authorId}`;
          return (
            <li key={authorId} className="ordered__item">
              <span className="ordered__name">{name}</span>
              {readOnly ? null : (
                <span className="ordered__buttons">
                  <button
                    type="button"
                    className="button button--icon button--small"
                    aria-label={`Move ${name} up`}
                    disabled={index === 0}
                    onClick={() => move(index, index - 1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button button--icon button--small"
                    aria-label={`Move ${name} down`}
                    disabled={index === selected.length - 1}
                    onClick={() => move(index, index + 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="button button--icon button--small button--danger-ghost"
                    aria-label={`Remove ${name}`}
                    onClick={() => onChange(selected.filter((x) => x !== authorId))}
                  >
                    ×
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {readOnly ? null : (
        <div className="inline-add">
          <label htmlFor={`${id}-add`}>Add an author</label>
          <div className="inline-add__row">
            <select id={`${id}-add`} value={pick} onChange={(e) => setPick(e.target.value)}>
              <option value="">Choose…</option>
              {available.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button button--small"
              disabled={!pick}
              onClick={() => {
                onChange([...selected, Number(pick)]);
                setPick('');
              }}
            >
              Add author
            </button>
          </div>
        </div>
      )}
      {error ? <p className="field__error">{error}</p> : null}
    </fieldset>
  );
}

/** The article's lead image, with a caption for this article only. */
export function FeatureImagePanel({
  draft,
  update,
  image,
  onImage,
  error,
  readOnly,
}: {
  draft: Draft;
  update: Update;
  image: MediaImage | null;
  onImage: (image: MediaImage | null) => void;
  error: unknown;
  readOnly: boolean;
}) {
  const [picking, setPicking] = useState(false);
  return (
    <Panel title="Feature image" hasError={anyError(error, ['featureImageId', 'featureImageCaption'])}>
      {image ? (
        <figure className="feature-image">
          <img src={imageSrc(image)} alt={image.alt} />
          <figcaption>
            {image.originalName}
            <AltWarning image={image} />
          </figcaption>
        </figure>
      ) : draft.featureImageId ? (
        <p className="muted">Image {draft.featureImageId}</p>
      ) : (
        <p className="muted">No feature image.</p>
      )}
      {image && !image.alt ? (
        <p className="notice notice--warning">
          This image has no alt text: add it in the media library before publishing.
        </p>
      ) : null}
      {fieldError(error, 'featureImageId') ? (
        <p className="field__error">{fieldError(error, 'featureImageId')}</p>
      ) : null}
      {readOnly ? null : (
        <div className="button-row">
          <button type="button" className="button button--small" onClick={() => setPicking(true)}>
            Choose feature image
          </button>
          {draft.featureImageId ? (
            <button
              type="button"
              className="button button--small button--ghost"
              onClick={() => {
                update({ featureImageId: null });
                onImage(null);
              }}
            >
              Remove feature image
            </button>
          ) : null}
        </div>
      )}
      <TextArea
        label="Feature image caption"
        rows={2}
        value={draft.featureImageCaption ?? ''}
        placeholder={image?.caption || ''}
        onChange={(e) => update({ featureImageCaption: nullable(e.target.value) })}
        error={fieldError(error, 'featureImageCaption')}
        hint="For this article only; leave empty to use the image’s own caption."
        readOnly={readOnly}
      />
      {picking ? (
        <MediaPickerDialog
          title="Choose a feature image"
          selectedId={draft.featureImageId}
          onClose={() => setPicking(false)}
          onPick={(picked) => {
            setPicking(false);
            update({ featureImageId: picked.id });
            onImage(picked);
          }}
        />
      ) : null}
    </Panel>
  );
}

export function SourcesPanel({
  draft,
  update,
  error,
  readOnly,
  deskName,
}: {
  draft: Draft;
  update: Update;
  error: unknown;
  readOnly: boolean;
  deskName: string | null;
}) {
  const suggestion = draft.wireSource ? `${draft.wireSource} with additional input by ${deskName ?? 'the desk'}` : '';
  return (
    <Panel
      title="Credit and sources"
      hasError={anyError(error, ['creditLine', 'wireSource', 'wireSourceUrl', 'canonicalUrl'])}
    >
      <TextField
        label="Wire source"
        value={draft.wireSource ?? ''}
        placeholder="e.g. Reuters, AP, AFP"
        onChange={(e) => update({ wireSource: nullable(e.target.value) })}
        error={fieldError(error, 'wireSource')}
        readOnly={readOnly}
      />
      <TextField
        label="Wire source URL"
        type="url"
        value={draft.wireSourceUrl ?? ''}
        placeholder="https://"
        onChange={(e) => update({ wireSourceUrl: nullable(e.target.value) })}
        error={fieldError(error, 'wireSourceUrl')}
        readOnly={readOnly}
      />
      <TextField
        label="Credit line"
        value={draft.creditLine ?? ''}
        placeholder={suggestion}
        onChange={(e) => update({ creditLine: nullable(e.target.value) })}
        error={fieldError(error, 'creditLine')}
        hint={
          suggestion
            ? `Shown under the story, e.g. “${suggestion}”. For copy adopted on the wire desk it is set on every save from the source's wording (see Wire copy).`
            : 'Shown under the story.'
        }
        readOnly={readOnly}
      />
      {suggestion && !draft.creditLine && !readOnly ? (
        <button type="button" className="button button--small" onClick={() => update({ creditLine: suggestion })}>
          Use suggested credit line
        </button>
      ) : null}
      <TextField
        label="Canonical URL"
        type="url"
        value={draft.canonicalUrl ?? ''}
        placeholder="https://"
        onChange={(e) => update({ canonicalUrl: nullable(e.target.value) })}
        error={fieldError(error, 'canonicalUrl')}
        hint="Only when the original lives elsewhere; search engines credit that address."
        readOnly={readOnly}
      />
    </Panel>
  );
}

const titleLimit = 60;
const descriptionLimit = 155;

function Counter({ length, limit }: { length: number; limit: number }) {
  return (
    <span className={length > limit ? 'counter counter--over' : 'counter'}>
      {length} of about {limit} characters{length > limit ? ': search engines will shorten it' : ''}
    </span>
  );
}

export function SeoPanel({
  draft,
  update,
  error,
  article,
  section,
  image,
  siteName,
  readOnly,
}: {
  draft: Draft;
  update: Update;
  error: unknown;
  article: Article | null;
  section: Section | null;
  image: MediaImage | null;
  siteName: string | null;
  readOnly: boolean;
}) {
  const slug = draft.slug || slugify(draft.headline) || 'slug';
  const title = draft.seoTitle || draft.headline || 'Headline';
  const description = draft.seoDescription || draft.standfirst || 'The standfirst is used when no description is set.';
  const path = article?.url ?? `/${section?.slug ?? 'section'}/…/${slug}`;
  const host = window.location.host;
  const crumbs = [host, ...path.split('/').filter(Boolean)].join(' › ');

  return (
    <Panel title="Search and social" hasError={anyError(error, ['slug', 'seoTitle', 'seoDescription', 'robots'])}>
      <TextField
        label="Slug"
        value={draft.slug}
        placeholder={slugify(draft.headline)}
        onChange={(e) => update({ slug: e.target.value })}
        onBlur={(e) => {
          const cleaned = slugify(e.target.value);
          if (cleaned !== e.target.value) update({ slug: cleaned });
        }}
        error={fieldError(error, 'slug')}
        hint={
          article?.firstPublishedAt
            ? 'Changing it after publication keeps the old address working as a redirect.'
            : 'The last part of the address. Leave empty to make it from the headline.'
        }
        readOnly={readOnly}
      />
      <TextField
        label="SEO title"
        value={draft.seoTitle ?? ''}
        placeholder={draft.headline}
        onChange={(e) => update({ seoTitle: nullable(e.target.value) })}
        error={fieldError(error, 'seoTitle')}
        hint={<Counter length={title.length} limit={titleLimit} />}
        readOnly={readOnly}
      />
      <TextArea
        label="SEO description"
        rows={3}
        value={draft.seoDescription ?? ''}
        placeholder={draft.standfirst}
        onChange={(e) => update({ seoDescription: nullable(e.target.value) })}
        error={fieldError(error, 'seoDescription')}
        hint={<Counter length={description.length} limit={descriptionLimit} />}
        readOnly={readOnly}
      />
      <SelectField
        label="Search engines"
        value={draft.robots ?? ''}
        onChange={(e) => update({ robots: nullable(e.target.value) })}
        error={fieldError(error, 'robots')}
        disabled={readOnly}
      >
        <option value="">Index this article (site default)</option>
        <option value="noindex">Keep out of search results (noindex)</option>
        <option value="noindex, nofollow">Keep out and do not follow links (noindex, nofollow)</option>
      </SelectField>

      <section className="preview-block" aria-label="Search result preview">
        <h3 className="preview-block__title">Search result preview</h3>
        <div className="serp">
          <p className="serp__url">{crumbs}</p>
          <p className="serp__title">{truncate(title, titleLimit)}</p>
          <p className="serp__description">{truncate(description, descriptionLimit)}</p>
        </div>
      </section>
      <section className="preview-block" aria-label="Social card preview">
        <h3 className="preview-block__title">Social card preview</h3>
        <div className="social-card">
          {image ? (
            <img className="social-card__image" src={image.url} alt="" />
          ) : (
            <div className="social-card__image social-card__image--empty">No feature image</div>
          )}
          <div className="social-card__text">
            <p className="social-card__site">{siteName ? `${host} · ${siteName}` : host}</p>
            <p className="social-card__title">{truncate(title, 90)}</p>
            <p className="social-card__description">{truncate(description, 120)}</p>
          </div>
        </div>
      </section>
      {article?.publishedAt ? (
        <p className="muted">
          Published {formatDateTime(article.publishedAt)}
          {article.firstPublishedAt && article.firstPublishedAt !== article.publishedAt
            ? `, first on ${formatDateTime(article.firstPublishedAt)}`
            : ''}
          .
        </p>
      ) : null}
    </Panel>
  );
}
