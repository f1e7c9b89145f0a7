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
 *
 * A kept document also keeps its whole state encoded, and its state vector, until it next
 * changes: most newcomers hold nothing yet (an empty state vector), and a text nobody is typing
 * in — one frozen for a consensus call, opened by every delegation — is answered without encoding
 * it again (3.6–6 ms for a B4-size statement).
 */
import * as Y from 'yjs';
import { documentFrom, serverSide } from './document.ts';
import type { DocumentState } from './ports.ts';

interface Kept {
  snapshot: Uint8Array;
  doc: Y.Doc;
  applied: Set<string>;
  /** The whole state and the state vector as last encoded; null once an update was applied since. */
  whole: Uint8Array | null;
  vector: Uint8Array | null;
}

/** Sync step 1's answer: what the client lacks, and our state vector. */
export interface SyncAnswer {
  diff: Uint8Array;
  ours: Uint8Array;
}

export interface SyncDocuments {
  /** The answer to a client holding `stateVector`, for the document `state` describes. */
  answer(docId: string, state: DocumentState, stateVector: Uint8Array): SyncAnswer;
}

const holdsNothing = (stateVector: Uint8Array) => Y.decodeStateVector(stateVector).size === 0;

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
    return { snapshot, doc, applied: new Set(), whole: null, vector: null };
  }

  return {
    answer(docId, state, stateVector) {
      const { snapshot } = state;
      if (!snapshot) {
        // Not compacted yet: nothing worth keeping, and no snapshot object to recognise it by.
        const doc = documentFrom(state);
        try {
          return { diff: Y.encodeStateAsUpdate(doc, stateVector), ours: Y.encodeStateVector(doc) };
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
          entry.whole = entry.vector = null;
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
      const diff = holdsNothing(stateVector) ? (entry.whole ??= Y.encodeStateAsUpdate(entry.doc)) : Y.encodeStateAsUpdate(entry.doc, stateVector);
      return { diff, ours: (entry.vector ??= Y.encodeStateVector(entry.doc)) };
    },
  };
}
