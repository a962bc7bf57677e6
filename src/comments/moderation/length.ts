import { carryOn, type ModerationContext, type PhaseResult } from './types.js';

/** Too short to say anything, or longer than the newsroom accepts. */
export function lengthPhase(ctx: ModerationContext): PhaseResult {
  const length = [...ctx.body.trim()].length;
  if (length < ctx.settings.minLength) return { decision: 'reject', reason: 'too_short', detail: String(length) };
  if (length > ctx.settings.maxLength) return { decision: 'reject', reason: 'too_long', detail: String(length) };
  return carryOn;
}
