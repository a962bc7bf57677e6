import { type FormEvent, useEffect, useId, useState } from 'react';
import { api, queryString } from '../api/client';
import type { List, MediaImage } from '../api/types';
import { formatBytes, formatDateTime } from '../lib/format';
import { useCan } from '../lib/session';
import { useApi } from '../lib/useApi';
import {
  AltWarning,
  ImageStatus,
  imageName,
  imageSrc,
  useDebounced,
  usePollWhileProcessing,
} from '../media/MediaBrowser';
import { UploadZone } from '../media/UploadZone';
import { Async, PageHeader, Pagination } from '../ui/bits';
import { Dialog, useConfirm, useToast } from '../ui/Dialog';
import { ErrorAlert, fieldError, TextArea, TextField } from '../ui/Field';

export function MediaLibraryPage() {
  const can = useCan();
  const searchId = useId();
  const [text, setText] = useState('');
  const q = useDebounced(text);
  const [page, setPage] = useState(1);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new search starts on its first page
  useEffect(() => setPage(1), [q]);
  const list = useApi<List<MediaImage>>(`/media${queryString({ q, page, limit: 36 })}`);
  usePollWhileProcessing(list.data?.items, list.reload);
  const [editing, setEditing] = useState<MediaImage | null>(null);
  const missingAlt = list.data?.items.filter((i) => !i.alt).length ?? 0;

  return (
    <>
      <PageHeader title="Media" />
      {can('media.upload') ? <UploadZone onUploaded={() => list.reload()} /> : null}
      <div className="toolbar-row">
        <div className="field field--grow">
          <label htmlFor={searchId}>Search images</label>
          <input id={searchId} type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        {missingAlt > 0 ? (
          <p className="notice notice--warning">
            {missingAlt === 1 ? 'One image on this page has' : `${missingAlt} images on this page have`} no alt text.
            Articles using them cannot be published until it is added.
          </p>
        ) : null}
      </div>
      <Async loading={list.loading} error={list.error} hasData={list.data !== undefined}>
        {list.data && list.data.items.length === 0 ? (
          <p className="empty">{q ? 'No images match.' : 'No images yet. Drop some above.'}</p>
        ) : null}
        <ul className="media-grid">
          {list.data?.items.map((image) => (
            <li key={image.id} className="media-card">
              <img src={imageSrc(image)} alt="" loading="lazy" />
              <div className="media-card__body">
                <p className="media-card__name">{image.originalName || `Image ${image.id}`}</p>
                <p className="media-card__meta">
                  {image.width}×{image.height} · {formatBytes(image.bytes)}
                  {image.usedBy > 0 ? ` · used in ${image.usedBy}` : ''}
                </p>
                <p className="media-card__badges">
                  <ImageStatus image={image} />
                  <AltWarning image={image} />
                </p>
                {image.status === 'failed' && image.error ? <p className="field__error">{image.error}</p> : null}
                {can('media.manage') ? (
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Edit ${imageName(image)}`}
                    onClick={() => setEditing(image)}
                  >
                    Edit
                  </button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
        {list.data ? (
          <Pagination page={list.data.page} limit={list.data.limit} total={list.data.total} onPage={setPage} />
        ) : null}
      </Async>
      {editing ? (
        <ImageDialog
          image={editing}
          onClose={() => setEditing(null)}
          onChanged={() => {
            setEditing(null);
            list.reload();
          }}
        />
      ) : null}
    </>
  );
}

function ImageDialog({ image, onClose, onChanged }: { image: MediaImage; onClose: () => void; onChanged: () => void }) {
  const confirm = useConfirm();
  const toast = useToast();
  const [alt, setAlt] = useState(image.alt);
  const [caption, setCaption] = useState(image.caption);
  const [credit, setCredit] = useState(image.credit);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.patch(`/media/${image.id}`, { alt: alt.trim(), caption: caption.trim(), credit: credit.trim() });
      toast('Image details saved');
      onChanged();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  const remove = async () => {
    const ok = await confirm({
      title: 'Delete this image?',
      message: 'It is removed from the library and from the server. This cannot be undone.',
      confirmLabel: 'Delete image',
      danger: true,
    });
    if (!ok) return;
    setBusy(true);
    setError(null);
    try {
      await api.delete(`/media/${image.id}`);
      toast('Image deleted');
      onChanged();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <Dialog title="Image details" onClose={onClose} className="dialog--wide">
      <form className="image-editor" onSubmit={save} noValidate>
        <div className="image-editor__preview">
          <img src={image.url} alt="" />
          <dl className="meta-list">
            <dt>File</dt>
            <dd>{image.originalName}</dd>
            <dt>Size</dt>
            <dd>
              {image.width}×{image.height} px · {formatBytes(image.bytes)} · {image.mime}
            </dd>
            <dt>Uploaded</dt>
            <dd>{formatDateTime(image.createdAt)}</dd>
            <dt>Used in</dt>
            <dd>{image.usedBy === 1 ? '1 article' : `${image.usedBy} articles`}</dd>
          </dl>
        </div>
        <div className="stack">
          <ErrorAlert error={error} fields={['alt', 'caption', 'credit']} />
          <TextArea
            label="Alt text"
            rows={3}
            value={alt}
            onChange={(e) => setAlt(e.target.value)}
            error={fieldError(error, 'alt')}
            hint={
              alt.trim()
                ? 'What the image shows, for people who cannot see it.'
                : 'Missing: what the image shows, for people who cannot see it. Required before an article using it is published.'
            }
          />
          <TextArea
            label="Caption"
            rows={2}
            value={caption}
            onChange={(e) => setCaption(e.target.value)}
            error={fieldError(error, 'caption')}
          />
          <TextField
            label="Credit"
            value={credit}
            onChange={(e) => setCredit(e.target.value)}
            error={fieldError(error, 'credit')}
            hint="Photographer and agency, e.g. “Jane Doe / Reuters”."
          />
          <div className="dialog__actions dialog__actions--split">
            <button type="button" className="button button--danger-ghost" onClick={remove} disabled={busy}>
              Delete image
            </button>
            <span>
              <button type="button" className="button" onClick={onClose}>
                Cancel
              </button>{' '}
              <button type="submit" className="button button--primary" disabled={busy}>
                Save
              </button>
            </span>
          </div>
        </div>
      </form>
    </Dialog>
  );
}
