import { describe, expect, it } from 'vitest';
import { createConnectionBudgets, createIncompleteChunks } from './budget.ts';

const settings = { messagesPerSecond: 10, messageBurst: 20, bytesPerSecond: 1_000, byteBurst: 5_000 };

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
