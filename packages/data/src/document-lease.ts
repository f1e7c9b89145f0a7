/**
 * The compaction lease on the head: one compactor per document at a time, taken over once it
 * expires, never taken while the text is frozen. It only saves wasted work: the head's version
 * check decides which commit wins (`document-commit.ts`).
 */
import type { DocumentContext } from './document-store.ts';
import { documentKeys } from './keys.ts';
import { key, updateIf } from './requests.ts';

export async function acquireLease(input: { context: DocumentContext; docId: string; owner: string; now: number; ttlMs: number }): Promise<boolean> {
  const { context, docId, owner, now, ttlMs } = input;
  return updateIf({
    ...context,
    key: key(documentKeys.headItem(docId)),
    update: 'SET leaseOwner = :owner, leaseUntil = :until',
    // A frozen text is not compacted (DocumentStore.acquireLease says why).
    condition: 'attribute_not_exists(frozenBy) AND (attribute_not_exists(leaseOwner) OR leaseOwner = :owner OR leaseUntil <= :now)',
    values: { ':owner': owner, ':until': now + ttlMs, ':now': now },
  });
}

export async function releaseLease(input: { context: DocumentContext; docId: string; owner: string }): Promise<void> {
  const { context, docId, owner } = input;
  // Not ours (taken over after expiry, or never taken): nothing to release.
  await updateIf({ ...context, key: key(documentKeys.headItem(docId)), update: 'REMOVE leaseOwner, leaseUntil', condition: 'leaseOwner = :owner', values: { ':owner': owner } });
}
