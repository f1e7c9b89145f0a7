/**
 * Appends for a store whose freeze is checked on the room read (`freezeCheck: 'room-read'`,
 * Lambda's realtime handlers; PROTOCOL.md §3): each update is one PutItem and nothing else. The
 * handler reads the room with the head after it, takes back an update a freeze caught (`retract`)
 * and adds a missing author (`addAuthor`).
 */
import { fail } from '@concord/core';
import type { DocumentStore, TailStats } from '@concord/sync/ports';
import { shareNext } from '@concord/sync/share-next';
import { commitSnapshot } from './document-commit.ts';
import { loadDocument } from './document-load.ts';
import type { DocumentContext } from './document-store.ts';
import { writeUpdate } from './document-writes.ts';
import { documentKeys } from './keys.ts';
import { deleteAll, key, updateItem } from './requests.ts';
import { sortKeysOfUpdate } from './update-groups.ts';

/**
 * Appends for a store whose freeze is checked on the room read: each update one PutItem (a split
 * one its parts), the tail counted in this process (a Lambda container's count: compaction's
 * other triggers — a long tail at sync step 1, the last writer leaving — see the whole tail).
 */
export function createUncheckedAppends(context: DocumentContext): Pick<DocumentStore, 'appendUpdate' | 'retract' | 'addAuthor' | 'load' | 'commitSnapshot'> {
  const tails = createTailCounter();
  const load = shareNext(async (docId) => {
    const { state } = await loadDocument({ context, docId });
    tails.set({ docId, count: state.updates.length, bytes: state.updates.reduce((n, u) => n + u.update.length, 0) });
    return state;
  });
  return {
    appendUpdate: async ({ docId, update, origin }) => {
      const key = await writeUpdate({ context, pk: documentKeys.pk(docId), update, origin });
      return { ...tails.add({ docId, count: 1, bytes: update.length }), key };
    },
    retract: async ({ docId, key: updateKey }) => {
      const sortKeys = sortKeysOfUpdate(updateKey);
      if (!sortKeys) throw fail.input('sync.update-key-invalid', `not an update key of this store: ${updateKey}`);
      const pk = documentKeys.pk(docId);
      await deleteAll({ ...context, keys: sortKeys.map((sk) => key({ pk, sk })) });
      tails.add({ docId, count: -1, bytes: 0 });
    },
    addAuthor: async ({ docId, author }) => {
      await updateItem({ ...context, key: key(documentKeys.headItem(docId)), update: 'ADD authors :author', values: { ':author': new Set([author]) } });
    },
    load: ({ docId }) => load(docId),
    commitSnapshot: async (input) => {
      await commitSnapshot({ context, ...input });
      tails.add({ docId: input.docId, count: -input.merged.length, bytes: -input.merged.reduce((n, u) => n + u.update.length, 0) });
    },
  };
}

/**
 * This process's count of each document's tail, for the compaction trigger: set exactly by a
 * load, moved by its own appends and compactions. Another container's appends are not seen, so
 * on Lambda a tail may grow to the threshold times the warm containers writing to it.
 */
function createTailCounter() {
  const tails = new Map<string, TailStats>();
  return {
    set(input: { docId: string } & TailStats): void {
      if (input.count === 0) tails.delete(input.docId);
      else tails.set(input.docId, { count: input.count, bytes: input.bytes });
    },
    add(input: { docId: string } & TailStats): TailStats {
      const before = tails.get(input.docId) ?? { count: 0, bytes: 0 };
      const after = { count: Math.max(0, before.count + input.count), bytes: Math.max(0, before.bytes + input.bytes) };
      // A document compacted to nothing is forgotten: the map holds only documents with a tail.
      if (after.count === 0) tails.delete(input.docId);
      else tails.set(input.docId, after);
      return after;
    },
  };
}
