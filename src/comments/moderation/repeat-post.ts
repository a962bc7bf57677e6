import { carryOn, type ModerationContext, type PhaseResult } from './types.js';

/** The same words, ignoring case, spacing and punctuation. */
export const sameText = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * The same text the same commenter already posted recently (anywhere): pasted across
 * stories, or sent again. A resubmitted form never gets here; the service returns the
 * first copy before the pipeline runs.
 */
export async function repeatPostPhase(ctx: ModerationContext): Promise<PhaseResult> {
  const minutes = ctx.settings.repeatWindowMinutes;
  if (minutes <= 0 || ctx.action === 'edit') return carryOn;
  const mine = sameText(ctx.body);
  if (!mine) return carryOn;
  const since = new Date(ctx.now.getTime() - minutes * 60_000);
  const bodies = await ctx.lookups.recentBodies(ctx.commenter.id, since);
  return bodies.some((b) => sameText(b) === mine) ? { decision: 'reject', reason: 'repeat_post' } : carryOn;
}
