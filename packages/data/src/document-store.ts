/**
 * The DocumentStore port on DynamoDB: one partition per document (`DOC#<docId>`) holding the
 * head, one item per update, and the snapshot parts. Every step is a single-item conditional
 * write or a consistent read (dynalite has no transactions). The layout is in README.md.
 *
 * Write order is what keeps acknowledged updates safe without transactions:
 * - append: the update item(s) first, then `ADD` to the head's tail counters;
 * - commit: the new snapshot parts first, then the head moves (conditionally), then the merged
 *   updates and the snapshots two versions old are deleted;
 * - load: head, then snapshot and updates, then the head again (see `document-load.ts`).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DocumentStore, TailStats } from '@concord/sync/ports';
import { shareNext } from '@concord/sync/share-next';
import { throughFreezeFences } from '@concord/sync/freeze-fence';
import { storeKeyOf } from './client.ts';
import { monotonicFactory } from 'ulid';
import { commitSnapshot } from './document-commit.ts';
import { createGroupCommit, type PendingAppend } from './group-commit.ts';
import { loadDocument } from './document-load.ts';
import { documentKeys } from './keys.ts';
import { createUncheckedAppends } from './document-room-read.ts';
import { writeSplitUpdate } from './document-writes.ts';
import { splitBytes } from './parts.ts';
import { pooledRandomBytes } from './random-bytes.ts';
import { sharedSnapshotCache, type SnapshotCache } from './snapshot-cache.ts';
import { getOne, key, num, putAll, putItem, updateIf, updateItem, type Item } from './requests.ts';
import { fail } from '@concord/core';
import { tableDefinition } from './table-definition.ts';

/** What the document modules share. */
export interface DocumentContext {
  client: DynamoDBDocumentClient;
  tableName: string;
  now: () => number;
  /** A new ULID, increasing within this store even when called twice in one millisecond. */
  newId: () => string;
  /** Snapshots this process's stores read or wrote, so that a load need not read them again (`snapshot-cache.ts`). */
  snapshots?: SnapshotCache;
}

export interface DocumentStoreOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
  /** Epoch ms; stamps `updatedAt`, ULIDs and the expiry of half-written parts. */
  now?: () => number;
  /** `n` random bytes; defaults to the system's CSPRNG, drawn in blocks (random-bytes.ts). */
  random?: (n: number) => Uint8Array;
  /**
   * Group one document's appends while a write is in flight (group-commit.ts). For a long-lived
   * process with many writers (the local host); a Lambda handles one frame and has none to group.
   */
  groupCommit?: boolean;
  /**
   * `'room-read'` (Lambda's realtime handlers): an append is one PutItem, with no head update —
   * the handler checks the freeze by reading the room with the head after it, takes back what a
   * freeze caught (`retract`) and adds a missing author (`addAuthor`). PROTOCOL.md §3. The tail
   * counters that trigger compaction are then this process's own count (`tail-counter.ts`).
   */
  freezeCheck?: 'append' | 'room-read';
  /**
   * Where kept snapshots go: by default the process's one, shared by all its stores (a store that
   * compacts a document keeps the snapshot for the one that loads it). A test gives a store one
   * of its own to play another process.
   */
  snapshotCache?: SnapshotCache;
}

/** The DocumentStore port on DynamoDB; same contract as `createMemoryDocumentStore`. */
export function createDocumentStore(options: DocumentStoreOptions): DocumentStore {
  const now = options.now ?? Date.now;
  const random = options.random ?? pooledRandomBytes();
  const ulid = monotonicFactory(() => (random(1)[0] ?? 0) / 256);
  const context: DocumentContext = { client: options.client, tableName: options.tableName, now, newId: () => ulid(now()), snapshots: options.snapshotCache ?? sharedSnapshotCache() };
  const group = options.groupCommit ? createGroupCommit((input) => appendBatch({ context, ...input })) : null;
  // A process that owns this store (the local host) may fence its freezes: see freeze-fence.ts.
  let storeKey: Promise<string | null> | null = null;
  const fenced = throughFreezeFences({
    storeKey: () => (storeKey ??= storeKeyOf(options.client, options.tableName)),
    freeze: (input) => freeze({ context, ...input }),
    unfreeze: (input) => unfreeze({ context, ...input }),
  });

  if (options.freezeCheck === 'room-read') {
    if (group) throw new Error('group commit needs the head update that a room-read append leaves out');
    return { ...common(context, fenced), ...createUncheckedAppends(context), freezeCheck: 'room-read' };
  }
  return {
    appendUpdate: (input) => (group ? group.append(input) : appendBatch({ context, docId: input.docId, batch: [input], admit: () => input.admitted?.() })),
    ...common(context, fenced),
  };
}

/** Everything but the appends: the same whichever way the freeze is checked. */
function common(context: DocumentContext, fenced: Pick<DocumentStore, 'freeze' | 'unfreeze'>): Omit<DocumentStore, 'appendUpdate'> {
  const load = shareNext((docId) => loadDocument({ context, docId }));
  return {
    load: async ({ docId, sawFreeze }) => {
      const { state, frozen } = await load(docId);
      sawFreeze?.(frozen);
      return state;
    },
    takeAuthors: ({ docId }) => takeAuthors({ context, docId }),
    freeze: fenced.freeze,
    unfreeze: fenced.unfreeze,
    frozenBy: ({ docId }) => frozenBy({ context, docId }),
    acquireLease: (input) => acquireLease({ context, ...input }),
    commitSnapshot: (input) => commitSnapshot({ context, ...input }),
    releaseLease: (input) => releaseLease({ context, ...input }),
  };
}

/**
 * Appends one update, or a group commit's batch: the head once (freeze check, counters, authors),
 * then each update as its own item — one PutItem, or one BatchWriteItem for a batch.
 */
async function appendBatch(input: { context: DocumentContext; docId: string; batch: readonly PendingAppend[]; admit: () => void }): Promise<TailStats> {
  const { context, docId, batch } = input;
  const pk = documentKeys.pk(docId);
  const bytes = batch.reduce((n, one) => n + one.update.length, 0);
  const authors = [...new Set(batch.flatMap((one) => (one.author ? [one.author] : [])))];
  // The head first: its condition is the freeze check (a consensus call), so nothing is stored
  // while the text is frozen. A crash before the puts leaves the counters ahead: harmless.
  const head = await countOnHead({ context, pk, count: batch.length, bytes, authors });
  input.admit();
  const whole: Item[] = [];
  const split: Promise<void>[] = [];
  for (const { update, origin } of batch) {
    const id = context.newId();
    const pieces = splitBytes({ bytes: update });
    if (pieces.length === 1) whole.push({ ...key({ pk, sk: documentKeys.update(id) }), bytes: update, origin });
    else split.push(writeSplitUpdate({ context, pk, id, pieces, origin }));
  }
  const items = whole.length === 1 ? putItem({ ...context, item: whole[0]! }) : putAll({ ...context, items: whole });
  await Promise.all([items, ...split]);
  // A compaction may subtract an update before that update's own ADD lands.
  return { count: Math.max(0, num(head, 'tailCount') ?? 0), bytes: Math.max(0, num(head, 'tailBytes') ?? 0) };
}

async function countOnHead(input: { context: DocumentContext; pk: string; count: number; bytes: number; authors: readonly string[] }) {
  const { context, pk, count, bytes, authors } = input;
  const author = authors.length > 0;
  const head = await updateIf({
    ...context,
    key: key({ pk, sk: documentKeys.head }),
    // The author rides on the head's counter update: no extra request per keystroke.
    update: `ADD tailCount :one, tailBytes :bytes${author ? ', authors :author' : ''} SET updatedAt = :now`,
    condition: 'attribute_not_exists(frozenBy)',
    values: { ':one': count, ':bytes': bytes, ':now': context.now(), ...(author ? { ':author': new Set(authors) } : {}) },
    returning: 'UPDATED_NEW',
  });
  if (!head) throw fail.conflict('sync.document-frozen', 'the text is frozen for a consensus call');
  return head;
}

const headKey = (docId: string) => key({ pk: documentKeys.pk(docId), sk: documentKeys.head });

/** Reads the head's author set, then removes exactly those: authors added meanwhile stay. */
async function takeAuthors(input: { context: DocumentContext; docId: string }): Promise<string[]> {
  const { context, docId } = input;
  const stored = (await getOne({ ...context, key: headKey(docId), projection: 'authors' }))?.authors;
  const authors = stored instanceof Set ? [...stored].filter((a): a is string => typeof a === 'string') : [];
  if (authors.length === 0) return [];
  await updateItem({ ...context, key: headKey(docId), update: 'DELETE authors :taken', values: { ':taken': new Set(authors) } });
  return authors;
}

async function freeze(input: { context: DocumentContext; docId: string; by: string }): Promise<boolean> {
  const { context, docId, by } = input;
  return updateIf({ ...context, key: headKey(docId), update: 'SET frozenBy = :by', condition: 'attribute_not_exists(frozenBy)', values: { ':by': by } });
}

async function unfreeze(input: { context: DocumentContext; docId: string; by: string }): Promise<void> {
  const { context, docId, by } = input;
  await updateIf({ ...context, key: headKey(docId), update: 'REMOVE frozenBy', condition: 'frozenBy = :by', values: { ':by': by } });
}

async function frozenBy(input: { context: DocumentContext; docId: string }): Promise<string | null> {
  const { context, docId } = input;
  const value = (await getOne({ ...context, key: headKey(docId), projection: 'frozenBy' }))?.frozenBy;
  return typeof value === 'string' ? value : null;
}

async function acquireLease(input: { context: DocumentContext; docId: string; owner: string; now: number; ttlMs: number }): Promise<boolean> {
  const { context, docId, owner, now, ttlMs } = input;
  return updateIf({
    ...context,
    key: headKey(docId),
    update: 'SET leaseOwner = :owner, leaseUntil = :until',
    // A frozen text is not compacted (DocumentStore.acquireLease says why).
    condition: 'attribute_not_exists(frozenBy) AND (attribute_not_exists(leaseOwner) OR leaseOwner = :owner OR leaseUntil <= :now)',
    values: { ':owner': owner, ':until': now + ttlMs, ':now': now },
  });
}

async function releaseLease(input: { context: DocumentContext; docId: string; owner: string }): Promise<void> {
  const { context, docId, owner } = input;
  // Not ours (taken over after expiry, or never taken): nothing to release.
  await updateIf({ ...context, key: headKey(docId), update: 'REMOVE leaseOwner, leaseUntil', condition: 'leaseOwner = :owner', values: { ':owner': owner } });
}
