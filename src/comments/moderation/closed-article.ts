import { carryOn, type ModerationContext, type PhaseResult } from './types.js';

/** Closed by the desk, or closed on its own N days after first publication. */
export function closedArticlePhase(ctx: ModerationContext): PhaseResult {
  if (ctx.article.commentsMode === 'closed') return { decision: 'reject', reason: 'article_closed' };
  const days = ctx.settings.autoCloseDays;
  const published = ctx.article.firstPublishedAt;
  if (days > 0 && published && ctx.now.getTime() - Date.parse(published) > days * 86_400_000) {
    return { decision: 'reject', reason: 'article_auto_closed', detail: `${days} days` };
  }
  return carryOn;
}
