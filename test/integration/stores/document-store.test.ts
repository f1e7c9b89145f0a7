import { isDomainError } from '@concord/core';
import { createDocumentStore, createDynamoClient } from '@concord/data';
import { queryAll } from '@concord/data/requests';
import { createSnapshotCache } from '@concord/data/snapshot-cache';
import type { DocumentState, DocumentStore } from '@concord/sync';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startDynalite } from '../../support/dynalite.ts';
import { failRequests, holdRequest, mentions, recordRequests, type RequestView } from '../../support/request-hooks.ts';
import { storeFactories } from '../../support/stores.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const texts = (state: DocumentState) => state.updates.map((u) => decode(u.update));
/** Bytes that differ position by position, so a reordered or truncated part shows. */
const large = (size: number, seed: number) => Uint8Array.from({ length: size }, (_, i) => (i * 7 + seed + (i >> 10)) % 256);

async function expectConflict(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(isDomainError(error) && error.kind === 'conflict' && error.code === 'sync.compaction-superseded').toBe(true);
}

async function compactAll(input: { documents: DocumentStore; docId: string; owner: string; snapshot: Uint8Array }) {
  const { documents, docId, owner } = input;
  expect(await documents.acquireLease({ docId, owner, now: 1_000, ttlMs: 60_000 })).toBe(true);
  const state = await documents.load({ docId });
  await documents.commitSnapshot({ docId, owner, baseVersion: state.version, snapshot: input.snapshot, merged: state.updates });
  await documents.releaseLease({ docId, owner });
  return state;
}

describe.each(storeFactories)('[DC1–DC4] DocumentStore ($name)', (factory) => {
  it('loads an empty document as version 0 with no snapshot and no updates', async () => {
    const documents = await factory.documents();
    expect(await documents.load({ docId: 'stmt_empty' })).toEqual({ snapshot: null, version: 0, updates: [] });
  });

  it('tells a load whether the head it read named a freeze, before and after a compaction', async () => {
    const documents = await factory.documents();
    const docId = 'stmt_seen';
    const seen: boolean[] = [];
    const sawFreeze = (frozen: boolean) => seen.push(frozen);
    await documents.appendUpdate({ docId, update: encode('a'), origin: 'conn1' });
    expect(await documents.freeze({ docId, by: 'call_1' })).toBe(true);
    await documents.load({ docId, sawFreeze });
    await documents.unfreeze({ docId, by: 'call_1' });
    await documents.load({ docId, sawFreeze });
    // After a compaction this process keeps the snapshot, and a load reads the head on its own.
    await compactAll({ documents, docId, owner: 'owner1', snapshot: encode('a') });
    expect(await documents.freeze({ docId, by: 'call_2' })).toBe(true);
    await documents.load({ docId, sawFreeze });
    await documents.unfreeze({ docId, by: 'call_2' });
    await documents.load({ docId, sawFreeze });
    expect(seen).toEqual([true, false, true, false]);
  });

  it('loads every appended update, in append order', async () => {
    const documents = await factory.documents();
    for (let n = 0; n < 30; n++) await documents.appendUpdate({ docId: 'stmt_a', update: encode(`u${n}`), origin: 'conn1' });
    await documents.appendUpdate({ docId: 'stmt_other', update: encode('elsewhere'), origin: 'conn2' });
    const state = await documents.load({ docId: 'stmt_a' });
    expect(texts(state)).toEqual(Array.from({ length: 30 }, (_, n) => `u${n}`));
    expect(new Set(state.updates.map((u) => u.key)).size).toBe(30);
  });

  it('counts the tail in updates and bytes', async () => {
    const documents = await factory.documents();
    expect(await documents.appendUpdate({ docId: 'stmt_t', update: encode('abc'), origin: 'c' })).toEqual({ count: 1, bytes: 3 });
    expect(await documents.appendUpdate({ docId: 'stmt_t', update: encode('de'), origin: 'c' })).toEqual({ count: 2, bytes: 5 });
    await compactAll({ documents, docId: 'stmt_t', owner: 'o', snapshot: encode('S') });
    expect(await documents.appendUpdate({ docId: 'stmt_t', update: encode('f'), origin: 'c' })).toEqual({ count: 1, bytes: 1 });
  });

  it('round-trips a 700 KB update and a 700 KB snapshot', async () => {
    const documents = await factory.documents();
    const update = large(700 * 1024, 1);
    await documents.appendUpdate({ docId: 'stmt_big', update, origin: 'c' });
    await documents.appendUpdate({ docId: 'stmt_big', update: encode('small'), origin: 'c' });
    const loaded = await documents.load({ docId: 'stmt_big' });
    expect(loaded.updates).toHaveLength(2);
    expect(Buffer.from(loaded.updates[0]!.update).equals(Buffer.from(update))).toBe(true);

    const snapshot = large(700 * 1024, 2);
    await compactAll({ documents, docId: 'stmt_big', owner: 'o', snapshot });
    const compacted = await documents.load({ docId: 'stmt_big' });
    expect(compacted.version).toBe(1);
    expect(compacted.updates).toEqual([]);
    expect(Buffer.from(compacted.snapshot!).equals(Buffer.from(snapshot))).toBe(true);
  });

  it('commits a snapshot: the head moves and exactly the merged updates go, while one appended after the load stays', async () => {
    const documents = await factory.documents();
    const docId = 'stmt_commit';
    for (const text of ['a', 'b']) await documents.appendUpdate({ docId, update: encode(text), origin: 'c' });
    expect(await documents.acquireLease({ docId, owner: 'compactor', now: 1_000, ttlMs: 60_000 })).toBe(true);
    const state = await documents.load({ docId });
    await documents.appendUpdate({ docId, update: encode('c'), origin: 'c' });
    await documents.commitSnapshot({ docId, owner: 'compactor', baseVersion: state.version, snapshot: encode('AB'), merged: state.updates });
    const after = await documents.load({ docId });
    expect(after.version).toBe(state.version + 1);
    expect(decode(after.snapshot!)).toBe('AB');
    expect(texts(after)).toEqual(['c']);
  });

  it('refuses a commit from a stale base version and changes nothing visible', async () => {
    const documents = await factory.documents();
    const docId = 'stmt_stale';
    await documents.appendUpdate({ docId, update: encode('a'), origin: 'c' });
    const first = await compactAll({ documents, docId, owner: 'one', snapshot: encode('A') });
    await documents.appendUpdate({ docId, update: encode('b'), origin: 'c' });
    expect(await documents.acquireLease({ docId, owner: 'two', now: 2_000, ttlMs: 60_000 })).toBe(true);
    const before = await documents.load({ docId });
    await expectConflict(
      documents.commitSnapshot({ docId, owner: 'two', baseVersion: first.version, snapshot: encode('stale'), merged: before.updates }),
    );
    expect(await documents.load({ docId })).toEqual(before);
  });

  it('refuses a commit without the lease, or with a lease another owner holds, and changes nothing visible', async () => {
    const documents = await factory.documents();
    const docId = 'stmt_lease_commit';
    await documents.appendUpdate({ docId, update: encode('a'), origin: 'c' });
    const before = await documents.load({ docId });
    const attempt = (owner: string) => documents.commitSnapshot({ docId, owner, baseVersion: 0, snapshot: encode('X'), merged: before.updates });
    await expectConflict(attempt('nobody'));
    expect(await documents.acquireLease({ docId, owner: 'holder', now: 1_000, ttlMs: 60_000 })).toBe(true);
    await expectConflict(attempt('intruder'));
    await documents.releaseLease({ docId, owner: 'holder' });
    await expectConflict(attempt('holder'));
    expect(await documents.load({ docId })).toEqual(before);
  });

  it('grants the lease to one owner at a time until it expires or is released', async () => {
    const documents = await factory.documents();
    const docId = 'stmt_lease';
    expect(await documents.acquireLease({ docId, owner: 'a', now: 1_000, ttlMs: 100 })).toBe(true);
    expect(await documents.acquireLease({ docId, owner: 'b', now: 1_050, ttlMs: 100 })).toBe(false);
    expect(await documents.acquireLease({ docId, owner: 'a', now: 1_050, ttlMs: 100 })).toBe(true);
    expect(await documents.acquireLease({ docId, owner: 'b', now: 1_149, ttlMs: 100 })).toBe(false);
    expect(await documents.acquireLease({ docId, owner: 'b', now: 1_150, ttlMs: 100 })).toBe(true);
    await documents.releaseLease({ docId, owner: 'a' });
    expect(await documents.acquireLease({ docId, owner: 'c', now: 1_200, ttlMs: 100 })).toBe(false);
    await documents.releaseLease({ docId, owner: 'b' });
    expect(await documents.acquireLease({ docId, owner: 'c', now: 1_200, ttlMs: 100 })).toBe(true);
  });

  it('lets exactly one of many concurrent owners take a free lease', async () => {
    const documents = await factory.documents();
    const owners = Array.from({ length: 8 }, (_, i) => `owner${i}`);
    const granted = await Promise.all(owners.map((owner) => documents.acquireLease({ docId: 'stmt_race', owner, now: 1_000, ttlMs: 60_000 })));
    expect(granted.filter(Boolean)).toHaveLength(1);
  });

  it('never misses an acknowledged update in a load while appends and compactions run concurrently', async () => {
    const documents = await factory.documents({ jitterMs: 8 });
    const docId = 'stmt_concurrent';
    const acknowledged = new Set<string>();
    const idsOf = (bytes: Uint8Array | null): string[] => (bytes ? (JSON.parse(decode(bytes)) as string[]) : []);
    const contents = (state: DocumentState) => new Set([...idsOf(state.snapshot), ...texts(state)]);
    let running = true;

    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let n = 0; n < 40; n++) {
        const id = `w${w}-${n}`;
        await documents.appendUpdate({ docId, update: encode(id), origin: `conn${w}` });
        acknowledged.add(id);
      }
    });
    let commits = 0;
    const compactor = (async () => {
      for (let round = 0; running; round++) {
        const owner = `compactor${round}`;
        if (!(await documents.acquireLease({ docId, owner, now: round, ttlMs: 60_000 }))) continue;
        const state = await documents.load({ docId });
        const snapshot = encode(JSON.stringify([...contents(state)]));
        await documents.commitSnapshot({ docId, owner, baseVersion: state.version, snapshot, merged: state.updates });
        commits += 1;
        await documents.releaseLease({ docId, owner });
      }
    })();
    const misses: string[] = [];
    const readers = Array.from({ length: 3 }, async () => {
      while (running) {
        const expected = [...acknowledged];
        const seen = contents(await documents.load({ docId }));
        misses.push(...expected.filter((id) => !seen.has(id)));
      }
    });

    await Promise.all(writers);
    running = false;
    await Promise.all([compactor, ...readers]);
    expect(misses).toEqual([]);
    expect(commits).toBeGreaterThan(1);
    expect(contents(await documents.load({ docId }))).toEqual(acknowledged);
  });
});

describe('DocumentStore on DynamoDB', () => {
  // A load is one Query (head, snapshot and updates: one key range), then a second look at the
  // head (a GetItem): the window a compaction can slip into is between the two.
  const isHeadReRead = (request: RequestView) => request.command === 'GetItemCommand' && (request.input.Key as { sk?: string } | undefined)?.sk === 'HEAD';

  async function twoStores() {
    const dynamo = await startDynalite();
    const readerClient = createDynamoClient({ endpoint: dynamo.endpoint });
    onTestFinished(() => readerClient.destroy());
    return {
      ...dynamo,
      readerClient,
      reader: createDocumentStore({ client: readerClient, tableName: dynamo.tableName }),
      writer: createDocumentStore({ client: dynamo.client, tableName: dynamo.tableName }),
    };
  }

  it('finds every update when a compaction commits and deletes after the load read the head and the updates, before it looks at the head again', async () => {
    const { readerClient, reader, writer } = await twoStores();
    const docId = 'stmt_race';
    for (const text of ['a', 'b']) await writer.appendUpdate({ docId, update: encode(text), origin: 'c' });
    const hold = holdRequest({ client: readerClient, when: isHeadReRead });
    const loading = reader.load({ docId });
    await hold.reached;
    await compactAll({ documents: writer, docId, owner: 'o', snapshot: encode('AB') });
    hold.release();
    const state = await loading;
    expect({ version: state.version, snapshot: decode(state.snapshot!), updates: texts(state) }).toEqual({ version: 1, snapshot: 'AB', updates: [] });
  });

  // Newcomers arriving together (a host restart reconnects every socket) each load the text.
  it('loads asked for while one is under way share the next, which finds what was appended before they asked', async () => {
    const { readerClient, reader, writer } = await twoStores();
    const docId = 'stmt_crowd';
    await writer.appendUpdate({ docId, update: encode('a'), origin: 'c' });
    const hold = holdRequest({ client: readerClient, when: isHeadReRead });
    const underWay = reader.load({ docId });
    await hold.reached;
    await writer.appendUpdate({ docId, update: encode('b'), origin: 'c' });
    const requests = recordRequests({ client: readerClient });
    const crowd = Array.from({ length: 6 }, () => reader.load({ docId }));
    hold.release();
    expect(texts(await underWay)).toEqual(['a']);
    for (const state of await Promise.all(crowd)) expect(texts(state)).toEqual(['a', 'b']);
    expect(requests.filter((r) => r.command === 'QueryCommand')).toHaveLength(1);
  });

  it('reads again when the snapshot it read is replaced twice before it looks at the head again', async () => {
    const { readerClient, reader, writer } = await twoStores();
    const docId = 'stmt_gone';
    await writer.appendUpdate({ docId, update: encode('a'), origin: 'c' });
    await compactAll({ documents: writer, docId, owner: 'o', snapshot: encode('v1') });
    const hold = holdRequest({ client: readerClient, when: isHeadReRead });
    const loading = reader.load({ docId });
    await hold.reached;
    for (const snapshot of ['v2', 'v3']) {
      await writer.appendUpdate({ docId, update: encode(snapshot), origin: 'c' });
      await compactAll({ documents: writer, docId, owner: 'o', snapshot: encode(snapshot) });
    }
    hold.release();
    const state = await loading;
    expect({ version: state.version, snapshot: decode(state.snapshot!), updates: texts(state) }).toEqual({ version: 3, snapshot: 'v3', updates: [] });
  });

  // A snapshot is immutable once the head names it, so stores keep the ones they read or wrote
  // (snapshot-cache.ts) and a later load reads only the tail and the head. Each store of
  // `twoStores` has a cache of its own, as two processes would.
  const queriedFrom = (request: RequestView) => (request.command === 'QueryCommand' ? (request.input.ExpressionAttributeValues as Record<string, unknown>)[':from'] : undefined);
  const reads = (requests: RequestView[]) => requests.map((r) => [r.command, queriedFrom(r)]);

  async function twoProcesses() {
    const stores = await twoStores();
    return {
      ...stores,
      reader: createDocumentStore({ client: stores.readerClient, tableName: stores.tableName, snapshotCache: createSnapshotCache() }),
      writer: createDocumentStore({ client: stores.client, tableName: stores.tableName, snapshotCache: createSnapshotCache() }),
    };
  }

  it('with the snapshot it read kept, a load reads only the tail and the head, and still finds every update', async () => {
    const { readerClient, reader, writer } = await twoProcesses();
    const docId = 'stmt_kept';
    await writer.appendUpdate({ docId, update: encode('a'), origin: 'c' });
    await compactAll({ documents: writer, docId, owner: 'o', snapshot: encode('v1') });
    expect(decode((await reader.load({ docId })).snapshot!)).toBe('v1');
    await writer.appendUpdate({ docId, update: encode('b'), origin: 'c' });
    const requests = recordRequests({ client: readerClient });
    const state = await reader.load({ docId });
    expect({ version: state.version, snapshot: decode(state.snapshot!), updates: texts(state) }).toEqual({ version: 1, snapshot: 'v1', updates: ['b'] });
    expect(reads(requests)).toEqual([
      ['QueryCommand', 'U#'],
      ['GetItemCommand', undefined],
    ]);
  });

  it('with a kept snapshot, reads the one the head names when another process compacted since', async () => {
    const { readerClient, reader, writer } = await twoProcesses();
    const docId = 'stmt_kept_stale';
    await writer.appendUpdate({ docId, update: encode('a'), origin: 'c' });
    await compactAll({ documents: writer, docId, owner: 'o', snapshot: encode('v1') });
    await reader.load({ docId });
    await writer.appendUpdate({ docId, update: encode('b'), origin: 'c' });
    await compactAll({ documents: writer, docId, owner: 'o', snapshot: encode('v2') });
    await writer.appendUpdate({ docId, update: encode('c'), origin: 'c' });
    const requests = recordRequests({ client: readerClient });
    const state = await reader.load({ docId });
    expect({ version: state.version, snapshot: decode(state.snapshot!), updates: texts(state) }).toEqual({ version: 2, snapshot: 'v2', updates: ['c'] });
    expect(reads(requests).map(([command, from]) => [command, typeof from === 'string' ? from.slice(0, 7) : from])).toEqual([
      ['QueryCommand', 'U#'],
      ['GetItemCommand', undefined],
      ['QueryCommand', 'SNAP#00'],
    ]);
  });

  it('with a kept snapshot, finds every update when a compaction commits and deletes between reading the tail and looking at the head', async () => {
    const { readerClient, reader, writer } = await twoProcesses();
    const docId = 'stmt_kept_race';
    await writer.appendUpdate({ docId, update: encode('a'), origin: 'c' });
    await compactAll({ documents: writer, docId, owner: 'o', snapshot: encode('A') });
    await reader.load({ docId });
    for (const text of ['b', 'c']) await writer.appendUpdate({ docId, update: encode(text), origin: 'c' });
    const hold = holdRequest({ client: readerClient, when: isHeadReRead });
    const loading = reader.load({ docId });
    await hold.reached;
    await compactAll({ documents: writer, docId, owner: 'o', snapshot: encode('ABC') });
    hold.release();
    const state = await loading;
    // The tail was read before the compaction deleted it: overlap with the snapshot, which Yjs ignores.
    expect({ version: state.version, snapshot: decode(state.snapshot!), updates: texts(state) }).toEqual({ version: 2, snapshot: 'ABC', updates: ['b', 'c'] });
  });

  it('with a kept snapshot, loads in full when the snapshot the head named is gone before its parts are read', async () => {
    const { readerClient, reader, writer } = await twoProcesses();
    const docId = 'stmt_kept_gone';
    await writer.appendUpdate({ docId, update: encode('a'), origin: 'c' });
    await compactAll({ documents: writer, docId, owner: 'o', snapshot: encode('v1') });
    await reader.load({ docId });
    await writer.appendUpdate({ docId, update: encode('b'), origin: 'c' });
    await compactAll({ documents: writer, docId, owner: 'o', snapshot: encode('v2') });
    const hold = holdRequest({ client: readerClient, when: (request) => String(queriedFrom(request) ?? '').startsWith('SNAP#') });
    const loading = reader.load({ docId });
    await hold.reached;
    for (const snapshot of ['v3', 'v4']) {
      await writer.appendUpdate({ docId, update: encode(snapshot), origin: 'c' });
      await compactAll({ documents: writer, docId, owner: 'o', snapshot: encode(snapshot) });
    }
    await writer.appendUpdate({ docId, update: encode('e'), origin: 'c' });
    hold.release();
    const state = await loading;
    expect({ version: state.version, snapshot: decode(state.snapshot!), updates: texts(state) }).toEqual({ version: 4, snapshot: 'v4', updates: ['e'] });
  });

  it("keeps the snapshot its own compaction wrote, for every store of the process: the next load reads only the tail and the head", async () => {
    const { readerClient, reader, writer } = await twoStores();
    const docId = 'stmt_kept_own';
    await writer.appendUpdate({ docId, update: encode('a'), origin: 'c' });
    await compactAll({ documents: writer, docId, owner: 'o', snapshot: encode('A') });
    const requests = recordRequests({ client: readerClient });
    const state = await reader.load({ docId });
    expect(decode(state.snapshot!)).toBe('A');
    expect(reads(requests)).toEqual([
      ['QueryCommand', 'U#'],
      ['GetItemCommand', undefined],
    ]);
  });

  // One snapshot, not two (issue 16: stored bytes 1.98× → 1.00× compact); a reader that read the
  // previous head loads again when its parts are gone (covered by the concurrent-load test above).
  it('keeps only the current snapshot', async () => {
    const { client, tableName, writer } = await twoStores();
    const docId = 'stmt_versions';
    for (let version = 1; version <= 4; version++) {
      await writer.appendUpdate({ docId, update: encode(`u${version}`), origin: 'c' });
      await compactAll({ documents: writer, docId, owner: 'o', snapshot: large(400 * 1024, version) });
    }
    const items = await queryAll({
      client,
      query: {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `DOC#${docId}`, ':prefix': 'SNAP#' },
        ProjectionExpression: 'sk',
      },
    });
    const versions = new Set(items.map((item) => Number(String(item.sk).split('#')[1])));
    expect([...versions].sort()).toEqual([4]);
    expect(items).toHaveLength(2);
  });

  it('deletes every part of a merged split update', async () => {
    const { client, tableName, writer } = await twoStores();
    const docId = 'stmt_split_merged';
    await writer.appendUpdate({ docId, update: large(700 * 1024, 5), origin: 'c' });
    await compactAll({ documents: writer, docId, owner: 'o', snapshot: encode('S') });
    const items = await queryAll({
      client,
      query: { TableName: tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': `DOC#${docId}`, ':prefix': 'U#' } },
    });
    expect(items).toEqual([]);
  });

  it('hides a split update whose writer died before writing every part, and compaction leaves it alone', async () => {
    const { client, reader, writer } = await twoStores();
    const docId = 'stmt_torn_parts';
    await writer.appendUpdate({ docId, update: encode('before'), origin: 'c' });
    failRequests({ client, when: (r) => r.command.startsWith('Put'), allow: 1 });
    await expect(writer.appendUpdate({ docId, update: large(700 * 1024, 3), origin: 'c' })).rejects.toThrow('on purpose');
    expect(texts(await reader.load({ docId }))).toEqual(['before']);
  });

  it('hides a split update whose parts were written but not all sealed, and compaction leaves it alone', async () => {
    const { client, tableName, reader } = await twoStores();
    const docId = 'stmt_unsealed';
    const writer = createDocumentStore({ client, tableName });
    failRequests({ client, when: (r) => r.command.startsWith('Update') && String(r.input.UpdateExpression).startsWith('REMOVE'), allow: 1 });
    await expect(writer.appendUpdate({ docId, update: large(700 * 1024, 4), origin: 'c' })).rejects.toThrow('on purpose');
    await reader.appendUpdate({ docId, update: encode('after'), origin: 'c' });
    expect(texts(await reader.load({ docId }))).toEqual(['after']);

    await compactAll({ documents: reader, docId, owner: 'o', snapshot: encode('S') });
    const parts = await queryAll({
      client,
      query: {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `DOC#${docId}`, ':prefix': 'U#' },
        ProjectionExpression: 'sk, expiresAt',
      },
    });
    expect(parts).toHaveLength(3);
    expect(parts.filter((part) => typeof part.expiresAt === 'number')).toHaveLength(2);
    expect((await reader.load({ docId })).updates).toEqual([]);
  });

  it('refuses to delete keys it never handed out, before changing anything', async () => {
    const { writer } = await twoStores();
    const docId = 'stmt_foreign';
    await writer.appendUpdate({ docId, update: encode('a'), origin: 'c' });
    expect(await writer.acquireLease({ docId, owner: 'o', now: 1, ttlMs: 60_000 })).toBe(true);
    const before = await writer.load({ docId });
    const error = await writer
      .commitSnapshot({ docId, owner: 'o', baseVersion: 0, snapshot: encode('S'), merged: [{ key: 'U#000000000001#conn', update: encode('a') }] })
      .then(() => null, (e: unknown) => e);
    expect(isDomainError(error) && error.kind === 'input').toBe(true);
    expect(await writer.load({ docId })).toEqual(before);
  });
});
