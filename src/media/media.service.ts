import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { type Selectable, sql, type Transaction } from 'kysely';
import type { Metadata } from 'sharp';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { AppError, type FieldError, notFound } from '../errors.js';
import type { ImagesTable, ImageVariant } from './media.table.js';

export type ImageRow = Selectable<ImagesTable>;

/** Responsive widths; a variant is never wider than the original. */
export const variantWidths = [480, 800, 1200, 1600] as const;
const formats = ['avif', 'webp', 'jpeg'] as const;
/** Refuse images above this many pixels: a small file can decode to gigabytes. */
export const maxPixels = 50_000_000;
export const defaultMaxUploadBytes = 25 * 1024 * 1024;

/** The job that makes an uploaded image's variants. */
export const variantsJob = 'media.variants';
export interface VariantsPayload {
  imageId: number;
}

/**
 * The part of the durable job queue media needs. Enqueued in the upload's transaction, so
 * an image row never exists without the job that finishes it.
 */
export interface MediaJobs {
  enqueue<P>(kind: string, payload: P, opts?: { trx?: Transaction<Database> }): Promise<number>;
  register<P>(kind: string, handler: (payload: P, ctx: { jobId: number; attempt: number }) => Promise<void>): void;
}

export interface MediaOptions {
  /** Largest upload accepted, in bytes. */
  maxUploadBytes?: number;
  /** Largest image accepted, in pixels (width x height). */
  maxPixels?: number;
  /** Without a queue, uploads make their variants before answering. */
  jobs?: MediaJobs;
  /**
   * Why an image may not be deleted for a reason media cannot see (it is the site logo),
   * as a sentence for the newsroom, or null.
   */
  deleteGuard?: (imageId: number) => string | null | Promise<string | null>;
  /** An upload's variants are ready: pages already showing it (saved while it was processing) follow. */
  onReady?: (imageId: number) => Promise<void>;
}

export interface ImageMeta {
  originalName?: string;
  alt?: string;
  caption?: string;
  credit?: string;
  uploadedBy?: number | null;
}

export interface ImagePatch {
  alt?: string;
  caption?: string;
  credit?: string;
}

export const textLimits = { alt: 250, caption: 1000, credit: 200 } as const;

const acceptedTypes = {
  'image/jpeg': { ext: 'jpg', sharpFormat: 'jpeg' },
  'image/png': { ext: 'png', sharpFormat: 'png' },
  'image/webp': { ext: 'webp', sharpFormat: 'webp' },
  'image/avif': { ext: 'avif', sharpFormat: 'heif' },
  'image/gif': { ext: 'gif', sharpFormat: 'gif' },
} as const;
type AcceptedMime = keyof typeof acceptedTypes;
const accepted = 'Upload a JPEG, PNG, WebP, AVIF or GIF image.';

/** Names for what people most often drop on the uploader by mistake. */
const typeNames: Record<string, string> = {
  'application/pdf': 'a PDF document',
  'application/zip': 'a ZIP archive',
  'application/gzip': 'a gzip archive',
  'application/x-rar-compressed': 'a RAR archive',
  'application/x-7z-compressed': 'a 7-Zip archive',
  'application/msword': 'a Word document',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'a Word document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'an Excel spreadsheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'a PowerPoint presentation',
  'application/x-msdownload': 'a Windows program',
  'application/x-elf': 'a program',
  'audio/mpeg': 'an MP3 audio file',
  'video/mp4': 'an MP4 video',
  'video/quicktime': 'a QuickTime video',
  'video/webm': 'a WebM video',
  'image/tiff': 'a TIFF image',
  'image/heic': 'a HEIC image',
  'image/heif': 'a HEIF image',
  'image/bmp': 'a BMP image',
  'image/jxl': 'a JPEG XL image',
  'image/vnd.adobe.photoshop': 'a Photoshop document',
  'image/x-icon': 'an icon file',
};

/** Where the untouched upload is kept, under the media folder; variants are made from it. */
export function originalPath(image: Pick<ImageRow, 'storage_key' | 'mime'>): string {
  const ext = acceptedTypes[image.mime as AcceptedMime]?.ext ?? 'bin';
  return `images/${image.storage_key}/original.${ext}`;
}

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

interface CheckedImage {
  mime: AcceptedMime;
  width: number;
  height: number;
}

/** Thrown by sharp for a file it cannot decode, as opposed to a failing disk (which has a syscall). */
function isSystemError(error: unknown): boolean {
  return error instanceof Error && 'syscall' in error;
}

function isForeignKeyViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}

/** Trimmed alt, caption and credit, or validation_failed naming each field that is too long. */
function checkTexts(patch: ImagePatch): ImagePatch {
  const fields: FieldError[] = [];
  const set: ImagePatch = {};
  for (const name of ['alt', 'caption', 'credit'] as const) {
    const value: unknown = patch[name];
    if (value === undefined) continue;
    if (typeof value !== 'string') {
      fields.push({ field: name, message: 'Must be text.' });
      continue;
    }
    const text = value.trim();
    if (text.length > textLimits[name]) {
      fields.push({ field: name, message: `At most ${textLimits[name]} characters (this is ${text.length}).` });
    }
    set[name] = text;
  }
  if (fields.length > 0)
    throw new AppError('validation_failed', 'Some details of the image need attention.', { fields });
  return set;
}

function megabytes(bytes: number): string {
  return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
}

export class MediaService {
  private readonly maxUploadBytes: number;
  private readonly maxPixels: number;
  private readonly jobs: MediaJobs | undefined;
  private readonly deleteGuard: MediaOptions['deleteGuard'];
  private readonly onReady: MediaOptions['onReady'];

  constructor(
    private readonly db: Db,
    private readonly mediaDir: string,
    options: MediaOptions = {},
  ) {
    this.maxUploadBytes = options.maxUploadBytes ?? defaultMaxUploadBytes;
    this.maxPixels = options.maxPixels ?? maxPixels;
    this.jobs = options.jobs;
    this.deleteGuard = options.deleteGuard;
    this.onReady = options.onReady;
  }

  /**
   * Stores an image and makes its variants before returning (the seed and scripts use this).
   * The same checks as an upload apply.
   */
  createImage(input: Buffer, meta: ImageMeta & { storageKey?: string } = {}): Promise<ImageRow> {
    return this.storeImage(input, meta, { inline: true });
  }

  /**
   * An upload from the newsroom: checked, its original stored, and its variants made by the
   * 'media.variants' job (status 'processing' until then), or at once when there is no queue.
   */
  uploadImage(input: Buffer, meta: ImageMeta & { originalName: string }): Promise<ImageRow> {
    return this.storeImage(input, meta, { inline: !this.jobs });
  }

  /** Makes the variants of uploaded images; call once when the job runner is set up. */
  registerJobs(): void {
    if (!this.jobs) throw new Error('MediaService.registerJobs needs a job queue');
    this.jobs.register<VariantsPayload>(variantsJob, (payload) => this.processVariants(payload.imageId));
  }

  /**
   * The variants job. A file sharp cannot decode will not decode on a retry either: the image
   * is marked 'failed' with the reason and the job ends. A disk error is thrown for a retry.
   */
  async processVariants(imageId: number): Promise<void> {
    const row = await this.findById(imageId);
    if (!row || row.status === 'ready') return;
    const dir = this.imageDir(row.storage_key);
    let input: Buffer;
    try {
      input = await fs.readFile(path.join(this.mediaDir, originalPath(row)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        await this.markFailed(imageId, 'The original file is missing; upload the image again.');
        return;
      }
      throw error;
    }
    let variants: ImageVariant[];
    try {
      variants = await this.makeVariants(input, dir, `images/${row.storage_key}`);
    } catch (error) {
      if (isSystemError(error)) {
        // Shown while the queue retries (the status stays 'processing'); the code, not the message, which names server paths.
        const code = (error as NodeJS.ErrnoException).code ?? 'disk error';
        await this.db.kysely
          .updateTable('images')
          .set({ error: `Saving the image sizes failed (${code}); it will be tried again.` })
          .where('id', '=', imageId)
          .execute();
        throw error;
      }
      const reason = error instanceof Error ? error.message : String(error);
      await this.markFailed(imageId, `The image could not be processed: ${reason}`);
      return;
    }
    const result = await this.db.kysely
      .updateTable('images')
      .set({ variants: JSON.stringify(variants), status: 'ready', error: null, updated_at: new Date().toISOString() })
      .where('id', '=', imageId)
      .executeTakeFirst();
    // Deleted while the variants were being made: the files just written belong to nobody.
    if (result.numUpdatedRows === 0n) await this.removeFiles(row.storage_key);
    else await this.onReady?.(imageId);
  }

  async updateImage(id: number, patch: ImagePatch): Promise<ImageRow> {
    const set = checkTexts(patch);
    const row = await this.db.kysely
      .updateTable('images')
      .set({ ...set, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound('image');
    return row;
  }

  /** The library, newest first; q matches the file name, alt text, caption and credit. */
  async listImages(options: { page?: number; limit?: number; q?: string } = {}): Promise<{
    items: ImageRow[];
    total: number;
  }> {
    const limit = Math.min(100, Math.max(1, Math.floor(options.limit ?? 24)));
    const page = Math.max(1, Math.floor(options.page ?? 1));
    const q = options.q?.trim().toLowerCase() ?? '';
    let query = this.db.kysely.selectFrom('images');
    if (q !== '') {
      const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const like = (column: 'original_name' | 'alt' | 'caption' | 'credit') =>
        sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
      query = query.where((eb) => eb.or([like('original_name'), like('alt'), like('caption'), like('credit')]));
    }
    const [items, count] = await Promise.all([
      query
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset((page - 1) * limit)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  /** How many articles use the image (feature image or figure). */
  async usageCount(id: number): Promise<number> {
    return (await this.usageCounts([id])).get(id) ?? 0;
  }

  async usageCounts(ids: number[]): Promise<Map<number, number>> {
    const counts = new Map<number, number>(ids.map((id) => [id, 0]));
    if (ids.length === 0) return counts;
    const rows = await this.db.kysely
      .selectFrom('article_images')
      .select((eb) => ['image_id', eb.fn.countAll<number>().as('n')])
      .where('image_id', 'in', ids)
      .groupBy('image_id')
      .execute();
    for (const row of rows) counts.set(row.image_id, Number(row.n));
    return counts;
  }

  /** Deletes an image nobody uses, with its files. */
  async deleteImage(id: number): Promise<void> {
    const row = await this.findById(id);
    if (!row) throw notFound('image');
    const guarded = this.deleteGuard ? await this.deleteGuard(id) : null;
    if (guarded) throw new AppError('conflict', guarded);
    const used = await this.usageCount(id);
    if (used > 0) {
      throw new AppError(
        'conflict',
        `This image is used by ${used} ${used === 1 ? 'article' : 'articles'}; remove it from them first.`,
      );
    }
    try {
      await this.db.kysely.deleteFrom('images').where('id', '=', id).execute();
    } catch (error) {
      // An article took it up after the count, or references it without an article_images row.
      if (isForeignKeyViolation(error)) {
        throw new AppError('conflict', 'This image is used by an article; remove it from the article first.');
      }
      throw error;
    }
    await this.removeFiles(row.storage_key);
  }

  /** The images among these that have no alt text: an article using one cannot be published. */
  findMissingAlt(imageIds: number[]): Promise<ImageRow[]> {
    if (imageIds.length === 0) return Promise.resolve([]);
    return this.db.kysely
      .selectFrom('images')
      .selectAll()
      .where('id', 'in', imageIds)
      .where(sql<string>`trim(alt)`, '=', '')
      .orderBy('id')
      .execute();
  }

  findById(id: number): Promise<ImageRow | undefined> {
    return this.db.kysely.selectFrom('images').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByIds(ids: number[]): Promise<ImageRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.kysely.selectFrom('images').selectAll().where('id', 'in', ids).execute();
  }

  /** Images stored under these original names, oldest first (a wire picture is named by its agency address). */
  findByOriginalNames(names: string[]): Promise<ImageRow[]> {
    if (names.length === 0) return Promise.resolve([]);
    return this.db.kysely.selectFrom('images').selectAll().where('original_name', 'in', names).orderBy('id').execute();
  }

  private async storeImage(
    input: Buffer,
    meta: ImageMeta & { storageKey?: string },
    how: { inline: boolean },
  ): Promise<ImageRow> {
    const texts = checkTexts(meta);
    const checked = await this.checkImage(input);
    const key = meta.storageKey ?? `${new Date().toISOString().slice(0, 7)}/${randomBytes(6).toString('hex')}`;
    const dir = this.imageDir(key);
    await fs.mkdir(dir, { recursive: true });
    try {
      const original = originalPath({ storage_key: key, mime: checked.mime });
      await fs.writeFile(path.join(this.mediaDir, original), input);
      let variants: ImageVariant[] = [];
      if (how.inline) {
        try {
          variants = await this.makeVariants(input, dir, `images/${key}`);
        } catch (error) {
          if (isSystemError(error)) throw error;
          throw new AppError('unsupported_media_type', `That image is damaged and cannot be read. ${accepted}`);
        }
      }
      const now = new Date().toISOString();
      const values = {
        storage_key: key,
        original_name: meta.originalName ?? '',
        mime: checked.mime,
        width: checked.width,
        height: checked.height,
        bytes: input.length,
        alt: texts.alt ?? '',
        caption: texts.caption ?? '',
        credit: texts.credit ?? '',
        variants: JSON.stringify(variants),
        status: how.inline ? ('ready' as const) : ('processing' as const),
        uploaded_by: meta.uploadedBy ?? null,
        error: null,
        created_at: now,
        updated_at: now,
      };
      const jobs = this.jobs;
      if (how.inline || !jobs) {
        return await this.db.kysely.insertInto('images').values(values).returningAll().executeTakeFirstOrThrow();
      }
      return await this.db.kysely.transaction().execute(async (trx) => {
        const row = await trx.insertInto('images').values(values).returningAll().executeTakeFirstOrThrow();
        await jobs.enqueue<VariantsPayload>(variantsJob, { imageId: row.id }, { trx });
        return row;
      });
    } catch (error) {
      await fs.rm(dir, { recursive: true, force: true });
      throw error;
    }
  }

  /**
   * The checks an upload must pass before anything is stored: size, type read from the
   * bytes (never the name), and pixel count read from the header without decoding.
   */
  private async checkImage(input: Buffer): Promise<CheckedImage> {
    if (input.length > this.maxUploadBytes) {
      throw new AppError(
        'payload_too_large',
        `That file is ${megabytes(input.length)}; uploads may be at most ${megabytes(this.maxUploadBytes)}.`,
      );
    }
    if (input.length === 0) {
      throw new AppError('validation_failed', 'The file is empty.', {
        fields: [{ field: 'file', message: 'The file is empty.' }],
      });
    }
    const { fileTypeFromBuffer } = await import('file-type');
    const detected = await fileTypeFromBuffer(input);
    if (!detected) {
      throw new AppError('unsupported_media_type', `That file is not an image we can read. ${accepted}`);
    }
    if (!(detected.mime in acceptedTypes)) {
      const name = typeNames[detected.mime] ?? `a ${detected.ext.toUpperCase()} file (${detected.mime})`;
      const what = detected.mime.startsWith('image/') ? `${name}, which we do not take` : `${name}, not an image`;
      throw new AppError('unsupported_media_type', `That file is ${what}. ${accepted}`);
    }
    const mime = detected.mime as AcceptedMime;
    // Loaded on first upload: image processing is not part of serving readers.
    const sharp = (await import('sharp')).default;
    let info: Metadata;
    try {
      info = await sharp(input, { limitInputPixels: this.maxPixels }).metadata();
    } catch (error) {
      if (error instanceof Error && /pixel limit/i.test(error.message)) throw await this.tooManyPixels(input);
      throw new AppError('unsupported_media_type', `That image is damaged and cannot be read. ${accepted}`);
    }
    // A file that is one format by its magic bytes and decodes as another is not taken.
    if (info.format !== acceptedTypes[mime].sharpFormat || !info.width || !info.height) {
      throw new AppError('unsupported_media_type', `That image is damaged and cannot be read. ${accepted}`);
    }
    if (info.width * info.height > this.maxPixels) throw await this.tooManyPixels(input);
    return {
      mime,
      width: info.autoOrient?.width ?? info.width,
      height: info.autoOrient?.height ?? info.height,
    };
  }

  private async tooManyPixels(input: Buffer): Promise<AppError> {
    const limit = `${Number((this.maxPixels / 1_000_000).toFixed(1))} million pixels`;
    let message = `This image is too large: images may have at most ${limit}.`;
    try {
      // Reading the header only; nothing is decoded.
      const sharp = (await import('sharp')).default;
      const { width, height } = await sharp(input, { limitInputPixels: false }).metadata();
      if (width && height) message = `This image is ${width} × ${height} pixels; images may have at most ${limit}.`;
    } catch {
      // The general message will do.
    }
    return new AppError('validation_failed', message, { fields: [{ field: 'file', message }] });
  }

  private async makeVariants(input: Buffer, dir: string, urlPrefix: string): Promise<ImageVariant[]> {
    const sharp = (await import('sharp')).default;
    // rotate() applies the EXIF orientation; variants carry no metadata (sharp drops it by default).
    const base = sharp(input, { limitInputPixels: this.maxPixels }).rotate();
    const info = await base.clone().metadata();
    const width = info.autoOrient?.width ?? info.width ?? 0;
    const widths: number[] = variantWidths.filter((w) => w <= width);
    if (widths.length === 0) widths.push(width);
    const variants: ImageVariant[] = [];
    for (const w of widths) {
      const resized = base.clone().resize({ width: w, withoutEnlargement: true });
      for (const format of formats) {
        const pipeline =
          format === 'avif'
            ? resized.clone().avif({ quality: 50, effort: 2 })
            : format === 'webp'
              ? resized.clone().webp({ quality: 72 })
              : resized.clone().jpeg({ quality: 78, mozjpeg: true, progressive: true });
        const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
        const file = `${w}.${format === 'jpeg' ? 'jpg' : format}`;
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

  private async markFailed(imageId: number, error: string): Promise<void> {
    await this.db.kysely
      .updateTable('images')
      .set({ status: 'failed', error, updated_at: new Date().toISOString() })
      .where('id', '=', imageId)
      .execute();
  }

  private imageDir(key: string): string {
    const root = path.resolve(this.mediaDir, 'images');
    const dir = path.resolve(root, key);
    // Keys are made here or by the seed; still, never let one point outside the images folder.
    if (!dir.startsWith(root + path.sep)) throw new Error(`Invalid image storage key: ${key}`);
    return dir;
  }

  private async removeFiles(key: string): Promise<void> {
    await fs.rm(this.imageDir(key), { recursive: true, force: true });
  }
}
