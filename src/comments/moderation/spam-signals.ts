import { sameText } from './repeat-post.js';
import { carryOn, isStaff, type ModerationContext, type PhaseResult } from './types.js';

/** Jaccard similarity of the two texts' word pairs (single words for very short texts), 0..1. */
export function similarity(a: string, b: string): number {
  const shingles = (text: string) => {
    const words = sameText(text).split(' ').filter(Boolean);
    if (words.length < 4) return new Set(words);
    const pairs = new Set<string>();
    for (let i = 0; i + 1 < words.length; i++) pairs.add(`${words[i]} ${words[i + 1]}`);
    return pairs;
  };
  const x = shingles(a);
  const y = shingles(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const s of x) if (y.has(s)) shared++;
  return shared / (x.size + y.size - shared);
}

/** An external checker gets this long before the comment goes on without it. */
export const externalCheckTimeoutMs = 2000;

/**
 * Signals that a machine sent it: the hidden honeypot field filled, the form sent faster
 * than a person types, text close to comments already marked spam, or an external checker
 * saying so. The external checker fails open: an error or a timeout is logged and ignored.
 */
export async function spamSignalsPhase(ctx: ModerationContext): Promise<PhaseResult> {
  if (isStaff(ctx)) return carryOn;
  if (ctx.action === 'create') {
    if (ctx.honeypot && ctx.honeypot.trim() !== '') return { decision: 'spam', reason: 'honeypot' };
    if (ctx.renderedAt) {
      const seconds = (ctx.now.getTime() - ctx.renderedAt.getTime()) / 1000;
      if (seconds < ctx.settings.minSubmitSeconds) {
        return { decision: 'spam', reason: 'too_fast', detail: `${Math.max(0, seconds).toFixed(1)} s` };
      }
    }
  }
  const threshold = ctx.settings.spamSimilarity;
  if (threshold > 0) {
    for (const known of await ctx.lookups.recentSpamBodies()) {
      const score = similarity(ctx.body, known);
      if (score >= threshold) return { decision: 'spam', reason: 'similar_to_spam', detail: score.toFixed(2) };
    }
  }
  const checker = ctx.spamChecker;
  if (checker) {
    let timer: NodeJS.Timeout | undefined;
    try {
      const verdict = await Promise.race([
        checker.check({
          body: ctx.body,
          name: ctx.commenter.displayName,
          email: ctx.commenter.email,
          ipHash: ctx.ipHash,
          ip: ctx.ip ?? null,
        }),
        new Promise<never>((_, fail) => {
          timer = setTimeout(
            () => fail(new Error(`no answer within ${externalCheckTimeoutMs} ms`)),
            externalCheckTimeoutMs,
          );
        }),
      ]);
      if (verdict === 'spam') return { decision: 'spam', reason: 'external_spam', detail: checker.name };
    } catch (err) {
      ctx.log?.warn({ err, checker: checker.name }, 'spam checker failed; the comment goes on without it');
    } finally {
      clearTimeout(timer);
    }
  }
  return carryOn;
}
