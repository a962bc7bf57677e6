import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { AppError, type FieldError, invalidFields } from '../errors.js';
import { isPlausibleAddress, type MailMessage } from '../mail/mail.service.js';
import type { CommentSettingsStore } from './comments.settings.js';

/** The reader session cookie: a random token; the server keeps its SHA-256 and the session's CSRF token. */
export const readerSessionCookie = 'nd_reader_session';

/** A sign-in link works this long, once. */
export const signInLinkMinutes = 30;
/** A reader session lasts this long without use; each use (at most hourly) moves the end forward. */
export const readerSessionDays = 30;
/** Sign-in mails: at most this many per address, and per network address, within the window. */
export const signInLimits = { perAddress: 3, perIp: 10, windowMinutes: 60 } as const;

const touchEveryMs = 60 * 60 * 1000;
const digest = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

export interface ReaderDeps {
  db: Db;
  clock: Clock;
  mail: { send(message: MailMessage, opts?: { trx?: Transaction<Database> }): Promise<number> };
  /** The comment settings: their secret salt hashes network addresses, as comments do. */
  settings: CommentSettingsStore;
  publicUrl: string;
  siteName: () => string;
}

/** A signed-in reader, as a request sees them. */
export interface ReaderSession {
  commenterId: number;
  name: string;
  csrfToken: string;
}

export interface ConfirmedReader extends ReaderSession {
  /** The cookie's value; only its hash is stored. */
  token: string;
  /** Where the reader was going when they asked for the link. */
  returnTo: string | null;
}

/** A path on this site to come back to after signing in; anything else (another site, a scheme) is dropped. */
export function safeReturnPath(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 500) return null;
  return /^\/(?![/\\])[^\s\\]*$/.test(raw) ? raw : null;
}

/**
 * Verified readers: a reader asks for a sign-in link by email; opening it shows a page whose
 * button confirms (a GET changes nothing, so link checkers in mail systems sign nobody in);
 * confirming marks the address verified and opens a server-side session with its own CSRF
 * token. See docs/decisions/004-comments.md, "Verified readers and mail".
 */
export class ReaderAccounts {
  constructor(private readonly deps: ReaderDeps) {}

  private get db() {
    return this.deps.db.kysely;
  }

  private now() {
    return this.deps.clock.now();
  }

  /**
   * Mails a single-use sign-in link. Whether the address is known is never said (the answer
   * is the same), and mails are limited per address and per network address.
   */
  async requestSignIn(input: { email: unknown; name: unknown; returnTo?: unknown; ip: string }): Promise<void> {
    const email = typeof input.email === 'string' ? input.email.trim().toLowerCase() : '';
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    const fields: FieldError[] = [];
    if (!isPlausibleAddress(email))
      fields.push({ field: 'email', message: 'Enter an email address like name@example.com.' });
    if (!name || name.length > 80)
      fields.push({ field: 'name', message: 'Give the name you comment under (up to 80 characters).' });
    if (fields.length > 0) throw invalidFields(fields);
    const now = this.now();
    const ipHash = input.ip ? digest(`${await this.deps.settings.ipSalt()}\n${input.ip}`).slice(0, 32) : null;
    await this.checkLimit(
      { email },
      signInLimits.perAddress,
      now,
      () =>
        'We have already sent several sign-in links to this address. Check your inbox (and spam folder) for the latest one',
    );
    if (ipHash) {
      await this.checkLimit(
        { ipHash },
        signInLimits.perIp,
        now,
        () => 'Too many sign-in links were asked for from your network',
      );
    }
    const token = newToken();
    const link = `${this.deps.publicUrl}/readers/confirm/${token}`;
    const site = this.deps.siteName();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('reader_tokens')
        .values({
          id: digest(token),
          email,
          display_name: name,
          return_to: safeReturnPath(input.returnTo),
          ip_hash: ipHash,
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + signInLinkMinutes * 60_000).toISOString(),
          used_at: null,
        })
        .execute();
      await this.deps.mail.send(
        {
          kind: 'readers.sign_in',
          to: email,
          subject: `Confirm your email to comment on ${site}`,
          text: [
            `Hello ${name},`,
            '',
            `To confirm your email address and sign in to comment on ${site}, open this link`,
            `and press the button on the page (the link works for ${signInLinkMinutes} minutes, once):`,
            '',
            link,
            '',
            'If you did not ask for this, ignore this message: nothing happens without the button.',
          ].join('\n'),
        },
        { trx },
      );
    });
  }

  /** Refuses with 429 and when to try again once `max` links were asked for within the window. */
  private async checkLimit(
    by: { email: string } | { ipHash: string },
    max: number,
    now: Date,
    message: () => string,
  ): Promise<void> {
    const windowMs = signInLimits.windowMinutes * 60_000;
    const since = new Date(now.getTime() - windowMs).toISOString();
    let query = this.db.selectFrom('reader_tokens').select('created_at').where('created_at', '>', since);
    query = 'email' in by ? query.where('email', '=', by.email) : query.where('ip_hash', '=', by.ipHash);
    const recent = await query.orderBy('created_at', 'desc').limit(max).execute();
    if (recent.length < max) return;
    const oldest = recent[recent.length - 1]?.created_at ?? now.toISOString();
    const seconds = Math.max(1, Math.ceil((Date.parse(oldest) + windowMs - now.getTime()) / 1000));
    const minutes = Math.ceil(seconds / 60);
    throw new AppError(
      'rate_limited',
      `${message()}. You can ask for a new link in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      { retryAfterSeconds: seconds },
    );
  }

  /** What the confirm page shows before the button is pressed; changes nothing. */
  async checkLink(token: string): Promise<{ email: string; name: string }> {
    const row = await this.db
      .selectFrom('reader_tokens')
      .selectAll()
      .where('id', '=', digest(String(token)))
      .executeTakeFirst();
    refuseSpent(row, this.now());
    return { email: row.email, name: row.display_name };
  }

  /**
   * The button was pressed: spends the link, marks the reader's address verified and opens a
   * session. A guest who commented with this address before becomes this reader, so their
   * earlier comments (and approvals, and any ban) stay theirs.
   */
  async confirm(token: string): Promise<ConfirmedReader> {
    const now = this.now().toISOString();
    const found = await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('reader_tokens')
        .selectAll()
        .where('id', '=', digest(String(token)))
        .executeTakeFirst();
      refuseSpent(row, this.now());
      const link = row;
      // Two presses at once: only one spends the link.
      const spent = await trx
        .updateTable('reader_tokens')
        .set({ used_at: now })
        .where('id', '=', link.id)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(spent.numUpdatedRows) !== 1) throw new AppError('gone', alreadyUsed);
      const commenterId = await this.verifiedReader(trx, link.email, link.display_name, now);
      return { commenterId, name: link.display_name, returnTo: link.return_to };
    });
    const session = await this.openSession(found.commenterId);
    return { ...found, ...session };
  }

  /** The reader commenter for this address, made or upgraded from the guest, with its address verified. */
  private async verifiedReader(trx: Transaction<Database>, email: string, name: string, at: string): Promise<number> {
    const find = (kind: 'reader' | 'guest') =>
      trx
        .selectFrom('commenters')
        .select('id')
        .where('kind', '=', kind)
        .where('email', '=', email)
        .where('erased_at', 'is', null)
        .executeTakeFirst();
    const verify = { display_name: name, email_verified_at: at };
    const reader = await find('reader');
    if (reader) {
      await trx.updateTable('commenters').set(verify).where('id', '=', reader.id).execute();
      return reader.id;
    }
    const guest = await find('guest');
    if (guest) {
      await trx
        .updateTable('commenters')
        .set({ ...verify, kind: 'reader' })
        .where('id', '=', guest.id)
        .execute();
      return guest.id;
    }
    await trx
      .insertInto('commenters')
      .values({
        kind: 'reader',
        display_name: name,
        email,
        email_verified_at: at,
        staff_id: null,
        suspended_until: null,
        created_at: at,
        erased_at: null,
        reply_mails_off_at: null,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const made = await find('reader');
    if (!made) throw new AppError('internal_error', 'The reader could not be saved.');
    return made.id;
  }

  private async openSession(commenterId: number): Promise<{ token: string; csrfToken: string }> {
    const token = newToken();
    const csrfToken = newToken();
    const now = this.now();
    await this.db
      .insertInto('reader_sessions')
      .values({
        id: digest(token),
        commenter_id: commenterId,
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: this.sessionExpiry(now),
      })
      .execute();
    return { token, csrfToken };
  }

  private sessionExpiry(from: Date): string {
    return new Date(from.getTime() + readerSessionDays * 86_400_000).toISOString();
  }

  /** The reader behind a session cookie, or null for an unknown, expired or erased one. */
  async resolveSession(token: string | undefined): Promise<ReaderSession | null> {
    if (!token || token.length > 100) return null;
    const id = digest(token);
    const row = await this.db
      .selectFrom('reader_sessions as s')
      .innerJoin('commenters as c', 'c.id', 's.commenter_id')
      .select(['s.commenter_id', 's.csrf_token', 's.expires_at', 's.last_seen_at', 'c.display_name', 'c.kind'])
      .select('c.erased_at')
      .where('s.id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    const now = this.now();
    if (Date.parse(row.expires_at) <= now.getTime() || row.erased_at !== null || row.kind !== 'reader') {
      await this.db.deleteFrom('reader_sessions').where('id', '=', id).execute();
      return null;
    }
    if (now.getTime() - Date.parse(row.last_seen_at) > touchEveryMs) {
      await this.db
        .updateTable('reader_sessions')
        .set({ last_seen_at: now.toISOString(), expires_at: this.sessionExpiry(now) })
        .where('id', '=', id)
        .execute();
    }
    return { commenterId: row.commenter_id, name: row.display_name, csrfToken: row.csrf_token };
  }

  async signOut(token: string | undefined): Promise<void> {
    if (!token || token.length > 100) return;
    await this.db.deleteFrom('reader_sessions').where('id', '=', digest(token)).execute();
  }

  /** Removes expired sessions and links older than the rate-limit window; returns how many rows went. */
  async pruneExpired(): Promise<number> {
    const now = this.now();
    const sessions = await this.db
      .deleteFrom('reader_sessions')
      .where('expires_at', '<', now.toISOString())
      .executeTakeFirst();
    const keepSince = new Date(
      now.getTime() - Math.max(signInLinkMinutes, signInLimits.windowMinutes) * 60_000,
    ).toISOString();
    const links = await this.db.deleteFrom('reader_tokens').where('created_at', '<', keepSince).executeTakeFirst();
    return Number(sessions.numDeletedRows) + Number(links.numDeletedRows);
  }
}

const alreadyUsed = 'This sign-in link was already used. Ask for a new one if you are not signed in.';

function refuseSpent<T extends { used_at: string | null; expires_at: string }>(
  row: T | undefined,
  now: Date,
): asserts row is T {
  if (!row) throw new AppError('gone', 'This sign-in link is not valid or has expired. Ask for a new one.');
  if (row.used_at) throw new AppError('gone', alreadyUsed);
  if (Date.parse(row.expires_at) <= now.getTime()) {
    throw new AppError(
      'gone',
      `This sign-in link has expired: links work for ${signInLinkMinutes} minutes. Ask for a new one.`,
    );
  }
}

/** The session's CSRF token, compared in constant time. */
export function csrfMatches(session: ReaderSession, given: unknown): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  const expected = Buffer.from(session.csrfToken);
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
