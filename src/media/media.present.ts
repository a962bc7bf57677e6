import { type ImageRow, parseVariants } from './media.service.js';
import type { ImageStatus, ImageVariant } from './media.table.js';

export interface ImageJson {
  id: number;
  /** The largest JPEG, or the original until the variants are made. */
  url: string;
  /** The smallest WebP (else JPEG), or the original until the variants are made. */
  thumbnailUrl: string;
  width: number;
  height: number;
  mime: string;
  bytes: number;
  originalName: string;
  alt: string;
  caption: string;
  credit: string;
  status: ImageStatus;
  error: string | null;
  /** How many articles use it; an image in use cannot be deleted. */
  usedBy: number;
  createdAt: string;
}

const byWidth = (a: ImageVariant, b: ImageVariant) => a.width - b.width;

export function presentImage(row: ImageRow, usedBy: number): ImageJson {
  const variants = parseVariants(row);
  const jpegs = variants.filter((v) => v.format === 'jpeg').sort(byWidth);
  const webps = variants.filter((v) => v.format === 'webp').sort(byWidth);
  // Originals keep the camera's metadata (location too): only staff fetch them, through the Admin API.
  const original = `/api/admin/media/${row.id}/original`;
  const largest = jpegs[jpegs.length - 1];
  const smallest = webps[0] ?? jpegs[0];
  return {
    id: row.id,
    url: largest ? `/media/${largest.path}` : original,
    thumbnailUrl: smallest ? `/media/${smallest.path}` : original,
    width: row.width,
    height: row.height,
    mime: row.mime,
    bytes: row.bytes,
    originalName: row.original_name,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    status: row.status,
    error: row.error,
    usedBy,
    createdAt: row.created_at,
  };
}
