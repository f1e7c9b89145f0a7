/**
 * Which items the margin shows beside the text, and which one the caret is in. Pure: the editor's
 * positions come in (from `anchorRange`), decisions come out.
 */
import type { Anchor } from '@concord/core';
import type { HighlightKind } from './highlights.ts';
import type { AmendmentView, BracketView, NegotiationView, ThreadView } from './view.ts';

/** An item still in play: an open thread, a proposed amendment, an open bracket. */
export type OpenItem =
  | { kind: 'thread'; id: string; anchor: Anchor; orphaned: boolean; thread: ThreadView }
  | { kind: 'amendment'; id: string; anchor: Anchor; orphaned: boolean; amendment: AmendmentView }
  | { kind: 'bracket'; id: string; anchor: Anchor; orphaned: boolean; bracket: BracketView };

/** The open items, brackets first, then amendments, then threads (the list view's order). */
export function openItems(view: NegotiationView): OpenItem[] {
  return [
    ...view.brackets.filter((b) => b.status === 'open').map((b) => ({ kind: 'bracket' as const, id: b.id, anchor: b.anchor, orphaned: b.orphaned, bracket: b })),
    ...view.amendments.filter((a) => a.status === 'proposed').map((a) => ({ kind: 'amendment' as const, id: a.id, anchor: a.anchor, orphaned: a.orphaned, amendment: a })),
    ...view.threads.filter((t) => t.status === 'open').map((t) => ({ kind: 'thread' as const, id: t.id, anchor: t.anchor, orphaned: t.orphaned, thread: t })),
  ];
}

/** How many items are closed (resolved threads, decided amendments, lifted brackets). */
export function closedCount(view: NegotiationView): number {
  return view.threads.filter((t) => t.status !== 'open').length + view.amendments.filter((a) => a.status !== 'proposed').length + view.brackets.filter((b) => b.status !== 'open').length;
}

export interface Located<T> {
  item: T;
  from: number;
  to: number;
}

/**
 * Splits items into those with words in the text (in the text's order) and those without:
 * orphaned on the server, or whose range is not in this editor (`range` answers null).
 */
export function locate<T extends { orphaned: boolean }>(input: { items: readonly T[]; range: (item: T) => { from: number; to: number } | null }): { placed: Located<T>[]; unplaced: T[] } {
  const placed: Located<T>[] = [];
  const unplaced: T[] = [];
  for (const item of input.items) {
    const range = item.orphaned ? null : input.range(item);
    if (range) placed.push({ item, ...range });
    else unplaced.push(item);
  }
  placed.sort((a, b) => a.from - b.from || a.to - b.to);
  return { placed, unplaced };
}

/** The item whose words hold the position: the narrowest range around it; null when none. */
export function itemAt<T extends { id: string }>(input: { placed: readonly Located<T>[]; position: number }): string | null {
  let best: Located<T> | null = null;
  for (const entry of input.placed) {
    if (entry.from > input.position || entry.to < input.position) continue;
    if (!best || entry.to - entry.from < best.to - best.from) best = entry;
  }
  return best?.item.id ?? null;
}
