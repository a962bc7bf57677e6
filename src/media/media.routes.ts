import fs from 'node:fs';
import path from 'node:path';
import type {} from '@fastify/multipart';
import { Type } from '@fastify/type-provider-typebox';
import { AppError } from '../errors.js';
import { type AdminApp, actorOf, scopeFor } from '../newsroom/admin.plugin.js';
import { forbidden } from '../newsroom/newsroom.policy.js';
import { presentImage } from './media.present.js';
import { type ImageRow, type MediaService, originalPath } from './media.service.js';

const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export interface MediaRouteDeps {
  media: MediaService;
  mediaDir: string;
  maxUploadBytes: number;
  /** Alt text, caption or credit changed: articles showing the image re-render. */
  onChange: (imageId: number) => Promise<void>;
}

/** The media library: uploads (type read from the bytes), alt text, captions, guarded deletes. */
export function registerMediaRoutes(app: AdminApp, deps: MediaRouteDeps) {
  const { media } = deps;

  const load = async (id: number) => {
    const row = await media.findById(id);
    if (!row) throw new AppError('not_found', 'We could not find that image.');
    return row;
  };

  const present = async (row: ImageRow) => presentImage(row, await media.usageCount(row.id));

  app.get(
    '/media',
    {
      config: { access: 'media.read' },
      schema: {
        tags: ['media'],
        querystring: Type.Object({
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
          q: Type.Optional(Type.String({ maxLength: 200 })),
        }),
      },
    },
    async (request) => {
      const { page = 1, limit = 30, q } = request.query;
      const { items, total } = await media.listImages({ page, limit, ...(q ? { q } : {}) });
      const uses = await media.usageCounts(items.map((i) => i.id));
      return { items: items.map((i) => presentImage(i, uses.get(i.id) ?? 0)), page, limit, total };
    },
  );

  app.post(
    '/media',
    {
      config: { access: 'media.upload' },
      schema: {
        tags: ['media'],
        summary: 'Upload an image (multipart/form-data: file, and optional alt, caption, credit)',
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!request.isMultipart()) {
        throw new AppError('unsupported_media_type', 'Send the image as multipart/form-data with a "file" field.');
      }
      let file: { buffer: Buffer; name: string } | null = null;
      const fields: Record<string, string> = {};
      for await (const part of request.parts({ limits: { fileSize: deps.maxUploadBytes, files: 1, fields: 10 } })) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file') {
            part.file.resume();
            continue;
          }
          const buffer = await part.toBuffer();
          if (part.file.truncated) {
            throw new AppError(
              'payload_too_large',
              `That file is larger than the ${Math.round(deps.maxUploadBytes / 1024 / 1024)} MB limit.`,
            );
          }
          file = { buffer, name: part.filename };
        } else if (typeof part.value === 'string') {
          fields[part.fieldname] = part.value;
        }
      }
      if (!file) {
        throw new AppError('validation_failed', 'Choose an image to upload.', {
          fields: [{ field: 'file', message: 'Choose an image to upload.' }],
        });
      }
      const row = await media.uploadImage(file.buffer, {
        originalName: file.name.slice(0, 200),
        ...(fields.alt !== undefined ? { alt: fields.alt } : {}),
        ...(fields.caption !== undefined ? { caption: fields.caption } : {}),
        ...(fields.credit !== undefined ? { credit: fields.credit } : {}),
        uploadedBy: actor.id,
      });
      reply.code(201);
      return presentImage(row, 0);
    },
  );

  app.get(
    '/media/:id',
    { config: { access: 'media.read' }, schema: { tags: ['media'], params: Id } },
    async (request) => present(await load(request.params.id)),
  );

  app.get(
    '/media/:id/original',
    { config: { access: 'media.read' }, schema: { tags: ['media'], summary: 'The untouched upload', params: Id } },
    async (request, reply) => {
      const row = await load(request.params.id);
      const file = path.join(deps.mediaDir, originalPath(row));
      if (!fs.existsSync(file)) throw new AppError('not_found', 'The original of this image is no longer kept.');
      reply.header('content-type', row.mime).header('x-content-type-options', 'nosniff');
      return reply.send(fs.createReadStream(file));
    },
  );

  /** Authors and contributors change only the images they uploaded. */
  const requireManage = (request: Parameters<typeof actorOf>[0], row: ImageRow) => {
    const actor = actorOf(request);
    if (scopeFor(request, 'media.manage') === 'own' && row.uploaded_by !== actor.id) {
      throw forbidden(actor.role, 'media.manage');
    }
  };

  app.patch(
    '/media/:id',
    {
      config: { access: 'media.manage' },
      schema: {
        tags: ['media'],
        params: Id,
        body: Type.Object(
          {
            alt: Type.Optional(Type.String({ maxLength: 1000 })),
            caption: Type.Optional(Type.String({ maxLength: 4000 })),
            credit: Type.Optional(Type.String({ maxLength: 1000 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const row = await load(request.params.id);
      requireManage(request, row);
      const updated = await media.updateImage(row.id, request.body);
      await deps.onChange(row.id);
      return present(updated);
    },
  );

  app.delete(
    '/media/:id',
    { config: { access: 'media.manage' }, schema: { tags: ['media'], params: Id } },
    async (request, reply) => {
      const row = await load(request.params.id);
      requireManage(request, row);
      await media.deleteImage(row.id);
      return reply.code(204).send();
    },
  );
}
