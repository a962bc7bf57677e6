import { type DragEvent, useId, useRef, useState } from 'react';
import { upload } from '../api/client';
import type { MediaImage } from '../api/types';
import { errorMessage } from '../ui/Field';

interface Upload {
  key: number;
  name: string;
  progress: number;
  error: string | null;
}

/** Sends one file to the media library; the answer is the new image (maybe still processing). */
export function uploadImage(file: File, onProgress: (fraction: number) => void): Promise<MediaImage> {
  const form = new FormData();
  form.append('file', file, file.name);
  return upload<MediaImage>('/media', form, onProgress);
}

export const imageFiles = (list: FileList | null | undefined): File[] =>
  Array.from(list ?? []).filter((f) => f.type.startsWith('image/') || f.type === '');

export const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');

interface UploadZoneProps {
  onUploaded: (image: MediaImage) => void;
  multiple?: boolean;
  /** The visible name of the file button, also its accessible name. */
  label?: string;
}

/** Drop images here or choose them; each upload shows its progress and, if refused, why. */
export function UploadZone({ onUploaded, multiple = true, label = 'Upload images' }: UploadZoneProps) {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const nextKey = useRef(1);
  const hintId = useId();

  const send = (files: File[]) => {
    for (const file of multiple ? files : files.slice(0, 1)) {
      const key = nextKey.current++;
      setUploads((list) => [...list, { key, name: file.name, progress: 0, error: null }]);
      const update = (patch: Partial<Upload>) =>
        setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...patch } : u)));
      uploadImage(file, (progress) => update({ progress }))
        .then((image) => {
          setUploads((list) => list.filter((u) => u.key !== key));
          onUploaded(image);
        })
        .catch((error: unknown) => update({ error: errorMessage(error) }));
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: drop target only; the file button is the keyboard way in
    <div
      className={`dropzone${dragging ? ' is-dragging' : ''}`}
      onDragEnter={(e) => {
        if (hasFiles(e)) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragOver={(e) => {
        if (hasFiles(e)) {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
        }
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        send(Array.from(e.dataTransfer.files));
      }}
    >
      <p id={hintId} className="dropzone__hint">
        Drop {multiple ? 'images' : 'an image'} here (JPEG, PNG, WebP, AVIF or GIF), or
      </p>
      <label className="button dropzone__button">
        {label}
        <input
          type="file"
          accept="image/*"
          multiple={multiple}
          className="visually-hidden"
          aria-describedby={hintId}
          onChange={(e) => {
            send(Array.from(e.target.files ?? []));
            e.target.value = '';
          }}
        />
      </label>
      {uploads.length > 0 ? (
        <ul className="uploads" aria-live="polite">
          {uploads.map((u) => (
            <li key={u.key} className={u.error ? 'uploads__item uploads__item--failed' : 'uploads__item'}>
              <span className="uploads__name">{u.name}</span>
              {u.error ? (
                <>
                  <span className="field__error">{u.error}</span>
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    onClick={() => setUploads((list) => list.filter((x) => x.key !== u.key))}
                  >
                    Dismiss
                  </button>
                </>
              ) : (
                <progress value={u.progress} max={1} aria-label={`Uploading ${u.name}`} />
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
