/**
 * Healing a missed update. An update this document cannot place — it builds on one that never
 * arrived: a fan-out lost after the store took it (on Lambda, the room read failing after the
 * write closes the sender, whose peers were never sent it) — waits in Yjs' pending structs, and
 * with it everything its author types next: their words stop appearing here. y-websocket asks the
 * server for what it lacks only when it connects. So a document with such a gap asks at once
 * (sync step 1: the server answers with everything our state vector lacks), once per moment, and
 * every few minutes anyway, for a missed update that nothing builds on yet.
 */
import { encodeSyncStep1 } from '@concord/sync/protocol';
import * as Y from 'yjs';

/** The periodic ask: ~4 small messages a few minutes per editor, against one per keystroke. */
export const resyncEveryMs = 3 * 60_000;
/** Updates arriving together (a batch, a burst) are placed before we decide something is missing. */
export const gapSettleMs = 250;

/** True while an update received here waits for one it builds on. */
export function hasGap(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}

/** Sync step 1 of `doc`, as y-websocket sends it on connecting. */
export function syncRequest(doc: Y.Doc): Uint8Array<ArrayBuffer> {
  // A copy in an ArrayBuffer of its own: what a WebSocket's `send` takes.
  return new Uint8Array(encodeSyncStep1(Y.encodeStateVector(doc)));
}

/**
 * Asks (`ask`) once a gap in `doc` has lasted `gapSettleMs`, at most once per that moment. `check`
 * is called after each sync message is applied: an update that is all pending changes nothing, so
 * the document's own `update` event does not fire for it.
 */
export function createGapWatch(input: { doc: Y.Doc; ask: () => void }): { check(): void; stop(): void } {
  const { doc, ask } = input;
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    check() {
      if (timer !== null || !hasGap(doc)) return;
      timer = setTimeout(() => {
        timer = null;
        if (hasGap(doc)) ask();
      }, gapSettleMs);
    },
    stop() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
