import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { buildTestApp, type TestApp } from '../../test/helpers/app.js';
import { eachDialect } from '../../test/helpers/db.js';
import { buildArticle } from '../../test/helpers/factories.js';
import { AppError, type ErrorCode } from '../errors.js';
import { presentImage } from './media.present.js';
import {
  type ImageRow,
  type MediaJobs,
  MediaService,
  originalPath,
  parseVariants,
  variantsJob,
} from './media.service.js';

type Handler = (payload: unknown, ctx: { jobId: number; attempt: number }) => Promise<void>;

/** Records what is enqueued and runs it on demand, as the job runner would. */
function fakeQueue() {
  const jobs: { kind: string; payload: unknown; inTransaction: boolean }[] = [];
  const handlers = new Map<string, Handler>();
  let ran = 0;
  const queue = {
    jobs,
    handlers,
    async enqueue<P>(kind: string, payload: P, opts?: { trx?: unknown }): Promise<number> {
      jobs.push({ kind, payload, inTransaction: opts?.trx !== undefined });
      return jobs.length;
    },
    register<P>(kind: string, handler: (payload: P, ctx: { jobId: number; attempt: number }) => Promise<void>): void {
      handlers.set(kind, handler as Handler);
    },
    /** Runs every job enqueued since the last call. */
    async runPending(): Promise<void> {
      while (ran < jobs.length) {
        const job = jobs[ran++]!;
        const handler = handlers.get(job.kind);
        assert.ok(handler, `a handler is registered for ${job.kind}`);
        await handler(job.payload, { jobId: ran, attempt: 1 });
      }
    },
  };
  return queue satisfies MediaJobs;
}

async function rejectsWith(promise: Promise<unknown>, code: ErrorCode, check?: (e: AppError) => void) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof AppError, `an AppError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    check?.(error);
    return true;
  });
}

const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 160 } } });

/** A valid 1x1 PNG whose header claims 100000 x 100000 pixels: tiny on disk, 30 GB decoded. */
async function pixelBomb(): Promise<Buffer> {
  const png = Buffer.from(await solid(1, 1).png().toBuffer());
  // IHDR data starts at byte 16 (8 signature + 4 length + 4 type); its CRC covers type and data.
  png.writeUInt32BE(100_000, 16);
  png.writeUInt32BE(100_000, 20);
  png.writeUInt32BE(zlib.crc32(png.subarray(12, 29)), 29);
  return png;
}

eachDialect('media uploads', (dialect) => {
  let t: TestApp;
  let mediaDir: string;
  let queue: ReturnType<typeof fakeQueue>;
  let media: MediaService;
  let inline: MediaService;
  let logoId: number | null = null;

  before(async () => {
    t = await buildTestApp(dialect);
    mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-media-test-'));
    queue = fakeQueue();
    const options = {
      maxUploadBytes: 2 * 1024 * 1024,
      maxPixels: 50_000_000,
      deleteGuard: (id: number) => (id === logoId ? 'This image is the site logo; choose another logo first.' : null),
    };
    media = new MediaService(t.database.db, mediaDir, { ...options, jobs: queue });
    media.registerJobs();
    inline = new MediaService(t.database.db, mediaDir, options);
  });
  after(async () => {
    await t.close();
    fs.rmSync(mediaDir, { recursive: true, force: true });
  });

  test('an upload is stored as processing, and the variants job makes AVIF, WebP and JPEG sizes', async () => {
    const jpeg = await solid(1000, 700).jpeg().toBuffer();
    const uploaded = await media.uploadImage(jpeg, { originalName: 'harbour.jpg', uploadedBy: null, credit: ' Desk ' });
    assert.equal(uploaded.status, 'processing');
    assert.equal(uploaded.mime, 'image/jpeg');
    assert.equal(uploaded.width, 1000);
    assert.equal(uploaded.height, 700);
    assert.equal(uploaded.credit, 'Desk');
    assert.deepEqual(parseVariants(uploaded), []);
    const job = queue.jobs.at(-1);
    assert.deepEqual(job, { kind: variantsJob, payload: { imageId: uploaded.id }, inTransaction: true });

    const processing = presentImage(uploaded, 0);
    assert.match(
      processing.url,
      /^\/api\/admin\/media\/\d+\/original$/,
      'staff fetch the original until variants exist',
    );
    assert.equal(processing.thumbnailUrl, processing.url);
    assert.ok(fs.existsSync(path.join(mediaDir, originalPath(uploaded))), 'the original is on disk');

    await queue.runPending();
    const ready = (await media.findById(uploaded.id)) as ImageRow;
    assert.equal(ready.status, 'ready');
    assert.equal(ready.error, null);
    const variants = parseVariants(ready);
    assert.deepEqual([...new Set(variants.map((v) => v.format))].sort(), ['avif', 'jpeg', 'webp']);
    assert.deepEqual(
      [...new Set(variants.map((v) => v.width))].sort((a, b) => a - b),
      [480, 800],
    );
    for (const v of variants) {
      assert.ok(v.width <= 1000);
      const file = path.join(mediaDir, v.path);
      assert.ok(fs.existsSync(file), `${v.path} is on disk`);
      const meta = await sharp(file).metadata();
      assert.equal(meta.width, v.width);
      assert.equal(meta.format, v.format === 'avif' ? 'heif' : v.format);
    }
    const shown = presentImage(ready, 2);
    assert.match(shown.url, /\/800\.jpg$/);
    assert.match(shown.thumbnailUrl, /\/480\.webp$/);
    assert.equal(shown.usedBy, 2);
    assert.equal(shown.originalName, 'harbour.jpg');
  });

  test('without a queue an upload is ready at once', async () => {
    const png = await solid(300, 200).png().toBuffer();
    const row = await inline.uploadImage(png, { originalName: 'chart.png', alt: 'A chart' });
    assert.equal(row.status, 'ready');
    const variants = parseVariants(row);
    assert.equal(variants.length, 3, 'one width, three formats');
    assert.ok(variants.every((v) => v.width === 300));
  });

  test('the type is read from the bytes: a text file named photo.jpg is refused', async () => {
    await rejectsWith(
      media.uploadImage(Buffer.from('Just some notes, not a photo.\n'), { originalName: 'photo.jpg' }),
      'unsupported_media_type',
    );
  });

  test('a PDF is refused, and the message says it is a PDF', async () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< >>\n%%EOF\n', 'latin1');
    await rejectsWith(media.uploadImage(pdf, { originalName: 'photo.jpg' }), 'unsupported_media_type', (e) =>
      assert.match(e.message, /PDF/),
    );
  });

  test('a file over the size limit is refused with the limit in MB', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024, 1);
    await rejectsWith(media.uploadImage(big, { originalName: 'huge.jpg' }), 'payload_too_large', (e) =>
      assert.match(e.message, /2 MB/),
    );
  });

  test('a decompression bomb is refused from its header, and nothing is stored', async () => {
    const before = (await media.listImages({ limit: 100 })).total;
    await rejectsWith(media.uploadImage(await pixelBomb(), { originalName: 'bomb.png' }), 'validation_failed', (e) => {
      assert.equal(e.details?.fields?.[0]?.field, 'file');
      assert.match(e.message, /100000 × 100000/);
    });
    assert.equal((await media.listImages({ limit: 100 })).total, before);
  });

  test('EXIF orientation is applied: a rotated photo reports and gets its upright size', async () => {
    const sideways = await solid(300, 200).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const row = await media.uploadImage(sideways, { originalName: 'portrait.jpg' });
    assert.equal(row.width, 200);
    assert.equal(row.height, 300);
    await queue.runPending();
    const ready = (await media.findById(row.id)) as ImageRow;
    for (const v of parseVariants(ready)) {
      assert.equal(v.width, 200);
      assert.equal(v.height, 300);
      const meta = await sharp(path.join(mediaDir, v.path)).metadata();
      assert.equal(meta.orientation, undefined, 'no EXIF left in the variant');
    }
  });

  test('an image that cannot be decoded is marked failed with the reason, not retried', async () => {
    const row = await media.uploadImage(await solid(600, 400).jpeg().toBuffer(), { originalName: 'broken.jpg' });
    const original = path.join(mediaDir, originalPath(row));
    const bytes = fs.readFileSync(original);
    fs.writeFileSync(original, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await queue.runPending();
    const failed = (await media.findById(row.id)) as ImageRow;
    assert.equal(failed.status, 'failed');
    assert.ok(failed.error && failed.error.length > 0);
  });

  test('alt text, caption and credit are kept, trimmed and limited', async () => {
    const row = await inline.uploadImage(await solid(100, 100).png().toBuffer(), { originalName: 'x.png' });
    const updated = await media.updateImage(row.id, { alt: '  Flood waters  ', caption: 'The river', credit: 'AP' });
    assert.deepEqual([updated.alt, updated.caption, updated.credit], ['Flood waters', 'The river', 'AP']);
    const again = await media.updateImage(row.id, { credit: 'Reuters' });
    assert.deepEqual([again.alt, again.credit], ['Flood waters', 'Reuters']);
    await rejectsWith(
      media.updateImage(row.id, { alt: 'a'.repeat(251), caption: 'c'.repeat(1001), credit: 'ok' }),
      'validation_failed',
      (e) =>
        assert.deepEqual(
          e.details?.fields?.map((f) => f.field),
          ['alt', 'caption'],
        ),
    );
    await rejectsWith(media.updateImage(row.id, { credit: 'c'.repeat(201) }), 'validation_failed');
    await rejectsWith(media.updateImage(999_999, { alt: 'x' }), 'not_found');
    assert.equal(((await media.findById(row.id)) as ImageRow).credit, 'Reuters', 'a refused patch changes nothing');
  });

  test('findMissingAlt names the images without alt text', async () => {
    const png = await solid(50, 50).png().toBuffer();
    const described = await inline.uploadImage(png, { originalName: 'a.png', alt: 'A map' });
    const blank = await inline.uploadImage(png, { originalName: 'b.png', alt: '   ' });
    const missing = await media.findMissingAlt([described.id, blank.id]);
    assert.deepEqual(
      missing.map((m) => m.id),
      [blank.id],
    );
    assert.deepEqual(await media.findMissingAlt([]), []);
  });

  test('an image in use cannot be deleted; once unused it goes with its files', async () => {
    const row = await inline.uploadImage(await solid(500, 300).png().toBuffer(), { originalName: 'used.png' });
    const article = await buildArticle(t.services, { headline: 'Uses an image' });
    await t.database.db.kysely
      .insertInto('article_images')
      .values({ article_id: article.id, image_id: row.id })
      .execute();
    assert.equal(await media.usageCount(row.id), 1);
    assert.deepEqual(
      await media.usageCounts([row.id, 999_999]),
      new Map([
        [row.id, 1],
        [999_999, 0],
      ]),
    );
    await rejectsWith(media.deleteImage(row.id), 'conflict', (e) => assert.match(e.message, /1 article;/));

    await t.database.db.kysely.deleteFrom('article_images').where('image_id', '=', row.id).execute();
    const dir = path.dirname(path.join(mediaDir, originalPath(row)));
    assert.ok(fs.existsSync(dir));
    await media.deleteImage(row.id);
    assert.equal(await media.findById(row.id), undefined);
    assert.ok(!fs.existsSync(dir), 'the files are gone');
    await rejectsWith(media.deleteImage(row.id), 'not_found');
  });

  test('a feature image is protected by the database even without a usage row', async () => {
    const row = await inline.uploadImage(await solid(500, 300).png().toBuffer(), { originalName: 'feature.png' });
    await buildArticle(t.services, { headline: 'Pictured', featureImageId: row.id });
    await rejectsWith(media.deleteImage(row.id), 'conflict');
    assert.ok(await media.findById(row.id));
  });

  test('the site logo cannot be deleted', async () => {
    const row = await inline.uploadImage(await solid(200, 60).png().toBuffer(), { originalName: 'logo.png' });
    logoId = row.id;
    await rejectsWith(media.deleteImage(row.id), 'conflict', (e) => assert.match(e.message, /logo/));
    logoId = null;
    await media.deleteImage(row.id);
  });

  test('the library lists newest first, searches and pages', async () => {
    const png = await solid(40, 40).png().toBuffer();
    const first = await inline.uploadImage(png, { originalName: 'zebra-crossing.png' });
    const second = await inline.uploadImage(png, { originalName: 'x.png', caption: 'A Zebra at the zoo' });
    const third = await inline.uploadImage(png, { originalName: 'y.png', credit: 'ZEBRA Photos' });
    await inline.uploadImage(png, { originalName: 'horse.png', alt: 'A horse' });
    // Same millisecond is possible: newest first then falls back to the id.
    const page1 = await media.listImages({ q: 'zebra', limit: 2, page: 1 });
    assert.equal(page1.total, 3);
    assert.deepEqual(
      page1.items.map((i) => i.id),
      [third.id, second.id],
    );
    const page2 = await media.listImages({ q: 'zebra', limit: 2, page: 2 });
    assert.deepEqual(
      page2.items.map((i) => i.id),
      [first.id],
    );
    assert.equal((await media.listImages({ q: '100%_' })).total, 0, 'LIKE wildcards in q are literal');
    const all = await media.listImages({ limit: 100 });
    assert.ok(all.total >= 4);
    assert.equal(all.items[0]?.original_name, 'horse.png');
  });
});
