import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { invalidFields, notFound } from '../errors.js';

/** A key as the newsroom lists it; the secret itself is never stored. */
export interface ContentKey {
  id: number;
  name: string;
  /** The secret's last characters, to tell keys apart. */
  hint: string;
  createdAt: string;
  createdBy: { id: number; name: string } | null;
  lastUsedAt: string | null;
}

/** Only a key's creation answers its secret, once. */
export interface CreatedContentKey extends ContentKey {
  secret: string;
}

export const contentKeyLimits = { name: 120 } as const;

const secretPattern = /^ndc_[A-Za-z0-9_-]{32}$/;
const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** How often one instance records a key's last use: often enough to read, rarely enough not to be a write per request. */
const touchEveryMs = 60_000;

/**
 * Content API keys: read-only and meant to sit in a browser or an app, like Ghost's content
 * keys. Stored as SHA-256 of the secret (the secret has 192 random bits, so a plain hash
 * is enough); revoking deletes the row, and the next request with it is refused.
 */
export class ContentKeys {
  private readonly touched = new Map<number, number>();

  constructor(private readonly deps: { db: Db; clock: Clock }) {}

  private get db() {
    return this.deps.db.kysely;
  }

  async list(): Promise<ContentKey[]> {
    const rows = await this.db
      .selectFrom('content_keys')
      .leftJoin('staff', 'staff.id', 'content_keys.created_by')
      .select([
        'content_keys.id',
        'content_keys.name',
        'content_keys.hint',
        'content_keys.created_at',
        'content_keys.last_used_at',
        'staff.id as staff_id',
        'staff.name as staff_name',
      ])
      .orderBy('content_keys.id', 'desc')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      hint: r.hint,
      createdAt: r.created_at,
      createdBy: r.staff_id !== null && r.staff_name !== null ? { id: r.staff_id, name: r.staff_name } : null,
      lastUsedAt: r.last_used_at,
    }));
  }

  async create(input: { name: string }, actor: { id: number; name: string } | null): Promise<CreatedContentKey> {
    const name = input.name.trim();
    if (!name) throw invalidFields([{ field: 'name', message: 'Name the key after who will use it.' }]);
    if (name.length > contentKeyLimits.name) {
      throw invalidFields([{ field: 'name', message: `Keep the name under ${contentKeyLimits.name} characters.` }]);
    }
    const secret = `ndc_${randomBytes(24).toString('base64url')}`;
    const now = this.deps.clock.now().toISOString();
    const row = await this.db
      .insertInto('content_keys')
      .values({
        name,
        secret_hash: hashOf(secret),
        hint: secret.slice(-4),
        created_by: actor?.id ?? null,
        created_at: now,
        last_used_at: null,
      })
      .returning(['id', 'name', 'hint', 'created_at', 'last_used_at'])
      .executeTakeFirstOrThrow();
    return {
      id: row.id,
      name: row.name,
      hint: row.hint,
      createdAt: row.created_at,
      createdBy: actor ? { id: actor.id, name: actor.name } : null,
      lastUsedAt: row.last_used_at,
      secret,
    };
  }

  async revoke(id: number): Promise<void> {
    const deleted = await this.db.deleteFrom('content_keys').where('id', '=', id).executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) throw notFound('key');
    this.touched.delete(id);
  }

  /** The key a secret belongs to, or null; notes its use (at most once a minute per instance). */
  async verify(secret: string): Promise<{ id: number; name: string } | null> {
    if (!secretPattern.test(secret)) return null;
    const key = await this.db
      .selectFrom('content_keys')
      .select(['id', 'name'])
      .where('secret_hash', '=', hashOf(secret))
      .executeTakeFirst();
    if (!key) return null;
    const now = this.deps.clock.now();
    const last = this.touched.get(key.id);
    if (last === undefined || now.getTime() - last >= touchEveryMs) {
      this.touched.set(key.id, now.getTime());
      // Bookkeeping only: a busy database must not turn a reader's request into an error.
      await this.db
        .updateTable('content_keys')
        .set({ last_used_at: now.toISOString() })
        .where('id', '=', key.id)
        .execute()
        .catch(() => this.touched.delete(key.id));
    }
    return key;
  }
}
