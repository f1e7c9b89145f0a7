/**
 * Knowing a text is not frozen without asking the store, for a process that owns its store.
 *
 * An update may be shown to others only once it can no longer be refused for a freeze (a
 * consensus call froze the text). A store learns that from the head's conditional write — one
 * round trip before fan-out, most of the local host's keystroke latency. When every freeze of a
 * store goes through this process (the local host on its own embedded dynalite: the web app, the
 * call timer and the seed run in it), the process can know instead:
 *
 * - a document is known open once an append's conditional write succeeded, or a load's
 *   consistent read of the head found no freeze, and stays so until a freeze *starts* in this
 *   process (each start and end moves the document's epoch; knowledge of an older epoch, or
 *   gathered while a freeze was under way, is void);
 * - a freeze first closes the fence (new appends take the store's path and are admitted only
 *   after its condition passed), then waits for every append admitted early to be durable, and
 *   only then writes: nothing admitted early can meet the freeze, and the call's hash check after
 *   the freeze sees every update that was shown.
 *
 * Fences are found through a process-wide registry keyed by the store (its endpoint and table) —
 * on `globalThis`, because the web app is a separate bundle with its own copy of this module.
 * A freeze written by another process bypasses the fence: an update admitted early can then be
 * refused after it was shown (logged as `sync.frozen-after-admitted`). PROTOCOL.md §3.
 */
import { isDomainError } from '@concord/core';
import type { DocumentStore } from './ports.ts';

interface DocumentFence {
  /** Moves at every freeze start and end, and after every unfreeze. */
  epoch: number;
  /** Freezes under way in this process. */
  closing: number;
  /** The epoch at which the document was last seen open (an append passed its condition). */
  openAt: number | null;
  /** Appends admitted early and not yet settled. */
  inflight: Set<Promise<unknown>>;
}

export interface FreezeFence {
  /** Closes the document's fence, waits for early admissions to settle, runs `write`, reopens. */
  freezing<T>(docId: string, write: () => Promise<T>): Promise<T>;
  /** After an unfreeze: what was known about the document is void. */
  unfrozen(docId: string): void;
}

export interface OwnedFreezeFence extends FreezeFence {
  /** Wraps the store this process appends through: admits at once while the document is known open. */
  admitting(store: DocumentStore, log?: (entry: { code: string; docId: string; error: unknown }) => void): DocumentStore;
}

/** Documents a fence remembers by default: a long-running host sees every statement ever opened. */
const defaultKeptDocuments = 4_096;

export function createFreezeFence(options: { keptDocuments?: number } = {}): OwnedFreezeFence {
  const kept = options.keptDocuments ?? defaultKeptDocuments;
  // Least recently used first. Forgetting an idle document only loses "known open": its next
  // append takes the store's conditional path again. One with a freeze under way or an early
  // admission in flight is kept — the freeze must still wait for that admission.
  const documents = new Map<string, DocumentFence>();
  const fenceOf = (docId: string): DocumentFence => {
    let fence = documents.get(docId);
    if (fence) documents.delete(docId);
    else fence = { epoch: 0, closing: 0, openAt: null, inflight: new Set() };
    documents.set(docId, fence);
    if (documents.size > kept) forgetIdle(fence);
    return fence;
  };
  const forgetIdle = (current: DocumentFence) => {
    for (const [docId, fence] of documents) {
      if (documents.size <= kept) return;
      if (fence !== current && fence.closing === 0 && fence.inflight.size === 0) documents.delete(docId);
    }
  };
  const moved = (fence: DocumentFence) => {
    fence.epoch += 1;
    fence.openAt = null;
  };

  const owned: OwnedFreezeFence = {
    async freezing(docId, write) {
      const fence = fenceOf(docId);
      fence.closing += 1;
      moved(fence);
      try {
        await Promise.allSettled([...fence.inflight]);
        return await write();
      } finally {
        fence.closing -= 1;
        moved(fence);
      }
    },
    unfrozen(docId) {
      moved(fenceOf(docId));
    },
    admitting(store, log) {
      const learn = (fence: DocumentFence, epoch: number, error: unknown) => {
        if (error === null) {
          if (fence.epoch === epoch && fence.closing === 0) fence.openAt = epoch;
        } else if (isDomainError(error) && error.code === 'sync.document-frozen') {
          fence.openAt = null;
        }
      };
      return {
        ...store,
        appendUpdate(input) {
          const fence = fenceOf(input.docId);
          const epoch = fence.epoch;
          if (fence.openAt !== epoch || fence.closing > 0) {
            return store.appendUpdate(input).then(
              (tail) => (learn(fence, epoch, null), tail),
              (error: unknown) => {
                learn(fence, epoch, error);
                throw error;
              },
            );
          }
          // Known open, no freeze under way: shown now, durable later (acknowledged then).
          input.admitted?.();
          const append = store.appendUpdate({ ...input, admitted: undefined });
          fence.inflight.add(append);
          const settled = append.then(
            (tail) => (learn(fence, epoch, null), tail),
            (error: unknown) => {
              learn(fence, epoch, error);
              if (isDomainError(error) && error.code === 'sync.document-frozen') {
                log?.({ code: 'sync.frozen-after-admitted', docId: input.docId, error });
              }
              throw error;
            },
          );
          void settled.finally(() => fence.inflight.delete(append)).catch(() => {});
          return settled;
        },
        // A load's consistent read of the head is as good as an append's condition: a text seen
        // open while no freeze of this process started is open, so its first keystroke (a
        // newcomer's, or the first after a meeting opened the statement) needs no round trip.
        async load(input) {
          const fence = fenceOf(input.docId);
          const epoch = fence.epoch;
          const quiet = fence.closing === 0;
          return store.load({
            ...input,
            sawFreeze(frozen) {
              input.sawFreeze?.(frozen);
              if (frozen) fence.openAt = null;
              else if (quiet) learn(fence, epoch, null);
            },
          });
        },
        freeze: (input) => owned.freezing(input.docId, () => store.freeze(input)),
        async unfreeze(input) {
          await store.unfreeze(input);
          owned.unfrozen(input.docId);
        },
      };
    },
  };
  return owned;
}

const registryKey = Symbol.for('concord.freeze-fences');

function registry(): Map<string, Set<FreezeFence>> {
  const global = globalThis as { [registryKey]?: Map<string, Set<FreezeFence>> };
  global[registryKey] ??= new Map();
  return global[registryKey];
}

/** Makes `fence` the one every store instance of `storeKey` in this process freezes through. */
export function registerFreezeFence(storeKey: string, fence: FreezeFence): () => void {
  const fences = registry().get(storeKey) ?? new Set();
  fences.add(fence);
  registry().set(storeKey, fences);
  return () => {
    fences.delete(fence);
    if (fences.size === 0) registry().delete(storeKey);
  };
}

/**
 * A store's freeze and unfreeze, passed through every fence registered for `storeKey` (none: as
 * they are). `storeKey` is resolved per call, so a store made before the fence still passes it.
 */
export function throughFreezeFences(input: {
  storeKey: () => Promise<string | null>;
  freeze: DocumentStore['freeze'];
  unfreeze: DocumentStore['unfreeze'];
}): Pick<DocumentStore, 'freeze' | 'unfreeze'> {
  const fencesNow = async () => {
    const key = await input.storeKey();
    return key === null ? [] : [...(registry().get(key) ?? [])];
  };
  return {
    async freeze(args) {
      const fences = await fencesNow();
      const write = fences.reduce<() => Promise<boolean>>((inner, fence) => () => fence.freezing(args.docId, inner), () => input.freeze(args));
      return write();
    },
    async unfreeze(args) {
      await input.unfreeze(args);
      for (const fence of await fencesNow()) fence.unfrozen(args.docId);
    },
  };
}
