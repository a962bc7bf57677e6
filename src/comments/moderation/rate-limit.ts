import { carryOn, type ModerationContext, type PhaseResult } from './types.js';

/**
 * One comment per window per commenter and per address (hashed), read from the comments
 * table so every instance sees the same limit. Edits are not new comments.
 */
export async function rateLimitPhase(ctx: ModerationContext): Promise<PhaseResult> {
  const seconds = ctx.settings.rateLimitSeconds;
  if (seconds <= 0 || ctx.action === 'edit') return carryOn;
  const since = new Date(ctx.now.getTime() - seconds * 1000);
  if (await ctx.lookups.lastCommentAt({ commenterId: ctx.commenter.id }, since)) {
    return { decision: 'reject', reason: 'rate_limited', detail: `commenter, ${seconds} s` };
  }
  if (ctx.ipHash && (await ctx.lookups.lastCommentAt({ ipHash: ctx.ipHash }, since))) {
    return { decision: 'reject', reason: 'rate_limited', detail: `address, ${seconds} s` };
  }
  return carryOn;
}
