import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { PgChannel } from '../db/pg-channel.js';
import { AppError, notFound } from '../errors.js';
import type { VisibleComment } from './comments.service.js';

/**
 * Live "new comments" for readers: an article's open pages hold a Server-Sent Events stream,
 * and every comment that joins its public thread is announced on it. Announcements reach
 * every instance through PostgreSQL NOTIFY on a channel of their own (the page cache's purges
 * use another); on SQLite there is one process and they stay in it.
 */
/** A reader whose connection has stopped taking bytes is let go rather than buffered for. */
const maxBufferedBytes = 256 * 1024;

export interface StreamLimits {
  /** Open streams from one network address (a household or an office shares one). */
  perAddress: number;
  /** Open streams on this instance. */
  total: number;
  /** How often an idle stream carries a comment line, so proxies do not cut it. */
  heartbeatMs: number;
  /** The reconnection delay the browser is told to use. */
  retryMs: number;
}

export const defaultStreamLimits: StreamLimits = {
  perAddress: 20,
  total: 5000,
  heartbeatMs: 25_000,
  retryMs: 5_000,
};

interface Stream {
  articleId: number;
  address: string;
  res: ServerResponse;
}

export type Admission = { ok: true; stream: Stream } | { ok: false; reason: 'address' | 'full' };

export class CommentEvents {
  readonly limits: StreamLimits;
  private readonly byArticle = new Map<number, Set<Stream>>();
  private readonly byAddress = new Map<string, number>();
  private open = 0;
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly channel: PgChannel<VisibleComment> | null;
  private stopped = false;

  constructor(options: { pool?: pg.Pool | undefined; limits?: Partial<StreamLimits> } = {}) {
    this.limits = { ...defaultStreamLimits, ...options.limits };
    this.channel = options.pool
      ? new PgChannel<VisibleComment>(options.pool, 'newsdesk_comments', {
          message: (comment) => {
            if (Number.isInteger(comment?.articleId)) this.deliver(comment);
          },
        })
      : null;
  }

  /** Open streams on this instance (for tests and metrics). */
  get size(): number {
    return this.open;
  }

  async start(): Promise<void> {
    await this.channel?.start();
  }

  /** A comment joined the public thread: tell this instance's readers, and the others'. */
  publish(comment: VisibleComment): void {
    this.deliver(comment);
    // Live updates are a courtesy: a lost one leaves readers to see the comment on reload.
    this.channel?.send(comment);
  }

  /** Takes a reader's stream if the limits allow it; synchronous, so two requests cannot both take the last place. */
  admit(articleId: number, address: string, res: ServerResponse): Admission {
    if (this.stopped || this.open >= this.limits.total) return { ok: false, reason: 'full' };
    const fromAddress = this.byAddress.get(address) ?? 0;
    if (fromAddress >= this.limits.perAddress) return { ok: false, reason: 'address' };
    const stream: Stream = { articleId, address, res };
    let set = this.byArticle.get(articleId);
    if (!set) {
      set = new Set();
      this.byArticle.set(articleId, set);
    }
    set.add(stream);
    this.byAddress.set(address, fromAddress + 1);
    this.open++;
    this.startHeartbeat();
    return { ok: true, stream };
  }

  /** The reader went away (or was let go): forget the stream. Safe to call twice. */
  release(stream: Stream): void {
    const set = this.byArticle.get(stream.articleId);
    if (!set?.delete(stream)) return;
    if (set.size === 0) this.byArticle.delete(stream.articleId);
    const fromAddress = (this.byAddress.get(stream.address) ?? 1) - 1;
    if (fromAddress <= 0) this.byAddress.delete(stream.address);
    else this.byAddress.set(stream.address, fromAddress);
    this.open--;
    if (this.open === 0) this.stopHeartbeat();
  }

  /** Ends every stream, as the server shuts down: browsers reconnect to another instance on their own. */
  closeAll(): void {
    for (const set of [...this.byArticle.values()]) {
      for (const stream of [...set]) {
        this.release(stream);
        stream.res.end();
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.closeAll();
    await this.channel?.stop();
  }

  private deliver(comment: VisibleComment): void {
    const set = this.byArticle.get(comment.articleId);
    if (!set) return;
    const data = JSON.stringify({ id: comment.id, parentId: comment.parentId, rootId: comment.rootId });
    const message = `id: ${comment.id}\nevent: comment\ndata: ${data}\n\n`;
    for (const stream of [...set]) this.write(stream, message);
  }

  private write(stream: Stream, text: string): void {
    if (stream.res.writableLength > maxBufferedBytes) {
      this.release(stream);
      stream.res.destroy();
      return;
    }
    stream.res.write(text);
  }

  private startHeartbeat(): void {
    if (this.heartbeat) return;
    this.heartbeat = setInterval(() => {
      for (const set of [...this.byArticle.values()])
        for (const stream of [...set]) this.write(stream, ': still here\n\n');
    }, this.limits.heartbeatMs);
    this.heartbeat.unref();
  }

  private stopHeartbeat(): void {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }
}

const idPattern = /^[1-9]\d{0,11}$/;

/**
 * GET /comments/:articleId/events: the stream. Never cached (no-store, and not a page the
 * page cache stores); ended by the server's preClose hook, so shutting down never waits on it.
 */
export function registerCommentEvents(
  app: FastifyInstance,
  deps: { events: CommentEvents; isOpenArticle: (id: number) => Promise<boolean> },
): void {
  const { events } = deps;
  app.addHook('preClose', async () => events.closeAll());

  app.get<{ Params: { articleId: string } }>('/comments/:articleId/events', async (request, reply) => {
    const raw = request.params.articleId;
    const articleId = idPattern.test(raw) ? Number(raw) : null;
    if (articleId === null || !(await deps.isOpenArticle(articleId))) throw notFound('story');
    // Last-Event-ID (sent by a reconnecting browser) is accepted and not replayed: what was
    // missed in the few seconds away shows on the next page load.
    const admission = events.admit(articleId, request.ip, reply.raw);
    if (!admission.ok) {
      throw admission.reason === 'address'
        ? new AppError(
            'rate_limited',
            'Too many pages with live comments are open from your network. Close some, then reload this one.',
            { retryAfterSeconds: 60 },
          )
        : new AppError(
            'service_unavailable',
            'Live comments are busy right now. The comments still work; reload later to see new ones.',
            { retryAfterSeconds: 60 },
          );
    }
    const { stream } = admission;
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      // Proxies such as nginx would otherwise hold events back to fill a buffer.
      'x-accel-buffering': 'no',
    });
    reply.raw.write(`retry: ${events.limits.retryMs}\n: live comments\n\n`);
    request.raw.on('close', () => events.release(stream));
    reply.raw.on('close', () => events.release(stream));
  });
}
