/**
 * Compaction: the document's snapshot plus its tail of updates, merged through a Y.Doc (never
 * `Y.mergeUpdates` over a long log: see SYNC-NOTES) into a new snapshot, under a lease.
 *
 * Safe against concurrent writers by construction: only the updates read by `load` are deleted,
 * and only after the head moved to a snapshot that contains them; an update appended meanwhile
 * stays in the tail. A lost race is a `conflict` from the store: nothing visible changed.
 */
import * as Y from 'yjs';
import { isDomainError } from '@concord/core';
import { documentFrom } from './document.ts';
import type { DocumentState, DocumentStore, TailStats } from './ports.ts';

export interface CompactionSettings {
  /** Compact once this many updates are in the tail… */
  maxTailCount: number;
  /** …or once they weigh this many bytes. */
  maxTailBytes: number;
  /** A compaction that dies holding the lease blocks others for at most this long. */
  leaseMs: number;
}

export const defaultCompactionSettings: CompactionSettings = {
  maxTailCount: 200,
  maxTailBytes: 64 * 1024,
  leaseMs: 30_000,
};

export function needsCompaction(input: { tail: TailStats; settings: CompactionSettings }): boolean {
  const { tail, settings } = input;
  return tail.count >= settings.maxTailCount || tail.bytes >= settings.maxTailBytes;
}

export type CompactionResult = 'compacted' | 'nothing-to-do' | 'busy' | 'superseded';

/** Folds a snapshot and its tail into one snapshot (the CPU part of a compaction). */
export type MergeState = (state: DocumentState) => Promise<Uint8Array>;

/** In this process: the default, and what a host without a worker for it runs. */
export const mergeHere: MergeState = async (state) => {
  const doc = documentFrom(state);
  try {
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
};

/** Compacts one document if nobody else is; `owner` must be unique to this attempt. */
export async function compact(input: {
  documents: DocumentStore;
  docId: string;
  owner: string;
  now: number;
  settings: CompactionSettings;
  /** Told the state it committed, so a checkpoint after it need not read the text again. */
  committed?: (state: DocumentState) => void;
  /** Where the merge runs: here by default; the local host's worker keeps it off its event loop. */
  merge?: MergeState;
}): Promise<CompactionResult> {
  const { documents, docId, owner } = input;
  if (!(await documents.acquireLease({ docId, owner, now: input.now, ttlMs: input.settings.leaseMs }))) return 'busy';
  try {
    const state = await documents.load({ docId });
    if (state.updates.length === 0) return 'nothing-to-do';
    const snapshot = await (input.merge ?? mergeHere)(state);
    await documents.commitSnapshot({ docId, owner, baseVersion: state.version, snapshot, merged: state.updates });
    input.committed?.({ snapshot, version: state.version + 1, updates: [] });
    return 'compacted';
  } catch (error) {
    if (isDomainError(error) && error.kind === 'conflict') return 'superseded';
    throw error;
  } finally {
    await documents.releaseLease({ docId, owner });
  }
}
