import { carryOn, isStaff, type ModerationContext, type PhaseResult } from './types.js';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The first listed word or phrase the text contains as a whole word, ignoring case; "*" matches within a word. */
export function findListedWord(text: string, words: readonly string[]): string | null {
  const lower = text.toLowerCase();
  for (const word of words) {
    const w = word.trim().toLowerCase();
    if (!w) continue;
    const pattern = escapeRegExp(w).replace(/\\\*/g, '[\\p{L}\\p{N}]*');
    if (new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'u').test(lower)) return w;
  }
  return null;
}

/** Banned words reject; suspect words hold the comment for a moderator. */
export function wordsPhase(ctx: ModerationContext): PhaseResult {
  if (isStaff(ctx)) return carryOn;
  const banned = findListedWord(ctx.body, ctx.settings.bannedWords);
  if (banned) return { decision: 'reject', reason: 'banned_word', detail: banned };
  const suspect = findListedWord(ctx.body, ctx.settings.suspectWords);
  if (suspect) return { decision: 'pending', reason: 'suspect_word', detail: suspect };
  return carryOn;
}
