import type pg from 'pg';
import { PgChannel } from '../db/pg-channel.js';
import type { PageCache } from './page-cache.js';

type Keys = string[] | '*';

/**
 * Purges reach every instance. On PostgreSQL a purge is broadcast with NOTIFY and each
 * instance LISTENs; on SQLite there is one process and the purge stays local.
 */
export class PurgeBus {
  private readonly channel: PgChannel<Keys> | null;
  /** Other in-memory copies (the breaking-news bar) that follow the same purges. */
  private readonly followers: ((keys: string[] | '*') => void)[] = [];
  /** Those that need to hear only of other instances' purges (they already know their own). */
  private readonly remoteFollowers: ((keys: string[] | '*') => void)[] = [];
  /** Those that act once per write, on the instance that made it (WebSub pings). */
  private readonly localFollowers: ((keys: string[] | '*') => void)[] = [];

  constructor(
    private readonly cache: PageCache | null,
    pool?: pg.Pool,
  ) {
    this.channel = pool
      ? new PgChannel<Keys>(pool, 'newsdesk_purge', {
          message: (keys) => this.heard(keys),
          // Purges may have been missed while the connection was down: forget every page.
          relistened: () => this.cache?.purgeAll(),
        })
      : null;
  }

  async start(): Promise<void> {
    await this.channel?.start();
  }

  /** Another instance's purge. */
  private heard(keys: Keys): void {
    if (keys === '*') this.cache?.purgeAll();
    else if (Array.isArray(keys)) this.cache?.purge(keys);
    else return;
    for (const follow of this.followers) follow(keys);
    for (const follow of this.remoteFollowers) follow(keys);
  }

  follow(listener: (keys: string[] | '*') => void): void {
    this.followers.push(listener);
  }

  /** Called for purges made by other instances only: a settings or sections change made elsewhere. */
  followRemote(listener: (keys: string[] | '*') => void): void {
    this.remoteFollowers.push(listener);
  }

  /** Called for this instance's own purges only, after its local cache has dropped them. */
  followLocal(listener: (keys: string[] | '*') => void): void {
    this.localFollowers.push(listener);
  }

  purge(keys: string[]): void {
    this.cache?.purge(keys);
    for (const follow of this.followers) follow(keys);
    for (const follow of this.localFollowers) follow(keys);
    this.broadcast(keys);
  }

  purgeAll(): void {
    this.cache?.purgeAll();
    for (const follow of this.followers) follow('*');
    for (const follow of this.localFollowers) follow('*');
    this.broadcast('*');
  }

  private broadcast(keys: Keys): void {
    if (keys.length === 0) return;
    // NOTIFY payloads are limited to 8000 bytes; a longer list becomes a full purge.
    this.channel?.send(keys, '*');
  }

  async stop(): Promise<void> {
    await this.channel?.stop();
  }
}
