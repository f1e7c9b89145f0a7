/**
 * The documents sync step 1 answers from, kept built between newcomers. Building a B4-size
 * statement from its snapshot took 9–30 ms of the host's CPU on every connect; a kept document
 * only applies the updates stored since.
 *
 * A kept document is exactly its snapshot plus the updates it applied. It is reused only while
 * the store hands back the *same* snapshot (the same bytes object: the stores keep it while the
 * head names it) and every update it applied is still stored. Updates leave the tail without the
 * head moving only when a freeze caught them (`retract`): such an update must never reach a
 * newcomer, so a kept document that applied one is rebuilt from the snapshot.
 */
import * as Y from 'yjs';
import { documentFrom, serverSide } from './document.ts';
import type { DocumentState } from './ports.ts';

interface Kept {
  snapshot: Uint8Array;
  doc: Y.Doc;
  applied: Set<string>;
}

export interface SyncDocuments {
  /** Calls `use` with the document `state` describes; `use` must not keep it or change it. */
  read<T>(docId: string, state: DocumentState, use: (doc: Y.Doc) => T): T;
}

/** Keeps at most `limit` documents (a B4-size statement's is a few MB), least recently used out. */
export function createSyncDocuments(input: { limit?: number } = {}): SyncDocuments {
  const limit = input.limit ?? 8;
  const kept = new Map<string, Kept>();

  const drop = (docId: string) => {
    kept.get(docId)?.doc.destroy();
    kept.delete(docId);
  };

  function current(docId: string, snapshot: Uint8Array, state: DocumentState): Kept {
    const held = kept.get(docId);
    const stored = new Set(state.updates.map((u) => u.key));
    if (held && held.snapshot === snapshot && [...held.applied].every((key) => stored.has(key))) return held;
    drop(docId);
    const doc = new Y.Doc(serverSide);
    Y.applyUpdate(doc, snapshot);
    return { snapshot, doc, applied: new Set() };
  }

  return {
    read(docId, state, use) {
      const { snapshot } = state;
      if (!snapshot) {
        // Not compacted yet: nothing worth keeping, and no snapshot object to recognise it by.
        const doc = documentFrom(state);
        try {
          return use(doc);
        } finally {
          doc.destroy();
        }
      }
      let entry: Kept | undefined;
      try {
        entry = current(docId, snapshot, state);
        for (const { key, update } of state.updates) {
          if (entry.applied.has(key)) continue;
          Y.applyUpdate(entry.doc, update);
          entry.applied.add(key);
        }
      } catch (error) {
        // A stored update that does not apply: keep nothing half-built.
        entry?.doc.destroy();
        kept.delete(docId);
        throw error;
      }
      kept.delete(docId);
      kept.set(docId, entry);
      for (const oldest of kept.keys()) {
        if (kept.size <= limit) break;
        drop(oldest);
      }
      return use(entry.doc);
    },
  };
}
