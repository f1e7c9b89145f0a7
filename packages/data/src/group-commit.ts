/**
 * Group commit of one document's appends: while a write to a document is in flight, the updates
 * that arrive for it wait, and then go as one write — one head update (freeze check, tail
 * counters, authors) and one batch write of their items — instead of two requests each.
 * Under a light load nothing waits (the first append goes at once); under a heavy one the store
 * sees a write per document per round trip, not per keystroke.
 *
 * Each caller is admitted (its `admitted` called) when its batch passes the freeze check, and
 * resolved when its batch is durable; a batch that fails fails every caller in it, none of whom
 * was told "saved" — so a crash mid-batch loses nothing acknowledged.
 */
import type { TailStats } from '@concord/sync/ports';

export interface PendingAppend {
  update: Uint8Array;
  origin: string;
  author?: string;
  admitted?: () => void;
}

/** Writes a batch: `admit` once the freeze check passed, resolve once durable. */
export type WriteBatch = (input: { docId: string; batch: readonly PendingAppend[]; admit: () => void }) => Promise<TailStats>;

interface Waiting extends PendingAppend {
  resolve: (tail: TailStats) => void;
  reject: (error: unknown) => void;
}

/** Updates merged into one item at most: a burst (a paste replayed) still goes in a few writes. */
const maxBatch = 64;

export function createGroupCommit(write: WriteBatch) {
  const queues = new Map<string, Waiting[]>();

  async function drain(docId: string): Promise<void> {
    const queue = queues.get(docId);
    while (queue && queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      try {
        const tail = await write({ docId, batch, admit: () => batch.forEach((one) => one.admitted?.()) });
        batch.forEach((one) => one.resolve(tail));
      } catch (error) {
        batch.forEach((one) => one.reject(error));
      }
    }
    queues.delete(docId);
  }

  return {
    append(input: { docId: string } & PendingAppend): Promise<TailStats> {
      return new Promise<TailStats>((resolve, reject) => {
        const queued = queues.get(input.docId);
        const waiting: Waiting = { ...input, resolve, reject };
        if (queued) return void queued.push(waiting);
        queues.set(input.docId, [waiting]);
        void drain(input.docId);
      });
    },
  };
}
