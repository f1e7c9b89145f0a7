/**
 * Group commit over dynalite: concurrent appends to one document share writes, and a batch whose
 * write dies (the store failing mid-batch, as a crash would) fails every append in it — so every
 * append that resolved (was acknowledged) is in a later load.
 */
import { createDocumentStore } from '@concord/data';
import { describe, expect, it } from 'vitest';
import { startDynalite } from '../../support/dynalite.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('DocumentStore with group commit (dynalite)', () => {
  it('writes concurrent appends in fewer requests and loads every one', async () => {
    const dynamo = await startDynalite();
    const requests: string[] = [];
    dynamo.client.middlewareStack.add((next, context) => async (args) => (requests.push(String(context.commandName)), next(args)), { step: 'initialize' });
    const documents = createDocumentStore({ ...dynamo, groupCommit: true });
    const ids = Array.from({ length: 40 }, (_, i) => `u${i}`);

    await Promise.all(ids.map((id) => documents.appendUpdate({ docId: 'stmt_g', update: encode(id), origin: 'c' })));

    const state = await documents.load({ docId: 'stmt_g' });
    expect(state.updates.map((u) => decode(u.update)).sort()).toEqual([...ids].sort());
    const writes = requests.filter((name) => /Put|BatchWrite|Update/.test(name));
    expect(writes.length).toBeLessThan(ids.length);
  });

  it('[G7] loses no acknowledged append when a batch’s write fails mid-way', async () => {
    const dynamo = await startDynalite();
    let batchWrites = 0;
    dynamo.client.middlewareStack.add(
      (next, context) => async (args) => {
        if (/BatchWrite/.test(String(context.commandName)) && ++batchWrites === 1) throw new Error('the host died mid-batch');
        return next(args);
      },
      { step: 'initialize' },
    );
    const documents = createDocumentStore({ ...dynamo, groupCommit: true });
    const acknowledged: string[] = [];
    const failed: string[] = [];
    const rounds = Array.from({ length: 4 }, async (_, round) => {
      await new Promise((resolve) => setTimeout(resolve, round * 5));
      await Promise.all(
        Array.from({ length: 10 }, (_, i) => `r${round}-${i}`).map((id) =>
          documents.appendUpdate({ docId: 'stmt_crash', update: encode(id), origin: 'c' }).then(
            () => acknowledged.push(id),
            () => failed.push(id),
          ),
        ),
      );
    });
    await Promise.all(rounds);

    expect(failed.length).toBeGreaterThan(0);
    expect(acknowledged.length).toBeGreaterThan(0);
    const stored = new Set((await documents.load({ docId: 'stmt_crash' })).updates.map((u) => decode(u.update)));
    for (const id of acknowledged) expect(stored.has(id)).toBe(true);
  });
});
