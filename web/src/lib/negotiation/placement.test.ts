import { describe, expect, it } from 'vitest';
import { closedCount, itemAt, locate, openItems } from './placement.ts';
import type { NegotiationView } from './view.ts';

const anchor = { from: 'a', to: 'b' } as never;
const view = {
  threads: [
    { id: 't1', status: 'open', orphaned: false, anchor },
    { id: 't2', status: 'resolved', orphaned: false, anchor },
  ],
  amendments: [
    { id: 'a1', status: 'proposed', orphaned: true, anchor },
    { id: 'a2', status: 'accepted', orphaned: false, anchor },
  ],
  brackets: [
    { id: 'b1', status: 'open', orphaned: false, anchor },
    { id: 'b2', status: 'lifted', orphaned: false, anchor },
  ],
} as unknown as NegotiationView;

describe('openItems', () => {
  it('keeps open threads, proposed amendments and open brackets, brackets first', () => {
    expect(openItems(view).map((i) => `${i.kind}:${i.id}`)).toEqual(['bracket:b1', 'amendment:a1', 'thread:t1']);
  });

  it('counts the others as closed', () => {
    expect(closedCount(view)).toBe(3);
  });
});

describe('locate', () => {
  it('orders placed items by where their words are and sets aside orphaned and unfound ones', () => {
    const items = [
      { id: 'late', orphaned: false },
      { id: 'gone', orphaned: true },
      { id: 'early', orphaned: false },
      { id: 'missing', orphaned: false },
    ];
    const ranges: Record<string, { from: number; to: number } | null> = { late: { from: 90, to: 95 }, gone: { from: 1, to: 2 }, early: { from: 10, to: 20 }, missing: null };
    const { placed, unplaced } = locate({ items, range: (item) => ranges[item.id] ?? null });
    expect(placed.map((p) => p.item.id)).toEqual(['early', 'late']);
    expect(unplaced.map((u) => u.id)).toEqual(['gone', 'missing']);
  });
});

describe('itemAt', () => {
  const placed = [
    { item: { id: 'wide' }, from: 10, to: 50 },
    { item: { id: 'narrow' }, from: 20, to: 25 },
    { item: { id: 'far' }, from: 80, to: 90 },
  ];

  it('finds the narrowest range around the caret', () => {
    expect(itemAt({ placed, position: 22 })).toBe('narrow');
    expect(itemAt({ placed, position: 30 })).toBe('wide');
    expect(itemAt({ placed, position: 90 })).toBe('far');
  });

  it('finds nothing outside every range', () => {
    expect(itemAt({ placed, position: 60 })).toBeNull();
  });
});
