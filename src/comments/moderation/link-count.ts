import { countLinks } from '../comments.markdown.js';
import { carryOn, isStaff, type ModerationContext, type PhaseResult } from './types.js';

/** More links than the setting allows: a moderator looks first (link spam's usual shape). */
export function linkCountPhase(ctx: ModerationContext): PhaseResult {
  if (isStaff(ctx)) return carryOn;
  const links = countLinks(ctx.body);
  return links > ctx.settings.maxLinks
    ? { decision: 'pending', reason: 'too_many_links', detail: String(links) }
    : carryOn;
}
