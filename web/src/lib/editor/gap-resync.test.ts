import { decodeMessage } from '@concord/sync/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createGapWatch, gapSettleMs, hasGap, syncRequest } from './gap-resync.ts';

/** Two edits by one author, as separate updates: the second builds on the first. */
function twoEdits() {
  const author = new Y.Doc();
  const updates: Uint8Array[] = [];
  author.on('update', (update: Uint8Array) => updates.push(update));
  author.getText('t').insert(0, 'digital ');
  author.getText('t').insert(8, 'rights');
  return { author, first: updates[0]!, second: updates[1]! };
}

afterEach(() => vi.useRealTimers());

describe('a missed update', () => {
  it('leaves a gap that the answer to our sync request fills', () => {
    const { author, first, second } = twoEdits();
    const reader = new Y.Doc();
    Y.applyUpdate(reader, first);
    expect(hasGap(reader)).toBe(false);

    const late = new Y.Doc();
    Y.applyUpdate(late, second);
    expect(hasGap(late)).toBe(true);
    expect(late.getText('t').toString()).toBe('');

    // The server answers sync step 1 with what the state vector lacks (as y-protocols does).
    const request = decodeMessage(syncRequest(late));
    expect(request).toMatchObject({ type: 'sync-step-1' });
    const stateVector = (request as { stateVector: Uint8Array }).stateVector;
    Y.applyUpdate(late, Y.encodeStateAsUpdate(author, stateVector));
    expect(hasGap(late)).toBe(false);
    expect(late.getText('t').toString()).toBe('digital rights');
  });

  it('is asked for once the gap has lasted a moment, once per moment, and not when it healed', () => {
    vi.useFakeTimers();
    const { first, second } = twoEdits();
    const doc = new Y.Doc();
    const ask = vi.fn();
    const watch = createGapWatch({ doc, ask });

    watch.check();
    vi.advanceTimersByTime(gapSettleMs * 2);
    expect(ask).not.toHaveBeenCalled();

    Y.applyUpdate(doc, second);
    watch.check();
    watch.check();
    vi.advanceTimersByTime(gapSettleMs - 1);
    expect(ask).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(ask).toHaveBeenCalledTimes(1);

    // Still missing a moment later: asked again; filled before the moment ends: not asked.
    watch.check();
    vi.advanceTimersByTime(gapSettleMs);
    expect(ask).toHaveBeenCalledTimes(2);
    watch.check();
    Y.applyUpdate(doc, first);
    vi.advanceTimersByTime(gapSettleMs);
    expect(ask).toHaveBeenCalledTimes(2);

    // Stopped (the editor closed) while a gap waits: nothing more is asked.
    const closing = new Y.Doc();
    const askClosing = vi.fn();
    const closingWatch = createGapWatch({ doc: closing, ask: askClosing });
    Y.applyUpdate(closing, second);
    closingWatch.check();
    closingWatch.stop();
    vi.advanceTimersByTime(gapSettleMs);
    expect(askClosing).not.toHaveBeenCalled();
  });
});
