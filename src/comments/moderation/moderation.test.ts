import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultCommentSettings } from '../comments.settings.js';
import { closedArticlePhase } from './closed-article.js';
import { commenterStatusPhase } from './commenter-status.js';
import { lengthPhase } from './length.js';
import { linkCountPhase } from './link-count.js';
import { newCommenterPhase } from './new-commenter.js';
import { moderate, phases } from './pipeline.js';
import { premoderationPhase } from './premoderation.js';
import { rateLimitPhase } from './rate-limit.js';
import { repeatPostPhase } from './repeat-post.js';
import { similarity, spamSignalsPhase } from './spam-signals.js';
import type { ModerationContext, ModerationLookups } from './types.js';
import { findListedWord, wordsPhase } from './words.js';

const now = new Date('2026-11-28T12:00:00.000Z');
const noLookups: ModerationLookups = {
  lastCommentAt: async () => null,
  recentBodies: async () => [],
  recentSpamBodies: async () => [],
};

/** A context in which every phase lets the comment through; each test changes one thing. */
function ctx(over: Partial<ModerationContext> = {}): ModerationContext {
  return {
    body: 'A thoughtful comment about the council budget.',
    action: 'create',
    now,
    article: { commentsMode: 'open', firstPublishedAt: '2026-11-27T08:00:00.000Z' },
    commenter: {
      id: 7,
      kind: 'guest',
      displayName: 'Ada',
      email: 'ada@example.com',
      status: 'active',
      suspendedUntil: null,
      alwaysPremoderate: false,
      approvedCount: 3,
    },
    ipHash: 'abc',
    settings: { ...defaultCommentSettings },
    lookups: noLookups,
    ...over,
  };
}
const withSettings = (s: Partial<ModerationContext['settings']>) =>
  ctx({ settings: { ...defaultCommentSettings, ...s } });
const commenter = (c: Partial<ModerationContext['commenter']>) => ({ ...ctx().commenter, ...c });

describe('length', () => {
  test('too short, too long, fine', () => {
    assert.deepEqual(lengthPhase(ctx({ body: ' a ' })), { decision: 'reject', reason: 'too_short', detail: '1' });
    assert.equal(lengthPhase(withSettings({ maxLength: 10 })).reason, 'too_long');
    assert.equal(lengthPhase(ctx()).decision, 'continue');
  });
});

describe('closed article', () => {
  test('closed by the desk', () => {
    const r = closedArticlePhase(ctx({ article: { commentsMode: 'closed', firstPublishedAt: null } }));
    assert.deepEqual(r, { decision: 'reject', reason: 'article_closed' });
  });
  test('closes on its own after N days, never when N is 0', () => {
    const old = { commentsMode: 'open' as const, firstPublishedAt: '2026-11-10T08:00:00.000Z' };
    assert.equal(closedArticlePhase(ctx({ article: old })).reason, 'article_auto_closed');
    assert.equal(
      closedArticlePhase({ ...ctx({ article: old }), settings: { ...defaultCommentSettings, autoCloseDays: 0 } })
        .decision,
      'continue',
    );
    assert.equal(closedArticlePhase(ctx()).decision, 'continue');
  });
});

describe('banned or suspended commenter', () => {
  test('banned rejects; a suspension rejects until it lapses', () => {
    assert.equal(commenterStatusPhase(ctx({ commenter: commenter({ status: 'banned' }) })).reason, 'commenter_banned');
    const suspended = commenter({ status: 'suspended', suspendedUntil: '2026-11-29T00:00:00.000Z' });
    assert.equal(commenterStatusPhase(ctx({ commenter: suspended })).reason, 'commenter_suspended');
    const lapsed = commenter({ status: 'suspended', suspendedUntil: '2026-11-28T11:00:00.000Z' });
    assert.equal(commenterStatusPhase(ctx({ commenter: lapsed })).decision, 'continue');
  });
});

describe('rate limit', () => {
  test('per commenter and per address, asking from the window start', async () => {
    const asked: unknown[] = [];
    const lookups = (hit: 'commenter' | 'ip' | null): ModerationLookups => ({
      ...noLookups,
      lastCommentAt: async (by, since) => {
        asked.push(since.toISOString());
        return ('commenterId' in by ? hit === 'commenter' : hit === 'ip') ? now.toISOString() : null;
      },
    });
    assert.equal((await rateLimitPhase(ctx({ lookups: lookups('commenter') }))).detail, 'commenter, 15 s');
    assert.equal((await rateLimitPhase(ctx({ lookups: lookups('ip') }))).detail, 'address, 15 s');
    assert.equal((await rateLimitPhase(ctx({ lookups: lookups(null) }))).decision, 'continue');
    assert.equal(asked[0], '2026-11-28T11:59:45.000Z');
    assert.equal((await rateLimitPhase(ctx({ action: 'edit', lookups: lookups('commenter') }))).decision, 'continue');
  });
});

describe('repeat post', () => {
  test('the same words, whatever the case and punctuation', async () => {
    const lookups = { ...noLookups, recentBodies: async () => ['Something else', 'BUY now!!  cheap pills'] };
    assert.equal((await repeatPostPhase(ctx({ body: 'buy now, cheap pills', lookups }))).reason, 'repeat_post');
    assert.equal((await repeatPostPhase(ctx({ body: 'a new thought', lookups }))).decision, 'continue');
  });
});

describe('banned and suspect words', () => {
  test('whole words, case-insensitive, with * wildcards', () => {
    assert.equal(findListedWord('You IDIOT.', ['idiot']), 'idiot');
    assert.equal(findListedWord('idiotic', ['idiot']), null);
    assert.equal(findListedWord('idiotic', ['idiot*']), 'idiot*');
    assert.equal(findListedWord('a.b', ['a.b']), 'a.b');
    assert.equal(findListedWord('axb', ['a.b']), null);
  });
  test('banned rejects, suspect holds, banned wins', () => {
    const s = { bannedWords: ['scum'], suspectWords: ['idiot'] };
    assert.deepEqual(wordsPhase({ ...withSettings(s), body: 'you scum idiot' }), {
      decision: 'reject',
      reason: 'banned_word',
      detail: 'scum',
    });
    assert.deepEqual(wordsPhase({ ...withSettings(s), body: 'you idiot' }), {
      decision: 'pending',
      reason: 'suspect_word',
      detail: 'idiot',
    });
    const staff = { ...withSettings(s), body: 'scum', commenter: commenter({ kind: 'staff' }) };
    assert.equal(wordsPhase(staff).decision, 'continue');
  });
});

describe('link count', () => {
  test('holds above the limit', () => {
    const three = 'see https://a.example and http://b.example and www.c.example';
    assert.deepEqual(linkCountPhase(ctx({ body: three })), {
      decision: 'pending',
      reason: 'too_many_links',
      detail: '3',
    });
    assert.equal(linkCountPhase(ctx({ body: 'one https://a.example two https://b.example' })).decision, 'continue');
  });
});

describe('spam signals', () => {
  test('honeypot and timing', async () => {
    assert.equal((await spamSignalsPhase(ctx({ honeypot: 'http://spam' }))).reason, 'honeypot');
    const fast = await spamSignalsPhase(ctx({ renderedAt: new Date(now.getTime() - 1000) }));
    assert.deepEqual(fast, { decision: 'spam', reason: 'too_fast', detail: '1.0 s' });
    assert.equal((await spamSignalsPhase(ctx({ renderedAt: new Date(now.getTime() - 60_000) }))).decision, 'continue');
  });
  test('close to comments already marked spam', async () => {
    const known = 'Earn 5000 dollars a week working from home, click my profile to learn how today';
    assert.ok(similarity(known, known.toUpperCase()) === 1);
    const lookups = { ...noLookups, recentSpamBodies: async () => [known] };
    const near = 'Earn 5000 dollars a week working from home, click my profile to learn how today!!';
    assert.equal((await spamSignalsPhase(ctx({ body: near, lookups }))).reason, 'similar_to_spam');
    assert.equal((await spamSignalsPhase(ctx({ lookups }))).decision, 'continue');
  });
  test('an external checker decides, and fails open with a log line', async () => {
    const spam = { name: 'fake', check: async () => 'spam' as const };
    assert.deepEqual(await spamSignalsPhase(ctx({ spamChecker: spam })), {
      decision: 'spam',
      reason: 'external_spam',
      detail: 'fake',
    });
    const logged: string[] = [];
    const broken = {
      name: 'broken',
      check: async (): Promise<'spam'> => {
        throw new Error('down');
      },
    };
    const r = await spamSignalsPhase(ctx({ spamChecker: broken, log: { warn: (_o, msg) => logged.push(msg) } }));
    assert.equal(r.decision, 'continue');
    assert.equal(logged.length, 1);
  });
});

describe('new commenters and premoderation', () => {
  test('held until N approved, or always when marked', () => {
    assert.equal(newCommenterPhase(ctx({ commenter: commenter({ approvedCount: 0 }) })).reason, 'new_commenter');
    assert.equal(newCommenterPhase(ctx()).decision, 'continue');
    assert.equal(
      newCommenterPhase(ctx({ commenter: commenter({ alwaysPremoderate: true }) })).reason,
      'always_premoderate',
    );
    assert.equal(
      newCommenterPhase(ctx({ commenter: commenter({ approvedCount: 0, kind: 'staff' }) })).decision,
      'continue',
    );
  });
  test('article and site premoderation', () => {
    const article = { commentsMode: 'premoderated' as const, firstPublishedAt: null };
    assert.equal(premoderationPhase(ctx({ article })).reason, 'premoderated_article');
    assert.equal(premoderationPhase(withSettings({ premoderateAll: true })).reason, 'premoderated_site');
    assert.equal(premoderationPhase(ctx()).decision, 'continue');
  });
});

describe('the runner', () => {
  test('the phases run in the documented order', () => {
    assert.deepEqual(
      phases.map((p) => p.name),
      [
        'length',
        'closed_article',
        'commenter_status',
        'rate_limit',
        'repeat_post',
        'words',
        'link_count',
        'spam_signals',
        'new_commenter',
        'premoderation',
      ],
    );
  });
  test('approves what nobody stopped', async () => {
    assert.deepEqual(await moderate(ctx()), { decision: 'approve', reason: 'passed', phase: null });
  });
  test('stops at the first decision: a closed article beats a banned commenter and banned words', async () => {
    const c = ctx({
      body: 'scum',
      article: { commentsMode: 'closed', firstPublishedAt: null },
      commenter: commenter({ status: 'banned', approvedCount: 0 }),
      settings: { ...defaultCommentSettings, bannedWords: ['scum'] },
    });
    assert.equal((await moderate(c)).reason, 'article_closed');
    const later: string[] = [];
    const spy = (name: string) => ({
      name,
      run: () => {
        later.push(name);
        return { decision: name === 'b' ? ('pending' as const) : ('continue' as const), reason: name };
      },
    });
    const r = await moderate(ctx(), [spy('a'), spy('b'), spy('c')]);
    assert.deepEqual(later, ['a', 'b']);
    assert.deepEqual(r, { decision: 'pending', reason: 'b', phase: 'b' });
  });
  test('a held comment is held for the earliest reason: suspect words before links before newness', async () => {
    const c = ctx({
      body: 'idiot https://a.example https://b.example https://c.example',
      commenter: commenter({ approvedCount: 0 }),
      settings: { ...defaultCommentSettings, suspectWords: ['idiot'] },
    });
    assert.equal((await moderate(c)).reason, 'suspect_word');
    assert.equal((await moderate({ ...c, body: c.body.replace('idiot ', '') })).reason, 'too_many_links');
    assert.equal((await moderate({ ...c, body: 'plain words' })).reason, 'new_commenter');
  });
});
