import { carryOn, isStaff, type ModerationContext, type PhaseResult } from './types.js';

/** The site, or this article, has every comment read before it appears. */
export function premoderationPhase(ctx: ModerationContext): PhaseResult {
  if (isStaff(ctx)) return carryOn;
  if (ctx.article.commentsMode === 'premoderated') return { decision: 'pending', reason: 'premoderated_article' };
  if (ctx.settings.premoderateAll) return { decision: 'pending', reason: 'premoderated_site' };
  return carryOn;
}
