import { describe, expect, it } from 'vitest';
import { stackCards } from './stacking.ts';

const tops = (result: ReturnType<typeof stackCards>) => Object.fromEntries(result.placements.map((p) => [p.id, p.top]));

describe('stackCards', () => {
  it('puts each card at its wanted top when none collide', () => {
    const result = stackCards({ cards: [{ id: 'a', wanted: 0, height: 50 }, { id: 'b', wanted: 200, height: 40 }], gap: 8 });
    expect(tops(result)).toEqual({ a: 0, b: 200 });
    expect(result.bottom).toBe(240);
  });

  it('pushes a colliding card down to just below the one above, with the gap', () => {
    const result = stackCards({ cards: [{ id: 'a', wanted: 100, height: 80 }, { id: 'b', wanted: 120, height: 30 }], gap: 8 });
    expect(tops(result)).toEqual({ a: 100, b: 188 });
    expect(result.bottom).toBe(218);
  });

  it('carries a push down the whole chain', () => {
    const result = stackCards({
      cards: [
        { id: 'a', wanted: 0, height: 100 },
        { id: 'b', wanted: 10, height: 100 },
        { id: 'c', wanted: 20, height: 10 },
        { id: 'd', wanted: 500, height: 10 },
      ],
      gap: 0,
    });
    expect(tops(result)).toEqual({ a: 0, b: 100, c: 200, d: 500 });
  });

  it('orders by wanted top whatever order the cards come in, ties in the given order', () => {
    const result = stackCards({ cards: [{ id: 'late', wanted: 300, height: 10 }, { id: 'first', wanted: 50, height: 10 }, { id: 'second', wanted: 50, height: 10 }], gap: 4 });
    expect(result.placements.map((p) => p.id)).toEqual(['first', 'second', 'late']);
    expect(tops(result)).toEqual({ first: 50, second: 64, late: 300 });
  });

  it('keeps cards below the top of the area (words above it)', () => {
    const result = stackCards({ cards: [{ id: 'a', wanted: -120, height: 20 }, { id: 'b', wanted: -10, height: 20 }], gap: 5, minTop: 0 });
    expect(tops(result)).toEqual({ a: 0, b: 25 });
  });

  it('has no overlaps for any input', () => {
    const cards = Array.from({ length: 40 }, (_, i) => ({ id: `c${i}`, wanted: (i * 37) % 400, height: 10 + ((i * 13) % 60) }));
    const { placements } = stackCards({ cards, gap: 6 });
    const height = new Map(cards.map((c) => [c.id, c.height]));
    for (let i = 1; i < placements.length; i++) {
      const above = placements[i - 1]!;
      expect(placements[i]!.top).toBeGreaterThanOrEqual(above.top + height.get(above.id)! + 6);
    }
  });

  it('has an empty stack with nothing to place', () => {
    expect(stackCards({ cards: [], gap: 8 })).toEqual({ placements: [], bottom: 0 });
  });
});
