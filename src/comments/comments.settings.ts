import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { type FieldError, invalidFields } from '../errors.js';

/** What the newsroom decides about comments; stored as one row, defaults for anything unset. */
export interface CommentSettings {
  /** Guests may comment with a name and an email; off: verified readers (and staff) only. */
  guestsAllowed: boolean;
  /** Every comment on the site waits for a moderator (articles can also be premoderated one by one). */
  premoderateAll: boolean;
  minLength: number;
  maxLength: number;
  /** Words that reject a comment outright; matched as whole words, case-insensitively. */
  bannedWords: string[];
  /** Words that hold a comment for a moderator. */
  suspectWords: string[];
  /** More links than this holds a comment. */
  maxLinks: number;
  /** One comment per this many seconds, per commenter and per address. */
  rateLimitSeconds: number;
  /** The same text by the same commenter within this many minutes is a repeat post. */
  repeatWindowMinutes: number;
  /** Comments close this many days after first publication; 0 never. */
  autoCloseDays: number;
  /** A commenter's comments wait for a moderator until this many were approved. */
  newCommenterApprovals: number;
  /** A form sent sooner than this after it was shown was not typed by a person. */
  minSubmitSeconds: number;
  /** Similarity (0..1) to a comment marked spam above which a comment is spam. */
  spamSimilarity: number;
  /** An author may edit a comment for this many minutes. */
  editWindowMinutes: number;
  /** Reports from this many readers send an approved comment back to the pending queue. */
  reportThreshold: number;
  /** Moderators get a digest of held comments at most this often (hours); 0 sends none. */
  digestHours: number;
}

export const defaultCommentSettings: CommentSettings = {
  guestsAllowed: true,
  premoderateAll: false,
  minLength: 2,
  maxLength: 5000,
  bannedWords: [],
  suspectWords: [],
  maxLinks: 2,
  rateLimitSeconds: 15,
  repeatWindowMinutes: 60,
  autoCloseDays: 14,
  newCommenterApprovals: 1,
  minSubmitSeconds: 3,
  spamSimilarity: 0.8,
  editWindowMinutes: 5,
  reportThreshold: 3,
  digestHours: 24,
};

const numbers: Partial<Record<keyof CommentSettings, [number, number]>> = {
  minLength: [1, 1000],
  maxLength: [10, 50_000],
  maxLinks: [0, 100],
  rateLimitSeconds: [0, 3600],
  repeatWindowMinutes: [0, 10_080],
  autoCloseDays: [0, 3650],
  newCommenterApprovals: [0, 100],
  minSubmitSeconds: [0, 600],
  spamSimilarity: [0, 1],
  editWindowMinutes: [0, 1440],
  reportThreshold: [1, 1000],
  digestHours: [0, 720],
};

/** Checks a change field by field, as the newsroom's settings form shows it. */
export function checkCommentSettings(patch: Partial<CommentSettings>): FieldError[] {
  const fields: FieldError[] = [];
  for (const [key, value] of Object.entries(patch) as [keyof CommentSettings, unknown][]) {
    if (!(key in defaultCommentSettings)) {
      fields.push({ field: key, message: 'This setting is not known.' });
      continue;
    }
    const range = numbers[key];
    if (range) {
      const integer = key !== 'spamSimilarity';
      if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
        fields.push({ field: key, message: integer ? 'Use a whole number.' : 'Use a number.' });
      } else if (value < range[0] || value > range[1]) {
        fields.push({ field: key, message: `Use a number from ${range[0]} to ${range[1]}.` });
      }
    } else if (key === 'bannedWords' || key === 'suspectWords') {
      if (!Array.isArray(value) || value.length > 5000 || value.some((w) => typeof w !== 'string' || w.length > 100)) {
        fields.push({ field: key, message: 'Use a list of at most 5000 words of up to 100 characters.' });
      }
    } else if (typeof value !== 'boolean') {
      fields.push({ field: key, message: 'Use true or false.' });
    }
  }
  const min = patch.minLength ?? defaultCommentSettings.minLength;
  const max = patch.maxLength ?? defaultCommentSettings.maxLength;
  if (fields.length === 0 && min > max) fields.push({ field: 'minLength', message: 'Use at most the maximum length.' });
  return fields;
}

/**
 * The settings row, read from the database on every use (another instance may have changed
 * it) but cached for a second: a spam wave should not add a query per comment.
 */
export class CommentSettingsStore {
  private cached: { at: number; settings: CommentSettings; salt: string } | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    /** Told of every saved change (after it is stored), to purge pages that show a setting. */
    private readonly onChange?: (before: CommentSettings, after: CommentSettings) => void,
  ) {}

  /**
   * `maxAgeMs`: how old a copy may be. Cached reader pages take a minute-old copy, so that
   * rendering one adds no query (a change made here is seen at once; one made by another
   * instance within that minute).
   */
  async get(maxAgeMs = 1000): Promise<CommentSettings> {
    return (await this.read(false, maxAgeMs)).settings;
  }

  /** Drops the copy: another instance changed the settings (it purged the site's pages). */
  forget(): void {
    this.cached = null;
  }

  /** The secret mixed into address hashes, so a leaked table does not give addresses back. */
  async ipSalt(): Promise<string> {
    return (await this.read()).salt;
  }

  async update(patch: Partial<CommentSettings>): Promise<CommentSettings> {
    const problems = checkCommentSettings(patch);
    if (problems.length > 0) throw invalidFields(problems);
    const current = await this.read(true);
    const next = { ...current.settings, ...patch };
    const clean = (words: string[]) => [...new Set(words.map((w) => w.trim().toLowerCase()).filter(Boolean))];
    next.bannedWords = clean(next.bannedWords);
    next.suspectWords = clean(next.suspectWords);
    await this.db.kysely
      .updateTable('comment_settings')
      .set({ value: JSON.stringify(next), updated_at: this.clock.now().toISOString() })
      .where('id', '=', 1)
      .execute();
    this.cached = null;
    this.onChange?.(current.settings, next);
    return next;
  }

  private async read(fresh = false, maxAgeMs = 1000) {
    const now = Date.now();
    if (!fresh && this.cached && now - this.cached.at < maxAgeMs) return this.cached;
    let row = await this.db.kysely
      .selectFrom('comment_settings')
      .select(['value', 'ip_salt'])
      .where('id', '=', 1)
      .executeTakeFirst();
    if (!row) {
      await this.db.kysely
        .insertInto('comment_settings')
        .values({ id: 1, value: '{}', ip_salt: randomBytes(32).toString('hex'), updated_at: new Date().toISOString() })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      row = await this.db.kysely
        .selectFrom('comment_settings')
        .select(['value', 'ip_salt'])
        .where('id', '=', 1)
        .executeTakeFirstOrThrow();
    }
    const stored = JSON.parse(row.value) as Partial<CommentSettings>;
    const settings = { ...defaultCommentSettings };
    for (const key of Object.keys(defaultCommentSettings) as (keyof CommentSettings)[]) {
      if (stored[key] !== undefined) (settings as Record<string, unknown>)[key] = stored[key];
    }
    this.cached = { at: now, settings, salt: row.ip_salt };
    return this.cached;
  }
}
