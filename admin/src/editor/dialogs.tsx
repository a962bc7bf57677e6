import { type FormEvent, useState } from 'react';
import { api, queryString } from '../api/client';
import type { ArticleSummary, List, MediaImage } from '../api/types';
import { formatDate } from '../lib/format';
import { useApi } from '../lib/useApi';
import { MediaBrowser, useDebounced } from '../media/MediaBrowser';
import { Async } from '../ui/bits';
import { Dialog } from '../ui/Dialog';
import { TextArea, TextField } from '../ui/Field';
import { type EmbedAttrs, embedProvider, type FigureAttrs, type ReadMoreAttrs } from './editorUi';

type Chosen = Pick<MediaImage, 'id' | 'url' | 'width' | 'height' | 'alt'> & { libraryAlt: string };

export function FigureDialog({
  initial,
  onSubmit,
  onClose,
}: {
  initial: FigureAttrs | null;
  onSubmit: (attrs: FigureAttrs) => void;
  onClose: () => void;
}) {
  const [image, setImage] = useState<Chosen | null>(() =>
    initial?.src
      ? {
          id: initial.imageId ?? 0,
          url: initial.src,
          width: initial.width ?? 0,
          height: initial.height ?? 0,
          alt: initial.alt,
          libraryAlt: 'unknown',
        }
      : null,
  );
  const [alt, setAlt] = useState(initial?.alt ?? '');
  const [caption, setCaption] = useState(initial?.caption ?? '');
  const [credit, setCredit] = useState(initial?.credit ?? '');

  const pick = (picked: MediaImage) => {
    setImage({ ...picked, libraryAlt: picked.alt });
    setAlt(picked.alt);
    setCaption(picked.caption);
    setCredit(picked.credit);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!image) return;
    const attrs: FigureAttrs = {
      imageId: image.id || null,
      src: image.url,
      srcset: initial?.src === image.url ? initial.srcset : null,
      alt: alt.trim(),
      width: image.width || null,
      height: image.height || null,
      caption: caption.trim(),
      credit: credit.trim(),
    };
    // An image with no alt text in the library gets this one, so the next use starts with it.
    if (image.id && image.libraryAlt === '' && attrs.alt) {
      void api.patch(`/media/${image.id}`, { alt: attrs.alt }).catch(() => {});
    }
    onSubmit(attrs);
  };

  return (
    <Dialog title={initial ? 'Edit figure' : 'Add a figure'} onClose={onClose} className="dialog--wide">
      {image ? (
        <form className="figure-form" onSubmit={submit} noValidate>
          <div className="figure-form__preview">
            <img src={image.url} alt="" />
            <button type="button" className="button button--small" onClick={() => setImage(null)}>
              Change image
            </button>
          </div>
          <div className="stack">
            <TextArea
              label="Alt text"
              rows={3}
              value={alt}
              onChange={(e) => setAlt(e.target.value)}
              hint={
                alt.trim()
                  ? 'What the image shows, for people who cannot see it.'
                  : 'Missing. Describe what the image shows: the article cannot be published without it.'
              }
            />
            <TextArea label="Caption" rows={2} value={caption} onChange={(e) => setCaption(e.target.value)} />
            <TextField
              label="Credit"
              value={credit}
              onChange={(e) => setCredit(e.target.value)}
              hint="Photographer and agency, e.g. “Jane Doe / Reuters”."
            />
            <div className="dialog__actions">
              <button type="button" className="button" onClick={onClose}>
                Cancel
              </button>
              <button type="submit" className="button button--primary">
                {initial ? 'Update figure' : 'Add figure'}
              </button>
            </div>
          </div>
        </form>
      ) : (
        <MediaBrowser onPick={pick} selectedId={initial?.imageId ?? null} />
      )}
    </Dialog>
  );
}

export function ReadMoreDialog({
  currentArticleId,
  onSubmit,
  onClose,
}: {
  currentArticleId: number | null;
  onSubmit: (attrs: ReadMoreAttrs) => void;
  onClose: () => void;
}) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const results = useApi<List<ArticleSummary>>(`/articles${queryString({ status: 'published', q, limit: 10 })}`);
  const items = (results.data?.items ?? []).filter((a) => a.id !== currentArticleId);

  return (
    <Dialog title="Add a Read more card" onClose={onClose} className="dialog--wide">
      <div className="stack">
        <div className="field">
          <label htmlFor="read-more-search">Search published articles</label>
          <input
            id="read-more-search"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Words from the headline or text"
          />
        </div>
        <Async loading={results.loading} error={results.error} hasData={results.data !== undefined}>
          {items.length === 0 ? (
            <p className="empty">{q ? 'No published article matches.' : 'No published articles yet.'}</p>
          ) : (
            <ul className="result-list" aria-label={q ? 'Matching articles' : 'Latest published articles'}>
              {items.map((a) => (
                <li key={a.id}>
                  <button
                    type="button"
                    className="result"
                    onClick={() => onSubmit({ articleId: a.id, slug: a.slug, href: a.url, headline: a.headline })}
                  >
                    <span className="result__headline">{a.headline}</span>
                    <span className="result__meta">
                      {typeof a.section === 'string' ? a.section : (a.section?.name ?? '')}
                      {a.publishedAt ? ` · ${formatDate(a.publishedAt)}` : ''}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </Async>
      </div>
    </Dialog>
  );
}

export function EmbedDialog({
  initial,
  onSubmit,
  onClose,
}: {
  initial: EmbedAttrs | null;
  onSubmit: (attrs: EmbedAttrs) => void;
  onClose: () => void;
}) {
  const [url, setUrl] = useState(initial?.url ?? '');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [problem, setProblem] = useState<string | undefined>();
  const provider = url.trim() ? embedProvider(url) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!provider) {
      setProblem('Enter the full address of the video or post, starting with https://');
      return;
    }
    onSubmit({ url: url.trim(), provider, title: title.trim() });
  };

  return (
    <Dialog title={initial ? 'Edit embed' : 'Embed a video or post'} onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        <TextField
          label="Video or post URL"
          type="url"
          value={url}
          placeholder="https://www.youtube.com/watch?v=…"
          onChange={(e) => {
            setUrl(e.target.value);
            setProblem(undefined);
          }}
          error={problem}
          hint={
            provider
              ? `From ${provider}. Readers see a link card; no outside script runs on the page.`
              : 'YouTube, Vimeo, X (Twitter), Instagram, Facebook, TikTok and other sites.'
          }
          required
        />
        <TextField
          label="Title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          hint="What it is, shown as the link text, e.g. “Video: the minister’s statement”."
        />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary">
            {initial ? 'Update embed' : 'Add embed'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function LinkDialog({
  initial,
  onSubmit,
  onRemove,
  onClose,
}: {
  initial: string;
  onSubmit: (href: string) => void;
  onRemove: (() => void) | null;
  onClose: () => void;
}) {
  const [value, setValue] = useState(initial);
  const [problem, setProblem] = useState<string | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let href = value.trim();
    if (!href) {
      setProblem('Enter an address.');
      return;
    }
    if (!/^(https?:|mailto:|\/)/i.test(href))
      href = /^[^\s@]+@[^\s@]+$/.test(href) ? `mailto:${href}` : `https://${href}`;
    try {
      new URL(href, window.location.origin);
    } catch {
      setProblem('That is not a web address.');
      return;
    }
    onSubmit(href);
  };

  return (
    <Dialog title={initial ? 'Edit link' : 'Add a link'} onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        <TextField
          label="Link address"
          type="url"
          value={value}
          placeholder="https://"
          onChange={(e) => {
            setValue(e.target.value);
            setProblem(undefined);
          }}
          error={problem}
        />
        <div className="dialog__actions">
          {onRemove ? (
            <button type="button" className="button button--danger-ghost" onClick={onRemove}>
              Remove link
            </button>
          ) : null}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary">
            Apply link
          </button>
        </div>
      </form>
    </Dialog>
  );
}
