import { isDomainError } from '@concord/core';
import { describe, expect, it } from 'vitest';
import { documentFrom } from './document.ts';
import type { CompactionReason } from './handlers.ts';
import { frameOf, principalFor, readServerMessage, rejoin, textOf, updateMessage, updateWithText } from './testing/fixtures.ts';
import { createMemorySync } from './testing/memory-sync.ts';

const docId = 'stmt_server';

function setup(options: { maxTailCount?: number } = {}) {
  const compactions: { docId: string; reason: CompactionReason }[] = [];
  /** The text each compaction handed its hook, if any (a checkpoint then need not read it again). */
  const committed: (string | null)[] = [];
  const { handlers, documents, gateway, connect } = createMemorySync({
    docId,
    overrides: {
      compaction: { maxTailCount: options.maxTailCount ?? 200 },
      afterCompaction: async ({ state, ...input }) => {
        compactions.push(input);
        committed.push(state ? textOf(...(state.snapshot ? [state.snapshot] : []), ...state.updates.map((u) => u.update)) : null);
      },
    },
  });
  const received = (connectionId: string) => rejoin(gateway.framesTo(connectionId)).map(readServerMessage);
  return { handlers, documents, gateway, compactions, committed, connect, received };
}

describe('createSyncHandlers.broadcastUpdate', () => {
  it('stores a change the server makes and sends it to every connection, the readers too', async () => {
    const { handlers, documents, connect, received } = setup();
    await connect('writer');
    await connect('reader', 'read');
    await handlers.broadcastUpdate({ docId, update: updateWithText('Accepted wording', 77), author: 'usr_chair org_chair' });

    expect(documentFrom(await documents.load({ docId })).getText('text').toString()).toBe('Accepted wording');
    for (const connectionId of ['writer', 'reader']) expect(received(connectionId).map((m) => m.type)).toEqual(['update']);
    expect(await documents.takeAuthors({ docId })).toEqual(['usr_chair org_chair']);
  });

  it('refuses an update that does not apply, storing nothing', async () => {
    const { handlers, documents } = setup();
    const attempt = handlers.broadcastUpdate({ docId, update: new Uint8Array([1, 2, 3, 250]), author: 'x y' });
    await expect(attempt).rejects.toSatisfy((error: unknown) => isDomainError(error) && error.code === 'sync.update-malformed');
    expect((await documents.load({ docId })).updates).toEqual([]);
  });
});

describe('createSyncHandlers.notify', () => {
  it('sends a notice to every connection of the document and no other', async () => {
    const { handlers, connect, received } = setup();
    await connect('a');
    await connect('b', 'read');
    await handlers.connect({ connectionId: 'elsewhere', docId: 'stmt_other', principal: principalFor('x'), access: 'write' });
    await handlers.notify({ docId, notice: '{"kind":"annotations"}' });
    expect(received('a')).toEqual([{ type: 'notice', text: '{"kind":"annotations"}' }]);
    expect(received('b')).toEqual([{ type: 'notice', text: '{"kind":"annotations"}' }]);
    expect(received('elsewhere')).toEqual([]);
  });
});

describe('authors of updates', () => {
  it('are remembered per person and organisation until taken, then start afresh', async () => {
    const { handlers, documents, connect } = setup();
    await connect('alice');
    await connect('bob');
    await handlers.message({ connectionId: 'alice', frame: frameOf(updateMessage(updateWithText('a', 1))) });
    await handlers.message({ connectionId: 'bob', frame: frameOf(updateMessage(updateWithText('b', 2))) });
    await handlers.message({ connectionId: 'alice', frame: frameOf(updateMessage(updateWithText('c', 1))) });
    expect((await documents.takeAuthors({ docId })).sort()).toEqual(['usr_alice org_alice', 'usr_bob org_bob']);
    expect(await documents.takeAuthors({ docId })).toEqual([]);
  });
});

describe('afterCompaction', () => {
  it('is told when a long tail was compacted and when the last writer left', async () => {
    const { handlers, connect, compactions, committed } = setup({ maxTailCount: 2 });
    await connect('writer');
    for (const [i, text] of ['one', 'two'].entries()) {
      await handlers.message({ connectionId: 'writer', frame: frameOf(updateMessage(updateWithText(text, 10 + i))) });
    }
    expect(compactions).toEqual([{ docId, reason: 'tail' }]);
    expect(committed).toEqual([textOf(updateWithText('one', 10), updateWithText('two', 11))]);
    await handlers.disconnect({ connectionId: 'writer' });
    expect(compactions.at(-1)).toEqual({ docId, reason: 'last-writer-left' });
    // Nothing left to compact: the hook reads the text itself.
    expect(committed.at(-1)).toBeNull();
  });
});

describe('compaction of a long tail', () => {
  it('is not attempted again by this process while it runs (each attempt would only find the lease taken)', async () => {
    const { handlers, documents, connect } = setup({ maxTailCount: 1 });
    let leases = 0;
    const acquireLease = documents.acquireLease;
    documents.acquireLease = async (input) => ((leases += 1), acquireLease(input));
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const commitSnapshot = documents.commitSnapshot;
    documents.commitSnapshot = async (input) => (await gate, commitSnapshot(input));
    await connect('w1');
    await connect('w2');

    const first = handlers.message({ connectionId: 'w1', frame: frameOf(updateMessage(updateWithText('one', 10))) });
    await new Promise((resolve) => setTimeout(resolve, 10));
    for (const [i, text] of ['two', 'three'].entries()) {
      expect(await handlers.message({ connectionId: 'w2', frame: frameOf(updateMessage(updateWithText(text, 20 + i))) })).toBe('handled');
    }
    expect(leases).toBe(1);
    release();
    expect(await first).toBe('handled');
    expect(await handlers.message({ connectionId: 'w2', frame: frameOf(updateMessage(updateWithText('four', 30))) })).toBe('handled');
    expect(leases).toBe(2);
  });
});

describe('a frozen text', () => {
  it('refuses a writer’s update with a permission-denied reason, storing and passing on nothing', async () => {
    const { handlers, documents, connect, received } = setup();
    await connect('writer');
    await connect('other');
    await documents.freeze({ docId, by: 'call_1' });
    const outcome = await handlers.message({ connectionId: 'writer', frame: frameOf(updateMessage(updateWithText('late edit', 5))) });
    expect(outcome).toBe('refused-frozen');
    expect(received('writer')).toEqual([{ type: 'permission-denied', reason: 'frozen' }]);
    expect(received('other')).toEqual([]);
    expect((await documents.load({ docId })).updates).toEqual([]);
  });

  it('refuses a change the server itself would make', async () => {
    const { handlers, documents } = setup();
    await documents.freeze({ docId, by: 'call_1' });
    await expect(handlers.broadcastUpdate({ docId, update: updateWithText('accepted', 9), author: 'a b' })).rejects.toSatisfy(
      (error: unknown) => isDomainError(error) && error.code === 'sync.document-frozen',
    );
  });
});
