import { closedArticlePhase } from './closed-article.js';
import { commenterStatusPhase } from './commenter-status.js';
import { lengthPhase } from './length.js';
import { linkCountPhase } from './link-count.js';
import { newCommenterPhase } from './new-commenter.js';
import { premoderationPhase } from './premoderation.js';
import { rateLimitPhase } from './rate-limit.js';
import { repeatPostPhase } from './repeat-post.js';
import { spamSignalsPhase } from './spam-signals.js';
import type { ModerationContext, Phase, PhaseResult } from './types.js';
import { wordsPhase } from './words.js';

/** The phases in the order they run; the first that decides ends the run (Coral's model). */
export const phases: readonly { name: string; run: Phase }[] = [
  { name: 'length', run: lengthPhase },
  { name: 'closed_article', run: closedArticlePhase },
  { name: 'commenter_status', run: commenterStatusPhase },
  { name: 'rate_limit', run: rateLimitPhase },
  { name: 'repeat_post', run: repeatPostPhase },
  { name: 'words', run: wordsPhase },
  { name: 'link_count', run: linkCountPhase },
  { name: 'spam_signals', run: spamSignalsPhase },
  { name: 'new_commenter', run: newCommenterPhase },
  { name: 'premoderation', run: premoderationPhase },
];

export type Verdict = Exclude<PhaseResult['decision'], 'continue'>;

export interface ModerationOutcome {
  decision: Verdict;
  reason: string;
  detail?: string;
  /** The phase that decided; null when every phase let it through (approved by default). */
  phase: string | null;
}

/** Runs the phases in order and stops at the first decision; a comment nobody stopped is approved. */
export async function moderate(
  ctx: ModerationContext,
  pipeline: readonly { name: string; run: Phase }[] = phases,
): Promise<ModerationOutcome> {
  for (const phase of pipeline) {
    const result = await phase.run(ctx);
    if (result.decision !== 'continue') {
      return {
        decision: result.decision,
        reason: result.reason,
        ...(result.detail !== undefined ? { detail: result.detail } : {}),
        phase: phase.name,
      };
    }
  }
  return { decision: 'approve', reason: 'passed', phase: null };
}

/** How a decision is stored on the comment: the code, and what exactly tripped it. */
export const reasonText = (o: { reason: string; detail?: string | undefined }) =>
  o.detail ? `${o.reason}: ${o.detail}` : o.reason;
