import type { Generated } from 'kysely';

export interface ImageVariant {
  format: 'avif' | 'webp' | 'jpeg';
  width: number;
  height: number;
  /** Path under the media folder, also its URL under /media/. */
  path: string;
  bytes: number;
}

export type ImageStatus = 'processing' | 'ready' | 'failed';

export interface ImagesTable {
  id: Generated<number>;
  storage_key: string;
  original_name: Generated<string>;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  alt: Generated<string>;
  caption: Generated<string>;
  credit: Generated<string>;
  /** JSON array of ImageVariant. */
  variants: Generated<string>;
  /** 'processing' until the variants job has run; 'failed' when the image cannot be decoded (see error). */
  status: Generated<ImageStatus>;
  created_at: string;
  updated_at: string;
  uploaded_by: number | null;
  /** Why making variants failed, shown in the newsroom. */
  error: string | null;
}
