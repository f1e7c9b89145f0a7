import { isDomainError } from '@concord/core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compact, defaultCompactionSettings, needsCompaction, type CompactionSettings } from './compaction.ts';
import { documentFrom } from './document.ts';
import { createMemoryDocumentStore } from './memory/index.ts';
import type { DocumentStore } from './ports.ts';
import { T0, textOf } from './testing/fixtures.ts';

const docId = 'stmt_compaction';
const settings: CompactionSettings = { maxTailCount: 200, maxTailBytes: 64 * 1024, leaseMs: 30_000 };

/**
 * A `pause` for the in-memory store that runs an action at a chosen request boundary. Every
 * store method pauses first, so with one compaction running, the 3rd pause from arming is the
 * start of its `commitSnapshot`: after its `acquireLease` and `load`, before the commit checks.
 */
function createInterleaving() {
  let remaining = 0;
  let action: () => Promise<void> = async () => {};
  let ran = false;
  return {
    pause: async () => {
      if (remaining > 0 && --remaining === 0) {
        await action();
        ran = true;
      }
    },
    at(step: number, run: () => Promise<void>) {
      remaining = step;
      action = run;
      ran = false;
    },
    ran: () => ran,
  };
}
const betweenLoadAndCommit = 3;

/** A writer whose edits are appended to the store one update each. */
function createWriter(documents: DocumentStore, clientId: number) {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const text = doc.getText('text');
  return {
    doc,
    async type(index: number, value: string) {
      const before = Y.encodeStateVector(doc);
      text.insert(index, value);
      await documents.appendUpdate({ docId, update: Y.encodeStateAsUpdate(doc, before), origin: `conn${clientId}` });
    },
  };
}

async function storeWithTail(words: string[]) {
  const interleaving = createInterleaving();
  const documents = createMemoryDocumentStore({ pause: interleaving.pause });
  const writer = createWriter(documents, 1);
  for (const word of words) await writer.type(writer.doc.getText('text').length, word);
  return { documents, interleaving, writer };
}

async function textStored(documents: DocumentStore): Promise<string> {
  const doc = documentFrom(await documents.load({ docId }));
  const text = doc.getText('text').toString();
  doc.destroy();
  return text;
}

describe('compact', () => {
  it('merges the tail into a snapshot that holds the same content', async () => {
    const { documents } = await storeWithTail(['one ', 'two ', 'three']);
    expect((await documents.load({ docId })).updates).toHaveLength(3);

    expect(await compact({ documents, docId, owner: 'a', now: T0, settings })).toBe('compacted');

    const state = await documents.load({ docId });
    expect(state.updates).toEqual([]);
    expect(state.version).toBe(1);
    expect(textOf(state.snapshot)).toBe('one two three');
  });

  it('resets the tail statistics to what it did not merge', async () => {
    const { documents, writer } = await storeWithTail(['one ', 'two ']);
    await compact({ documents, docId, owner: 'a', now: T0, settings });
    const before = Y.encodeStateVector(writer.doc);
    writer.doc.getText('text').insert(0, 'zero ');
    const update = Y.encodeStateAsUpdate(writer.doc, before);
    expect(await documents.appendUpdate({ docId, update, origin: 'conn1' })).toEqual({ count: 1, bytes: update.length });
  });

  it('has nothing to do for a document without a tail', async () => {
    const documents = createMemoryDocumentStore();
    expect(await compact({ documents, docId, owner: 'a', now: T0, settings })).toBe('nothing-to-do');
    expect(await documents.load({ docId })).toEqual({ snapshot: null, version: 0, updates: [] });
  });

  it('keeps an update appended between its load and its commit', async () => {
    const { documents, interleaving, writer } = await storeWithTail(['one ', 'two']);
    const late = createWriter(documents, 2);
    Y.applyUpdate(late.doc, Y.encodeStateAsUpdate(writer.doc));
    interleaving.at(betweenLoadAndCommit, () => late.type(0, 'late '));

    expect(await compact({ documents, docId, owner: 'a', now: T0, settings })).toBe('compacted');

    expect(interleaving.ran()).toBe(true);
    const state = await documents.load({ docId });
    expect(textOf(state.snapshot)).toBe('one two');
    expect(state.updates.map((u) => u.key)).toEqual([expect.stringMatching(/#conn2$/)]);
    expect(await textStored(documents)).toBe('late one two');
  });

  it('answers busy to a second compactor while the lease is held', async () => {
    const { documents, interleaving } = await storeWithTail(['one ', 'two']);
    const second: string[] = [];
    interleaving.at(betweenLoadAndCommit, async () => {
      second.push(await compact({ documents, docId, owner: 'b', now: T0 + settings.leaseMs - 1, settings }));
    });

    expect(await compact({ documents, docId, owner: 'a', now: T0, settings })).toBe('compacted');
    expect(second).toEqual(['busy']);
  });

  it('answers busy while a dead compactor’s lease lasts and compacts once it expired', async () => {
    const { documents } = await storeWithTail(['one ', 'two']);
    expect(await documents.acquireLease({ docId, owner: 'dead', now: T0, ttlMs: settings.leaseMs })).toBe(true);

    expect(await compact({ documents, docId, owner: 'b', now: T0, settings })).toBe('busy');
    expect(await compact({ documents, docId, owner: 'c', now: T0 + settings.leaseMs - 1, settings })).toBe('busy');
    expect((await documents.load({ docId })).version).toBe(0);
    expect(await compact({ documents, docId, owner: 'd', now: T0 + settings.leaseMs, settings })).toBe('compacted');
    expect((await documents.load({ docId })).updates).toEqual([]);
  });

  it('releases its lease, so the next compaction need not wait', async () => {
    const { documents, writer } = await storeWithTail(['one ']);
    expect(await compact({ documents, docId, owner: 'a', now: T0, settings })).toBe('compacted');
    await writer.type(0, 'zero ');
    expect(await compact({ documents, docId, owner: 'b', now: T0, settings })).toBe('compacted');
    expect(await textStored(documents)).toBe('zero one ');
  });

  it('is superseded when the head moved since its load, and leaves the store as it found it', async () => {
    const { documents, interleaving, writer } = await storeWithTail(['one ', 'two']);
    let afterOther: Awaited<ReturnType<DocumentStore['load']>> | null = null;
    interleaving.at(betweenLoadAndCommit, async () => {
      // Its lease expires; another compactor merges a newer tail, then it takes the lease back:
      // only the version it read is stale.
      await writer.type(0, 'zero ');
      expect(await compact({ documents, docId, owner: 'b', now: T0 + settings.leaseMs, settings })).toBe('compacted');
      expect(await documents.acquireLease({ docId, owner: 'a', now: T0 + settings.leaseMs, ttlMs: settings.leaseMs })).toBe(true);
      afterOther = await documents.load({ docId });
    });

    expect(await compact({ documents, docId, owner: 'a', now: T0, settings })).toBe('superseded');

    expect(interleaving.ran()).toBe(true);
    expect(afterOther).not.toBeNull();
    expect(await documents.load({ docId })).toEqual(afterOther);
    expect(await textStored(documents)).toBe('zero one two');
  });

  it('releases its lease and rethrows when the store fails', async () => {
    const { documents } = await storeWithTail(['one ']);
    const failing: DocumentStore = { ...documents, load: () => Promise.reject(new Error('store down')) };

    await expect(compact({ documents: failing, docId, owner: 'a', now: T0, settings })).rejects.toThrow('store down');
    expect(await compact({ documents, docId, owner: 'b', now: T0, settings })).toBe('compacted');
  });
});

describe('the in-memory DocumentStore', () => {
  it('refuses a snapshot on a stale base version with a conflict and changes nothing', async () => {
    const { documents } = await storeWithTail(['one ', 'two']);
    await compact({ documents, docId, owner: 'a', now: T0, settings });
    await createWriter(documents, 2).type(0, 'zero ');
    const before = await documents.load({ docId });
    await documents.acquireLease({ docId, owner: 'b', now: T0, ttlMs: settings.leaseMs });

    const commit = documents.commitSnapshot({
      docId,
      owner: 'b',
      baseVersion: before.version - 1,
      snapshot: Y.encodeStateAsUpdate(new Y.Doc()),
      merged: before.updates,
    });

    await expect(commit).rejects.toSatisfy((error) => isDomainError(error) && error.kind === 'conflict');
    expect(await documents.load({ docId })).toEqual(before);
  });
});

describe('needsCompaction', () => {
  it.each([
    [{ count: 0, bytes: 0 }, false],
    [{ count: 199, bytes: 64 * 1024 - 1 }, false],
    [{ count: 200, bytes: 0 }, true],
    [{ count: 1, bytes: 64 * 1024 }, true],
    [{ count: 500, bytes: 1_000_000 }, true],
  ])('with the default settings, for a tail of %o, says %s', (tail, expected) => {
    expect(needsCompaction({ tail, settings: defaultCompactionSettings })).toBe(expected);
  });

  it('follows the settings it is given', () => {
    const small = { ...settings, maxTailCount: 5, maxTailBytes: 100 };
    expect(needsCompaction({ tail: { count: 4, bytes: 99 }, settings: small })).toBe(false);
    expect(needsCompaction({ tail: { count: 5, bytes: 99 }, settings: small })).toBe(true);
    expect(needsCompaction({ tail: { count: 4, bytes: 100 }, settings: small })).toBe(true);
  });
});
