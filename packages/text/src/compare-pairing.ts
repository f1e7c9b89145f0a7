/**
 * Pairing the blocks of a changed stretch: which removed block became which added one. Pairs keep
 * document order (a block is never paired with one before an earlier pair), and a pair needs
 * words in common; the rest are whole-block removals and additions.
 */
import { plainText, type TextBlock } from './blocks.ts';
import { inlineMarkdown } from './canonical.ts';

/** Consecutive blocks that are only in the older version, and those only in the newer one. */
export interface Hunk {
  removed: TextBlock[];
  added: TextBlock[];
}

/** Two blocks are paired when at least this share of their words is common (Dice coefficient). */
const pairingThreshold = 0.5;

/**
 * What aligns two blocks as unchanged: kind, level and the text with its marks. A numbered
 * item's number is left out, so inserting an item does not make every later item differ.
 */
export function blockKey(block: TextBlock): string {
  return `${block.kind}|${block.level}|${inlineMarkdown({ pieces: block.pieces, continuation: 0 })}`;
}

/** The hunk as steps in document order: a removed block, an added one, or a pair. */
export function pairBlocks(hunk: Hunk): { older: TextBlock | null; newer: TextBlock | null }[] {
  const words = new Map<TextBlock, Map<string, number>>();
  const wordsOf = (block: TextBlock) => words.get(block) ?? words.set(block, tokens(plainText(block.pieces))).get(block)!;
  return pairInOrder({ removed: hunk.removed, added: hunk.added, score: (a, b) => dice(wordsOf(a), wordsOf(b)) });
}

/**
 * Pairs removed with added items in document order: each removed item takes the most alike
 * added item after the previous pair, if it scores at least `threshold`; added items skipped on
 * the way are additions. Shared by the comparison and by restoring a version.
 */
export function pairInOrder<T>(input: { removed: readonly T[]; added: readonly T[]; score: (older: T, newer: T) => number; threshold?: number }): { older: T | null; newer: T | null }[] {
  const { removed, added, score } = input;
  const threshold = input.threshold ?? pairingThreshold;
  const steps: { older: T | null; newer: T | null }[] = [];
  let next = 0;
  for (const older of removed) {
    let best = -1;
    let bestScore = threshold;
    for (let k = next; k < added.length; k++) {
      const value = score(older, added[k] as T);
      if (value > bestScore || (best < 0 && value >= bestScore)) [best, bestScore] = [k, value];
    }
    if (best < 0) {
      steps.push({ older, newer: null });
      continue;
    }
    for (; next < best; next++) steps.push({ older: null, newer: added[next] as T });
    steps.push({ older, newer: added[best] as T });
    next = best + 1;
  }
  for (; next < added.length; next++) steps.push({ older: null, newer: added[next] as T });
  return steps;
}

/** How alike two texts' words are, from 0 (nothing shared) to 1 (the same words). */
export function similarity(a: string, b: string): number {
  return dice(tokens(a), tokens(b));
}

/** Words of Latin and other spaced scripts, and single characters of CJK scripts, counted. */
function tokens(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [token] of text.toLowerCase().matchAll(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}]+/gu)) {
    counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  return counts;
}

function dice(a: Map<string, number>, b: Map<string, number>): number {
  let common = 0;
  let total = 0;
  for (const count of a.values()) total += count;
  for (const count of b.values()) total += count;
  for (const [token, count] of a) common += Math.min(count, b.get(token) ?? 0);
  return total === 0 ? 1 : (2 * common) / total;
}
