/**
 * Comparing two versions of a statement: paragraph-aligned, word-level. Blocks (headings,
 * paragraphs, list items) are aligned with jsdiff's `diffArrays` over their kind, level and
 * canonical text; within a run of changed blocks, removed and added ones are paired when their
 * words are alike, and a pair is diffed word by word (`diffWordsWithSpace`). jsdiff's word
 * tokens cover Latin scripts; every other character (Chinese, Japanese, Korean among them) is a
 * token of its own, so inside CJK text the diff falls back to characters, which is what a reader
 * of those scripts expects.
 *
 * Each version is read in its own scratch document (`gc: false`, SYNC-NOTES), so two states of
 * the live (`gc: true`) document never need a shared history to be compared.
 */
import { diffArrays, diffWordsWithSpace } from 'diff';
import * as Y from 'yjs';
import { plainText, readBlocks, type BlockKind, type TextBlock } from './blocks.ts';
import { blockKey, pairBlocks, type Hunk } from './compare-pairing.ts';

export type RunChange = 'same' | 'added' | 'removed';

/** A stretch of text, in the older version only ('removed'), the newer only ('added'), or both. */
export interface DiffRun {
  text: string;
  change: RunChange;
}

/** What a block looked like in one version. */
export interface BlockShape {
  kind: BlockKind;
  /** Heading level, list depth (1 = top-level list), 0 for paragraphs. */
  level: number;
  /** `#`, `-`, `3.` or '' — for display. */
  marker: string;
}

export interface ComparedBlock {
  /** 'changed': in both versions, but its words, marks, kind or level differ. */
  change: 'same' | 'added' | 'removed' | 'changed';
  /** The newer shape's kind and level when there is one, else the older's. */
  kind: BlockKind;
  level: number;
  older: BlockShape | null;
  newer: BlockShape | null;
  /** The text: the older version's is every run but 'added', the newer's every run but 'removed'. */
  runs: DiffRun[];
  /** Bold or italic changed somewhere in the block (the runs carry only the words). */
  formattingChanged: boolean;
}

export interface Comparison {
  blocks: ComparedBlock[];
  counts: { added: number; removed: number; changed: number };
}

/**
 * Compares two versions given as full-state updates in Yjs update format v2 (as the version
 * store keeps them). Pure: the same two states always give the same comparison.
 */
export function compareVersions(input: { older: Uint8Array; newer: Uint8Array }): Comparison {
  return compareBlocks({ older: blocksOfState(input.older), newer: blocksOfState(input.newer) });
}

/** Compares two lists of text blocks (the core of {@link compareVersions}). */
export function compareBlocks(input: { older: TextBlock[]; newer: TextBlock[] }): Comparison {
  const older = input.older.filter(hasText);
  const newer = input.newer.filter(hasText);
  const changes = diffArrays(older.map(blockKey), newer.map(blockKey));
  const blocks: ComparedBlock[] = [];
  let hunk: Hunk = { removed: [], added: [] };
  let [i, j] = [0, 0];
  const flush = () => {
    for (const step of pairBlocks(hunk)) blocks.push(compared(step.older, step.newer));
    hunk = { removed: [], added: [] };
  };
  for (const change of changes) {
    const count = change.value.length;
    if (change.removed) hunk.removed.push(...older.slice(i, (i += count)));
    else if (change.added) hunk.added.push(...newer.slice(j, (j += count)));
    else {
      flush();
      for (let n = 0; n < count; n++) blocks.push(compared(older[i + n] ?? null, newer[j + n] ?? null));
      i += count;
      j += count;
    }
  }
  flush();
  return { blocks, counts: countChanges(blocks) };
}

function blocksOfState(state: Uint8Array): TextBlock[] {
  const doc = new Y.Doc({ gc: false });
  try {
    Y.applyUpdateV2(doc, state);
    return readBlocks({ doc });
  } finally {
    doc.destroy();
  }
}

/** Empty paragraphs and headings are not part of the text (as in the canonical form). */
function hasText(block: TextBlock): boolean {
  if (block.kind === 'bullet' || block.kind === 'numbered') return true;
  return plainText(block.pieces).trim().length > 0;
}

function shapeOf(block: TextBlock): BlockShape {
  return { kind: block.kind, level: block.level, marker: block.marker };
}

function compared(older: TextBlock | null, newer: TextBlock | null): ComparedBlock {
  const shape = (newer ?? older) as TextBlock;
  const base = { kind: shape.kind, level: shape.level, older: older && shapeOf(older), newer: newer && shapeOf(newer) };
  if (!older) return { ...base, change: 'added', runs: [{ text: plainText(newer!.pieces), change: 'added' }], formattingChanged: false };
  if (!newer) return { ...base, change: 'removed', runs: [{ text: plainText(older.pieces), change: 'removed' }], formattingChanged: false };
  const runs = wordDiff({ older: plainText(older.pieces), newer: plainText(newer.pieces) });
  if (blockKey(older) === blockKey(newer)) return { ...base, change: 'same', runs, formattingChanged: false };
  // Same words, same kind and level, yet a different key: only bold or italic changed.
  const formattingChanged = older.kind === newer.kind && older.level === newer.level && runs.every((run) => run.change === 'same');
  return { ...base, change: 'changed', runs, formattingChanged };
}

/**
 * Word-level runs from `older` to `newer`. A lone space or character left unchanged between two
 * changes is folded into them, and within each stretch of changes the removed words come before
 * the added ones: "−the quick +a slow" reads better than alternating fragments.
 */
export function wordDiff(input: { older: string; newer: string }): DiffRun[] {
  if (input.older === input.newer) return input.older ? [{ text: input.older, change: 'same' }] : [];
  const raw: DiffRun[] = diffWordsWithSpace(input.older, input.newer).map((part) => ({
    text: part.value,
    change: part.added ? 'added' : part.removed ? 'removed' : 'same',
  }));
  return regroup(raw.map((run, n) => ({ ...run, fold: isSliver(run, raw[n - 1], raw[n + 1]) })));
}

function isSliver(run: DiffRun, before: DiffRun | undefined, after: DiffRun | undefined): boolean {
  if (run.change !== 'same' || !before || !after || before.change === 'same' || after.change === 'same') return false;
  return run.text.trim().length === 0 || [...run.text].length === 1;
}

/** Merges each stretch between unchanged runs (folded slivers count as changed) into one removed and one added run. */
function regroup(runs: (DiffRun & { fold: boolean })[]): DiffRun[] {
  const out: DiffRun[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) out.push({ text: removed, change: 'removed' });
    if (added) out.push({ text: added, change: 'added' });
    removed = added = '';
  };
  for (const { text, change, fold } of runs) {
    if (change === 'same' && !fold) {
      flush();
      out.push({ text, change });
    } else {
      if (change !== 'added') removed += text;
      if (change !== 'removed') added += text;
    }
  }
  flush();
  return out;
}

function countChanges(blocks: ComparedBlock[]): Comparison['counts'] {
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const block of blocks) if (block.change !== 'same') counts[block.change] += 1;
  return counts;
}
