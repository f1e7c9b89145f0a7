/**
 * The DocumentStore port on DynamoDB: one partition per document (`DOC#<docId>`) holding the
 * head, one item per update, and the snapshot parts. Every step is a single-item conditional
 * write or a consistent read (dynalite has no transactions). The layout is in README.md.
 *
 * Write order is what keeps acknowledged updates safe without transactions:
 * - append: the head's counters first (its condition is the freeze check), then the update
 *   item(s) (`document-append.ts`; `document-room-read.ts` when the room read checks the freeze);
 * - commit: the new snapshot parts first, then the head moves (conditionally), then the merged
 *   updates and the snapshots two versions old are deleted (`document-commit.ts`);
 * - load: head, then snapshot and updates, then the head again (`document-load.ts`).
 * Freezing, the compaction lease and the authors since the last version are fields of the head
 * (`document-freeze.ts`, `document-lease.ts`, `document-authors.ts`). This module wires them up.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DocumentStore } from '@concord/sync/ports';
import { shareNext } from '@concord/sync/share-next';
import { throughFreezeFences } from '@concord/sync/freeze-fence';
import { storeKeyOf } from './client.ts';
import { monotonicFactory } from 'ulid';
import { appendBatch } from './document-append.ts';
import { takeAuthors } from './document-authors.ts';
import { commitSnapshot } from './document-commit.ts';
import { freeze, frozenBy, unfreeze } from './document-freeze.ts';
import { acquireLease, releaseLease } from './document-lease.ts';
import { loadDocument } from './document-load.ts';
import { createUncheckedAppends } from './document-room-read.ts';
import { createGroupCommit } from './group-commit.ts';
import { pooledRandomBytes } from './random-bytes.ts';
import { sharedSnapshotCache, type SnapshotCache } from './snapshot-cache.ts';

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
