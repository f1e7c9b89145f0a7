/**
 * A plain text field bound to a `Y.Text`: what the person typed becomes the smallest change
 * (one deletion and one insertion between the common prefix and suffix), so concurrent edits by
 * others elsewhere in the paragraph survive; and what others typed moves the caret only when it
 * happened before it.
 */

export interface TextChange {
  at: number;
  remove: number;
  insert: string;
}

/** The change that turns `before` into `after`: one replaced span. */
export function textChange(before: string, after: string): TextChange | null {
  if (before === after) return null;
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before[start] === after[start]) start++;
  let end = 0;
  while (end < shortest - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { at: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) };
}

/** Where a caret at `caret` in `before` goes when the text becomes `after` by someone else's edit. */
export function movedCaret(before: string, after: string, caret: number): number {
  const change = textChange(before, after);
  if (!change || caret <= change.at) return caret;
  if (caret >= change.at + change.remove) return caret + change.insert.length - change.remove;
  return change.at + change.insert.length;
}
