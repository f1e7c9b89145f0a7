/**
 * In-memory DocumentStore with the same contract as the DynamoDB one: for unit tests and the
 * seeded network. `pause` is awaited between the steps a real store would take as separate
 * requests, so a seeded scheduler can interleave concurrent handlers and compactions there.
 */
import { fail } from '@concord/core';
import type { DocumentState, DocumentStore, StoredUpdate, TailStats } from '../ports.ts';

interface MemoryDocument {
  version: number;
  snapshot: Uint8Array | null;
  updates: Map<string, Uint8Array>;
  tail: TailStats;
  lease: { owner: string; until: number } | null;
  authors: Set<string>;
  frozenBy: string | null;
}

export interface MemoryDocumentStoreOptions {
  /** Awaited between steps; defaults to nothing (but every method still yields once). */
  pause?: () => Promise<void>;
  /** Where the freeze is checked (`DocumentStore.freezeCheck`); 'append' by default. */
  freezeCheck?: 'append' | 'room-read';
}

export function createMemoryDocumentStore(options: MemoryDocumentStoreOptions = {}): DocumentStore & {
  /** Every document id with anything stored (tests only). */
  documentIds(): string[];
  /** What a registry reads with the room (`createMemoryConnectionRegistry({ heads })`). */
  head(docId: string): { frozenBy: string | null; authors: ReadonlySet<string> };
} {
  const documents = new Map<string, MemoryDocument>();
  const pause = options.pause ?? (() => Promise.resolve());
  let sequence = 0;

  const documentFor = (docId: string): MemoryDocument => {
    let doc = documents.get(docId);
    if (!doc) {
      doc = { version: 0, snapshot: null, updates: new Map(), tail: { count: 0, bytes: 0 }, lease: null, authors: new Set(), frozenBy: null };
      documents.set(docId, doc);
    }
    return doc;
  };

  const afterWrite = options.freezeCheck === 'room-read';

  return {
    ...(afterWrite ? { freezeCheck: 'room-read' as const } : {}),
    documentIds: () => [...documents.keys()],
    head: (docId) => {
      const doc = documentFor(docId);
      return { frozenBy: doc.frozenBy, authors: new Set(doc.authors) };
    },

    async appendUpdate({ docId, update, origin, author, admitted }) {
      await pause();
      const doc = documentFor(docId);
      // Checked after the write instead, by the caller's room read (see `freezeCheck`).
      if (doc.frozenBy && !afterWrite) throw fail.conflict('sync.document-frozen', 'the text is frozen for a consensus call');
      admitted?.();
      await pause();
      if (author && !afterWrite) doc.authors.add(author);
      sequence += 1;
      // Keys sort in append order, like the ULIDs of the DynamoDB store.
      const key = `U#${String(sequence).padStart(12, '0')}#${origin}`;
      doc.updates.set(key, update.slice());
      doc.tail = { count: doc.tail.count + 1, bytes: doc.tail.bytes + update.length };
      await pause();
      // Only a room-read store answers where it stored an update: its caller may take it back.
      return afterWrite ? { ...doc.tail, key } : { ...doc.tail };
    },

    async retract({ docId, key }) {
      await pause();
      const doc = documentFor(docId);
      const update = doc.updates.get(key);
      if (!update) return;
      doc.updates.delete(key);
      doc.tail = { count: Math.max(0, doc.tail.count - 1), bytes: Math.max(0, doc.tail.bytes - update.length) };
    },

    async addAuthor({ docId, author }) {
      await pause();
      documentFor(docId).authors.add(author);
    },

    async freeze({ docId, by }) {
      await pause();
      const doc = documentFor(docId);
      if (doc.frozenBy) return false;
      doc.frozenBy = by;
      return true;
    },

    async unfreeze({ docId, by }) {
      await pause();
      const doc = documentFor(docId);
      if (doc.frozenBy === by) doc.frozenBy = null;
    },

    async frozenBy({ docId }) {
      await pause();
      return documentFor(docId).frozenBy;
    },

    async takeAuthors({ docId }) {
      await pause();
      const doc = documentFor(docId);
      const authors = [...doc.authors];
      doc.authors.clear();
      return authors;
    },

    async load({ docId, sawFreeze }): Promise<DocumentState> {
      await pause();
      const doc = documentFor(docId);
      const updates: StoredUpdate[] = [...doc.updates].map(([key, update]) => ({ key, update }));
      sawFreeze?.(doc.frozenBy !== null);
      return { snapshot: doc.snapshot, version: doc.version, updates };
    },

    async acquireLease({ docId, owner, now, ttlMs }) {
      await pause();
      const doc = documentFor(docId);
      if (doc.frozenBy) return false;
      if (doc.lease && doc.lease.owner !== owner && doc.lease.until > now) return false;
      doc.lease = { owner, until: now + ttlMs };
      return true;
    },

    async commitSnapshot({ docId, owner, baseVersion, snapshot, merged }) {
      await pause();
      const doc = documentFor(docId);
      if (doc.version !== baseVersion || doc.lease?.owner !== owner || doc.frozenBy) {
        throw fail.conflict('sync.compaction-superseded', 'the document head moved or the lease was lost');
      }
      doc.snapshot = snapshot.slice();
      doc.version = baseVersion + 1;
      const mergedBytes = merged.reduce((n, u) => n + u.update.length, 0);
      doc.tail = {
        count: Math.max(0, doc.tail.count - merged.length),
        bytes: Math.max(0, doc.tail.bytes - mergedBytes),
      };
      await pause();
      for (const { key } of merged) {
        doc.updates.delete(key);
        await pause();
      }
    },

    async releaseLease({ docId, owner }) {
      await pause();
      const doc = documentFor(docId);
      if (doc.lease?.owner === owner) doc.lease = null;
    },
  };
}
