import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Selectable } from 'kysely';
import type { Metadata } from 'sharp';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import type { ImagesTable, ImageVariant } from './media.table.js';

export type ImageRow = Selectable<ImagesTable>;

/** Responsive widths; a variant is never wider than the original. */
export const variantWidths = [480, 800, 1200, 1600] as const;
const formats = ['avif', 'webp', 'jpeg'] as const;
/** Refuse images above this many pixels: a small file can decode to gigabytes. */
export const maxPixels = 50_000_000;

export interface ImageSources {
  src: string;
  width: number;
  height: number;
  srcsetByFormat: Record<'avif' | 'webp' | 'jpeg', string>;
}

export function parseVariants(image: Pick<ImageRow, 'variants'>): ImageVariant[] {
  return JSON.parse(image.variants) as ImageVariant[];
}

/** The URLs a page needs to show an image responsively. */
export function imageSources(image: Pick<ImageRow, 'variants' | 'width' | 'height'>): ImageSources | null {
  const variants = parseVariants(image);
  if (variants.length === 0) return null;
  const srcset = (format: ImageVariant['format']) =>
    variants
      .filter((v) => v.format === format)
      .map((v) => `/media/${v.path} ${v.width}w`)
      .join(', ');
  const jpegs = variants.filter((v) => v.format === 'jpeg').sort((a, b) => a.width - b.width);
  const fallback = jpegs.find((v) => v.width >= 800) ?? jpegs[jpegs.length - 1];
  return {
    src: fallback ? `/media/${fallback.path}` : '',
    width: image.width,
    height: image.height,
    srcsetByFormat: { avif: srcset('avif'), webp: srcset('webp'), jpeg: srcset('jpeg') },
  };
}

export class MediaService {
  constructor(
    private readonly db: Db,
    private readonly mediaDir: string,
  ) {}

  /**
   * Stores an image and its responsive variants. The type is read from the bytes, not the
   * name; oversized images are refused before they are decoded.
   */
  async createImage(
    input: Buffer,
    meta: { originalName?: string; alt?: string; caption?: string; credit?: string; storageKey?: string },
  ): Promise<ImageRow> {
    // Loaded on first upload: image processing is not part of serving readers.
    const sharp = (await import('sharp')).default;
    let info: Metadata;
    try {
      info = await sharp(input, { limitInputPixels: maxPixels }).metadata();
    } catch {
      throw new AppError(
        'unsupported_media_type',
        'That file is not an image we can read (JPEG, PNG, WebP, AVIF or GIF).',
      );
    }
    const mimeByFormat: Record<string, string> = {
      jpeg: 'image/jpeg',
      png: 'image/png',
      webp: 'image/webp',
      gif: 'image/gif',
      heif: 'image/avif',
    };
    const mime = mimeByFormat[info.format ?? ''];
    if (!mime || !info.width || !info.height) {
      throw new AppError(
        'unsupported_media_type',
        'That file is not an image we can read (JPEG, PNG, WebP, AVIF or GIF).',
      );
    }
    if (info.width * info.height > maxPixels) {
      throw new AppError('payload_too_large', `Images may have at most ${maxPixels / 1_000_000} million pixels.`);
    }
    const key = meta.storageKey ?? `${new Date().toISOString().slice(0, 7)}/${randomBytes(6).toString('hex')}`;
    const dir = path.join(this.mediaDir, 'images', key);
    await fs.mkdir(dir, { recursive: true });
    const variants = await this.makeVariants(input, dir, `images/${key}`);
    const oriented = await sharp(input, { limitInputPixels: maxPixels }).rotate().metadata();
    const now = new Date().toISOString();
    return this.db.kysely
      .insertInto('images')
      .values({
        storage_key: key,
        original_name: meta.originalName ?? '',
        mime,
        width: oriented.autoOrient?.width ?? info.width,
        height: oriented.autoOrient?.height ?? info.height,
        bytes: input.length,
        alt: meta.alt ?? '',
        caption: meta.caption ?? '',
        credit: meta.credit ?? '',
        variants: JSON.stringify(variants),
        status: 'ready',
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  private async makeVariants(input: Buffer, dir: string, urlPrefix: string): Promise<ImageVariant[]> {
    const sharp = (await import('sharp')).default;
    const base = sharp(input, { limitInputPixels: maxPixels }).rotate();
    const { width: originalWidth = 0 } = await base.clone().metadata();
    const widths = variantWidths.filter((w) => w <= originalWidth);
    if (widths.length === 0) widths.push(originalWidth as (typeof variantWidths)[number]);
    const variants: ImageVariant[] = [];
    for (const width of widths) {
      const resized = base.clone().resize({ width, withoutEnlargement: true });
      for (const format of formats) {
        const pipeline =
          format === 'avif'
            ? resized.clone().avif({ quality: 50, effort: 2 })
            : format === 'webp'
              ? resized.clone().webp({ quality: 72 })
              : resized.clone().jpeg({ quality: 78, mozjpeg: true, progressive: true });
        const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
        const file = `${width}.${format === 'jpeg' ? 'jpg' : format}`;
        await fs.writeFile(path.join(dir, file), data);
        variants.push({
          format,
          width: info.width,
          height: info.height,
          path: `${urlPrefix}/${file}`,
          bytes: data.length,
        });
      }
    }
    return variants;
  }

  findById(id: number): Promise<ImageRow | undefined> {
    return this.db.kysely.selectFrom('images').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByIds(ids: number[]): Promise<ImageRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.kysely.selectFrom('images').selectAll().where('id', 'in', ids).execute();
  }
}
