import { describe, expect, it } from 'vitest';
import { createYieldingLane } from './yielding-lane.ts';

/** Resolves once the event loop has polled for I/O and run its immediates `n` times. */
const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('yielding lane', () => {
  it('lets its waiters go in order, one a turn of the loop', async () => {
    const lane = createYieldingLane();
    const order: number[] = [];
    const all = [1, 2, 3].map((n) => lane.wait().then(() => order.push(n)));
    expect(lane.size()).toBe(3);
    await all[0];
    expect(order).toEqual([1]);
    expect(lane.size()).toBe(2);
    await Promise.all(all);
    expect(order).toEqual([1, 2, 3]);
    expect(lane.size()).toBe(0);
  });

  it('lets work that arrives during a burst run before the rest of the burst', async () => {
    const lane = createYieldingLane();
    const order: string[] = [];
    const burst = Array.from({ length: 20 }, (_, n) => lane.wait().then(() => order.push(`presence${n}`)));
    await burst[0];
    // What an I/O callback would do on the next turn: it is not queued behind the burst.
    setImmediate(() => order.push('text'));
    await Promise.all(burst);
    const text = order.indexOf('text');
    expect(text).toBeGreaterThan(0);
    expect(text).toBeLessThan(4);
  });

  it('goes idle when empty and starts again on the next waiter', async () => {
    const lane = createYieldingLane();
    await lane.wait();
    await turns(3);
    let released = false;
    await lane.wait().then(() => (released = true));
    expect(released).toBe(true);
  });
});
