import type { Generated } from 'kysely';

export interface ImageVariant {
  format: 'avif' | 'webp' | 'jpeg';
  width: number;
  height: number;
  /** Path under the media folder, also its URL under /media/. */
  path: string;
  bytes: number;
}

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
  status: Generated<'processing' | 'ready'>;
  created_at: string;
  updated_at: string;
}
