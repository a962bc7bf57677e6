import { carryOn, type ModerationContext, type PhaseResult } from './types.js';

/** Banned, or suspended until a time still to come (a lapsed suspension no longer counts). */
export function commenterStatusPhase(ctx: ModerationContext): PhaseResult {
  const { status, suspendedUntil } = ctx.commenter;
  if (status === 'banned') return { decision: 'reject', reason: 'commenter_banned' };
  if (status === 'suspended' && (!suspendedUntil || Date.parse(suspendedUntil) > ctx.now.getTime())) {
    return { decision: 'reject', reason: 'commenter_suspended', ...(suspendedUntil ? { detail: suspendedUntil } : {}) };
  }
  return carryOn;
}
