import { describe, expect, it } from 'vitest';
import { createConnectionBudgets, createIncompleteChunks } from './budget.ts';

const settings = { messagesPerSecond: 10, messageBurst: 20, bytesPerSecond: 1_000, byteBurst: 5_000, cooldownMs: 1_000, maxCooldownMs: 3_000, forgiveAfterMs: 60_000, connectMessages: 5 };

describe('createConnectionBudgets', () => {
  it('lets a burst through, then only the sustained rate', () => {
    const budgets = createConnectionBudgets(settings);
    const spent = Array.from({ length: 25 }, () => budgets.spend({ connectionId: 'c', bytes: 1, now: 0 }));
    expect(spent.filter(Boolean)).toHaveLength(20);
    // A second later, ten more messages' worth came back.
    const later = Array.from({ length: 12 }, () => budgets.spend({ connectionId: 'c', bytes: 1, now: 1_000 }));
    expect(later.filter(Boolean).length).toBeLessThanOrEqual(10);
  });

  it('counts bytes apart from messages, and each connection apart', () => {
    const budgets = createConnectionBudgets(settings);
    expect(budgets.spend({ connectionId: 'paster', bytes: 5_000, now: 0 })).toBe(true);
    expect(budgets.spend({ connectionId: 'paster', bytes: 10, now: 0 })).toBe(false);
    expect(budgets.spend({ connectionId: 'typist', bytes: 10, now: 0 })).toBe(true);
  });

  it('starts a forgotten connection afresh', () => {
    const budgets = createConnectionBudgets(settings);
    for (let i = 0; i < 30; i++) budgets.spend({ connectionId: 'c', bytes: 1, now: 0 });
    budgets.forget('c');
    expect(budgets.spend({ connectionId: 'c', bytes: 1, now: 0 })).toBe(true);
  });
});

describe('the cooldown after a budget is spent', () => {
  const flood = (budgets: ReturnType<typeof createConnectionBudgets>, now: number) => {
    for (let i = 0; i < 30; i++) budgets.spend({ connectionId: 'flooder', bytes: 1, now });
  };

  it('keeps a person out for the cooldown once over budget, and nobody else', () => {
    const budgets = createConnectionBudgets(settings);
    expect(budgets.coolingFor({ key: 'flooder', now: 0 })).toBe(0);
    flood(budgets, 0);
    expect(budgets.coolingFor({ key: 'flooder', now: 0 })).toBe(1_000);
    expect(budgets.coolingFor({ key: 'flooder', now: 400 })).toBe(600);
    expect(budgets.coolingFor({ key: 'flooder', now: 1_000 })).toBe(0);
    expect(budgets.coolingFor({ key: 'typist', now: 0 })).toBe(0);
  });

  it('doubles with each repeat up to the longest, and forgives after a quiet while', () => {
    const budgets = createConnectionBudgets(settings);
    flood(budgets, 0);
    flood(budgets, 5_000);
    expect(budgets.coolingFor({ key: 'flooder', now: 5_000 })).toBe(2_000);
    flood(budgets, 10_000);
    flood(budgets, 20_000);
    expect(budgets.coolingFor({ key: 'flooder', now: 20_000 })).toBe(3_000);
    flood(budgets, 200_000);
    expect(budgets.coolingFor({ key: 'flooder', now: 200_000 })).toBe(1_000);
  });

  it('charges a connection several messages, so reconnecting in a loop meets the cooldown', () => {
    const budgets = createConnectionBudgets(settings);
    const connects = Array.from({ length: 6 }, () => budgets.spend({ connectionId: 'looper', bytes: 0, now: 0, messages: settings.connectMessages }));
    expect(connects).toEqual([true, true, true, true, false, false]);
    expect(budgets.coolingFor({ key: 'looper', now: 0 })).toBe(1_000);
  });

  it('counts frames still queued when the cooldown began as one strike, not many', () => {
    const budgets = createConnectionBudgets(settings);
    flood(budgets, 0);
    flood(budgets, 500);
    expect(budgets.coolingFor({ key: 'flooder', now: 500 })).toBe(500);
  });
});

describe('createIncompleteChunks', () => {
  it('refuses a connection that holds more unfinished chunks than the limit, and frees finished ones', () => {
    const incomplete = createIncompleteChunks(100);
    expect(incomplete.add({ connectionId: 'c', messageId: 'a', bytes: 60 })).toBe(true);
    incomplete.done({ connectionId: 'c', messageId: 'a' });
    expect(incomplete.add({ connectionId: 'c', messageId: 'b', bytes: 60 })).toBe(true);
    expect(incomplete.add({ connectionId: 'c', messageId: 'c', bytes: 60 })).toBe(false);
    expect(incomplete.add({ connectionId: 'other', messageId: 'a', bytes: 60 })).toBe(true);
  });
});
