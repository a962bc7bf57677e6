import { type ReactNode, useEffect, useId, useState } from 'react';
import { queryString } from '../api/client';
import type { List, MediaImage } from '../api/types';
import { useApi } from '../lib/useApi';
import { Async, Badge, Pagination } from '../ui/bits';
import { Dialog } from '../ui/Dialog';
import { UploadZone } from './UploadZone';

export const imageSrc = (image: Pick<MediaImage, 'thumbnailUrl' | 'url'>) => image.thumbnailUrl || image.url;
export const imageName = (image: Pick<MediaImage, 'alt' | 'originalName' | 'id'>) =>
  image.alt || image.originalName || `Image ${image.id}`;

/** Text typed into a search box, handed on once typing pauses. */
export function useDebounced<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Reloads while any image is still being processed, so its status turns ready by itself. */
export function usePollWhileProcessing(images: MediaImage[] | undefined, reload: () => void) {
  const processing = images?.some((i) => i.status === 'processing') ?? false;
  useEffect(() => {
    if (!processing) return;
    const timer = window.setTimeout(reload, 2500);
    return () => window.clearTimeout(timer);
  });
  return processing;
}

export function ImageStatus({ image }: { image: MediaImage }) {
  if (image.status === 'processing') return <Badge tone="processing">Processing</Badge>;
  if (image.status === 'failed') return <Badge tone="failed">Failed</Badge>;
  return null;
}

export function AltWarning({ image }: { image: Pick<MediaImage, 'alt'> }) {
  return image.alt ? null : <Badge tone="warning">No alt text</Badge>;
}

interface MediaBrowserProps {
  onPick: (image: MediaImage) => void;
  selectedId?: number | null;
}

/** Search, browse and upload; picking an image (or uploading one) hands it to the caller. */
export function MediaBrowser({ onPick, selectedId }: MediaBrowserProps) {
  const searchId = useId();
  const [text, setText] = useState('');
  const q = useDebounced(text);
  const [page, setPage] = useState(1);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new search starts on its first page
  useEffect(() => setPage(1), [q]);
  const list = useApi<List<MediaImage>>(`/media${queryString({ q, page, limit: 24 })}`);
  usePollWhileProcessing(list.data?.items, list.reload);

  return (
    <div className="media-browser">
      <UploadZone multiple={false} label="Upload an image" onUploaded={onPick} />
      <div className="field">
        <label htmlFor={searchId}>Search images</label>
        <input id={searchId} type="search" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <Async loading={list.loading} error={list.error} hasData={list.data !== undefined}>
        {list.data && list.data.items.length === 0 ? (
          <p className="empty">{q ? 'No images match.' : 'The library is empty: upload the first image.'}</p>
        ) : null}
        <ul className="media-grid media-grid--compact">
          {list.data?.items.map((image) => (
            <li key={image.id}>
              <button
                type="button"
                className="media-tile"
                aria-pressed={selectedId === image.id ? true : undefined}
                onClick={() => onPick(image)}
              >
                <img src={imageSrc(image)} alt="" loading="lazy" />
                <span className="media-tile__name">{imageName(image)}</span>
                <span className="media-tile__badges">
                  <ImageStatus image={image} />
                  <AltWarning image={image} />
                </span>
              </button>
            </li>
          ))}
        </ul>
        {list.data ? (
          <Pagination page={list.data.page} limit={list.data.limit} total={list.data.total} onPage={setPage} />
        ) : null}
      </Async>
    </div>
  );
}

export function MediaPickerDialog({
  title,
  onPick,
  onClose,
  selectedId,
  children,
}: {
  title: string;
  onPick: (image: MediaImage) => void;
  onClose: () => void;
  selectedId?: number | null;
  children?: ReactNode;
}) {
  return (
    <Dialog title={title} onClose={onClose} className="dialog--wide">
      {children}
      <MediaBrowser onPick={onPick} selectedId={selectedId ?? null} />
    </Dialog>
  );
}
