import { carryOn, isStaff, type ModerationContext, type PhaseResult } from './types.js';

/** A commenter waits for a moderator until N of their comments were approved, or always if so marked. */
export function newCommenterPhase(ctx: ModerationContext): PhaseResult {
  if (isStaff(ctx)) return carryOn;
  if (ctx.commenter.alwaysPremoderate) return { decision: 'pending', reason: 'always_premoderate' };
  if (ctx.commenter.approvedCount < ctx.settings.newCommenterApprovals) {
    return { decision: 'pending', reason: 'new_commenter' };
  }
  return carryOn;
}
