/**
 * The local host's compactions merge on a worker thread (`merge-worker.cjs`): the host's one
 * event loop runs the gateway, the handlers and the web app, and a large document's merge (a
 * Y.Doc built from its snapshot and 200 updates, then encoded) is milliseconds in which no
 * keystroke is passed on — the slowest keystrokes of a busy room. Lambda merges in its
 * invocation (`mergeHere`): it handles one frame at a time anyway. A worker that died is not
 * replaced: merges then run here, as before.
 */
import { Worker } from 'node:worker_threads';
import { mergeHere, type MergeState } from '@concord/sync';

export interface StateMerger {
  merge: MergeState;
  close(): Promise<void>;
}

export function startStateMerger(): StateMerger {
  const worker = new Worker(new URL('./merge-worker.cjs', import.meta.url));
  // Idle between compactions: it must not keep the process alive.
  worker.unref();
  const pending = new Map<number, { resolve: (merged: Uint8Array) => void; reject: (error: Error) => void }>();
  let sequence = 0;
  let alive = true;
  const stop = (cause: unknown) => {
    alive = false;
    for (const { reject } of pending.values()) reject(new Error(`the merge worker stopped: ${String(cause)}`));
    pending.clear();
  };
  worker.on('message', (reply: { id: number; merged?: Uint8Array; error?: string }) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.merged) waiting?.resolve(reply.merged);
    else waiting?.reject(new Error(reply.error ?? 'the merge failed'));
  });
  worker.on('error', stop);
  worker.on('exit', stop);

  return {
    merge(state) {
      if (!alive) return mergeHere(state);
      const id = (sequence += 1);
      return new Promise<Uint8Array>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, snapshot: state.snapshot, updates: state.updates.map((u) => u.update) });
      });
    },
    async close() {
      alive = false;
      await worker.terminate();
    },
  };
}
