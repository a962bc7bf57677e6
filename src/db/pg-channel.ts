import { randomUUID } from 'node:crypto';
import type pg from 'pg';

const minRetryMs = 250;
const maxRetryMs = 30_000;

/**
 * One PostgreSQL NOTIFY channel shared by every instance: `send` broadcasts a JSON message,
 * and each instance hears the others' (never its own) through a LISTEN connection that is
 * opened again, with a growing delay, whenever it drops. Broadcasts are best effort: a lost
 * one must never fail the write that sent it.
 */
export class PgChannel<T> {
  private readonly instance = randomUUID();
  private listener: pg.PoolClient | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  private retryMs = minRetryMs;

  constructor(
    private readonly pool: pg.Pool,
    private readonly channel: string,
    private readonly handlers: {
      /** A message from another instance. */
      message: (message: T) => void;
      /** Listening again after the connection dropped: messages may have been missed meanwhile. */
      relistened?: () => void;
    },
  ) {}

  start(): Promise<void> {
    return this.listen();
  }

  /** Broadcasts to the other instances; `fallback` stands in when the message is over NOTIFY's 8000 bytes. */
  send(message: T, fallback?: T): void {
    let payload = JSON.stringify({ from: this.instance, message });
    if (payload.length > 7900) {
      if (fallback === undefined) return;
      payload = JSON.stringify({ from: this.instance, message: fallback });
    }
    this.pool.query('select pg_notify($1, $2)', [this.channel, payload]).catch(() => {});
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.listener;
    this.listener = null;
    if (!client) return;
    try {
      await client.query(`UNLISTEN ${this.channel}`);
      client.release();
    } catch (err) {
      client.release(err instanceof Error ? err : true);
    }
  }

  private async listen(): Promise<void> {
    const client = await this.pool.connect();
    client.on('notification', (note) => {
      if (note.channel !== this.channel || !note.payload) return;
      let parsed: { from: string; message: T };
      try {
        parsed = JSON.parse(note.payload) as { from: string; message: T };
      } catch {
        return; // A malformed payload is not ours to act on.
      }
      if (parsed.from !== this.instance) this.handlers.message(parsed.message);
    });
    // A checked-out client has no error handler of the pool's: without this one, a server
    // restart or a dropped connection would throw and end the process.
    client.on('error', () => this.lost(client));
    try {
      await client.query(`LISTEN ${this.channel}`);
    } catch (err) {
      client.release(true);
      throw err;
    }
    this.listener = client;
  }

  private lost(client: pg.PoolClient): void {
    if (this.listener !== client) return;
    this.listener = null;
    client.release(true);
    this.relisten();
  }

  private relisten(): void {
    if (this.stopped) return;
    this.retry = setTimeout(() => {
      this.listen()
        .then(() => {
          this.retryMs = minRetryMs;
          if (this.stopped) return this.stop();
          this.handlers.relistened?.();
        })
        .catch(() => {
          this.retryMs = Math.min(this.retryMs * 2, maxRetryMs);
          this.relisten();
        });
    }, this.retryMs);
    this.retry.unref();
  }
}
