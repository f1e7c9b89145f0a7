/**
 * The freeze fence over the memory store: an update is admitted before any store I/O only while
 * its document is known open at the current epoch, and a freeze that passes the fence never meets
 * an update admitted early — it waits for it, so the update is stored and the freeze comes after.
 */
import { isDomainError } from '@concord/core';
import { describe, expect, it } from 'vitest';
import { createFreezeFence, registerFreezeFence, throughFreezeFences } from './freeze-fence.ts';
import { createMemoryDocumentStore } from './memory/index.ts';
import type { DocumentStore } from './ports.ts';

const docId = 'stmt_fenced';
const update = new Uint8Array([0, 0]);
const frozen = (error: unknown) => isDomainError(error) && error.code === 'sync.document-frozen';

/** The memory store, with every append held at a gate the test opens. */
function gatedStore() {
  const inner = createMemoryDocumentStore();
  let gate: Promise<void> = Promise.resolve();
  let open: () => void = () => {};
  const events: string[] = [];
  const store: DocumentStore = {
    ...inner,
    async appendUpdate(input) {
      events.push('store.append');
      await gate;
      return inner.appendUpdate(input);
    },
    async freeze(input) {
      events.push('store.freeze');
      return inner.freeze(input);
    },
  };
  return {
    inner,
    store,
    events,
    hold() {
      gate = new Promise((resolve) => (open = resolve));
    },
    release: () => open(),
  };
}

/** Appends through `store`, recording whether `admitted` ran before `appendUpdate` returned. */
function append(store: DocumentStore, origin = 'c1') {
  let admitted = false;
  const done = store.appendUpdate({ docId, update, origin, admitted: () => (admitted = true) });
  return { admittedAtOnce: admitted, admitted: () => admitted, done };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

/** `append` for another document. */
function appendTo(store: DocumentStore, id: string) {
  let admitted = false;
  const done = store.appendUpdate({ docId: id, update, origin: 'c1', admitted: () => (admitted = true) });
  return { admittedAtOnce: admitted, done };
}

describe('the freeze fence', () => {
  it('admits through the store until an append has passed the freeze check, then at once', async () => {
    const gated = gatedStore();
    const store = createFreezeFence().admitting(gated.store);
    const first = append(store);
    expect(first.admittedAtOnce).toBe(false);
    await first.done;
    expect(first.admitted()).toBe(true);
    const second = append(store);
    expect(second.admittedAtOnce).toBe(true);
    await second.done;
    expect((await gated.inner.load({ docId })).updates).toHaveLength(2);
  });

  it('learns a text is open from a load that found no freeze: its first append is admitted at once', async () => {
    const gated = gatedStore();
    const store = createFreezeFence().admitting(gated.store);
    const seen: boolean[] = [];
    await store.load({ docId, sawFreeze: (frozen) => seen.push(frozen) });
    expect(seen).toEqual([false]);
    gated.hold();
    const first = append(store);
    expect(first.admittedAtOnce).toBe(true);
    gated.release();
    await first.done;
    expect((await gated.inner.load({ docId })).updates).toHaveLength(1);
  });

  it('learns nothing from a load that found a freeze, or that overlapped a freeze of this process', async () => {
    const gated = gatedStore();
    const fence = createFreezeFence();
    const store = fence.admitting(gated.store);
    await gated.inner.freeze({ docId, by: 'call_1' });
    await store.load({ docId });
    const refused = append(store);
    expect(refused.admittedAtOnce).toBe(false);
    await expect(refused.done).rejects.toSatisfy(frozen);
    expect(refused.admitted()).toBe(false);
    await gated.inner.unfreeze({ docId, by: 'call_1' });

    // A load that read the head before a freeze of this process, and answered after it: what it
    // saw is void, so the append after it takes the store's path and is refused, never shown.
    let answer: () => void = () => {};
    const slow: DocumentStore = {
      ...gated.store,
      async load({ sawFreeze, ...input }) {
        let seen = true;
        const state = await gated.inner.load({ ...input, sawFreeze: (frozenThen) => (seen = frozenThen) });
        await new Promise<void>((resolve) => (answer = resolve));
        sawFreeze?.(seen);
        return state;
      },
    };
    const slowStore = fence.admitting(slow);
    const loading = slowStore.load({ docId });
    await settle();
    expect(await fence.freezing(docId, () => gated.inner.freeze({ docId, by: 'call_2' }))).toBe(true);
    answer();
    await loading;
    const after = append(slowStore);
    expect(after.admittedAtOnce).toBe(false);
    await expect(after.done).rejects.toSatisfy(frozen);
  });

  it('remembers a bounded number of documents, forgetting the least recently used first', async () => {
    const gated = gatedStore();
    const store = createFreezeFence({ keptDocuments: 2 }).admitting(gated.store);
    for (const id of ['stmt_a', 'stmt_b', 'stmt_c']) await appendTo(store, id).done;
    const b = appendTo(store, 'stmt_b');
    const c = appendTo(store, 'stmt_c');
    const a = appendTo(store, 'stmt_a');
    expect([b.admittedAtOnce, c.admittedAtOnce, a.admittedAtOnce]).toEqual([true, true, false]);
    await Promise.all([a.done, b.done, c.done]);
  });

  it('never forgets a document whose early admission is in flight: its freeze still waits for it', async () => {
    const gated = gatedStore();
    const store = createFreezeFence({ keptDocuments: 1 }).admitting(gated.store);
    await appendTo(store, 'stmt_a').done;
    gated.hold();
    const early = appendTo(store, 'stmt_a');
    expect(early.admittedAtOnce).toBe(true);
    // Two more documents arrive while it is in flight: the fence is over its size.
    const others = [appendTo(store, 'stmt_b'), appendTo(store, 'stmt_c')];
    const freezing = store.freeze({ docId: 'stmt_a', by: 'call_1' });
    await settle();
    expect(gated.events).not.toContain('store.freeze');
    gated.release();
    await Promise.all([early.done, ...others.map((one) => one.done)]);
    expect(await freezing).toBe(true);
    expect(gated.events.indexOf('store.freeze')).toBeGreaterThan(gated.events.lastIndexOf('store.append'));
  });

  it('makes a freeze wait for an update admitted early, which is stored before the freeze', async () => {
    const gated = gatedStore();
    const store = createFreezeFence().admitting(gated.store);
    await append(store).done;
    gated.hold();
    const early = append(store, 'c2');
    expect(early.admittedAtOnce).toBe(true);
    const freezing = store.freeze({ docId, by: 'call_1' });
    await settle();
    expect(gated.events.filter((event) => event === 'store.freeze')).toEqual([]);
    gated.release();
    await early.done;
    expect(await freezing).toBe(true);
    expect(gated.events.slice(-2)).toEqual(['store.append', 'store.freeze']);
    expect((await gated.inner.load({ docId })).updates.map((stored) => stored.key.endsWith('#c2'))).toEqual([false, true]);
  });

  it('sends appends through the store while a freeze is under way, so a refused one is never admitted', async () => {
    const gated = gatedStore();
    const fence = createFreezeFence();
    const store = fence.admitting(gated.store);
    await append(store).done;
    let write: () => void = () => {};
    const freezing = fence.freezing(docId, () => new Promise<boolean>((resolve) => (write = () => resolve(gated.inner.freeze({ docId, by: 'call_1' })))));
    await settle();
    const during = append(store);
    expect(during.admittedAtOnce).toBe(false);
    write();
    expect(await freezing).toBe(true);
    await expect(during.done).rejects.toSatisfy(frozen);
    expect(during.admitted()).toBe(false);
  });

  it('forgets a document was open once it is unfrozen, and once a freeze from elsewhere is met', async () => {
    const gated = gatedStore();
    const logged: string[] = [];
    const store = createFreezeFence().admitting(gated.store, ({ code }) => logged.push(code));
    await append(store).done;
    await store.freeze({ docId, by: 'call_1' });
    await store.unfreeze({ docId, by: 'call_1' });
    expect(append(store).admittedAtOnce).toBe(false);
    await settle();

    // A freeze written past the fence (another process): the next early admission is refused
    // after it was shown — logged — and nothing after it is admitted early.
    expect(append(store).admittedAtOnce).toBe(true);
    await settle();
    await gated.inner.freeze({ docId, by: 'call_elsewhere' });
    const shown = append(store);
    expect(shown.admittedAtOnce).toBe(true);
    await expect(shown.done).rejects.toSatisfy(frozen);
    expect(logged).toEqual(['sync.frozen-after-admitted']);
    const after = append(store);
    expect(after.admittedAtOnce).toBe(false);
    await expect(after.done).rejects.toSatisfy(frozen);
    expect(after.admitted()).toBe(false);
  });

  it('is passed by every store instance of the same key, and by none once unregistered', async () => {
    const gated = gatedStore();
    const fence = createFreezeFence();
    const owned = fence.admitting(gated.store);
    const key = 'dynalite:1 concord';
    const other = throughFreezeFences({ storeKey: async () => key, freeze: (input) => gated.store.freeze(input), unfreeze: (input) => gated.store.unfreeze(input) });
    const unregister = registerFreezeFence(key, fence);
    try {
      await append(owned).done;
      gated.hold();
      const early = append(owned, 'c2');
      expect(early.admittedAtOnce).toBe(true);
      const freezing = other.freeze({ docId, by: 'call_1' });
      await settle();
      expect(gated.events.includes('store.freeze')).toBe(false);
      gated.release();
      await early.done;
      expect(await freezing).toBe(true);
      await other.unfreeze({ docId, by: 'call_1' });
      expect(append(owned).admittedAtOnce).toBe(false);
    } finally {
      unregister();
    }
    gated.hold();
    await settle();
    const unfenced = throughFreezeFences({ storeKey: async () => key, freeze: async () => (gated.events.push('bare.freeze'), true), unfreeze: async () => {} });
    const pending = append(owned, 'c3');
    await unfenced.freeze({ docId, by: 'call_2' });
    expect(gated.events.at(-1)).toBe('bare.freeze');
    gated.release();
    await pending.done;
  });
});
