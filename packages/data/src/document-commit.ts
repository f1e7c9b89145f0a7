/**
 * Committing a compaction: snapshot parts first, then the head moves under an optimistic check,
 * then exactly the merged updates are deleted. Until the head moves nothing is visible; a lost
 * race throws `conflict` after removing the parts it wrote.
 *
 * Snapshot parts carry the attempt's own id (`SNAP#<version>#<attempt>#<part>`): two compactions
 * racing for the same version (one whose lease expired mid-way) never overwrite or delete each
 * other's parts. After a successful move the parts of version `base` and older go, so one
 * snapshot is kept, not two: a reader that read the head just before the move finds the parts
 * it was told of missing (or incomplete) and loads again (`document-load.ts`).
 */
import { fail } from '@concord/core';
import type { StoredUpdate } from '@concord/sync/ports';
import type { DocumentContext } from './document-store.ts';
import { documentKeys } from './keys.ts';
import { splitBytes } from './parts.ts';
import { deleteAll, key, putItem, queryRange, str, updateIf, type Key } from './requests.ts';
import { tableDefinition } from './table-definition.ts';
import { sortKeysOfUpdate } from './update-groups.ts';

export async function commitSnapshot(input: {
  context: DocumentContext;
  docId: string;
  owner: string;
  baseVersion: number;
  snapshot: Uint8Array;
  merged: StoredUpdate[];
}): Promise<void> {
  const { context, docId, baseVersion, merged } = input;
  const pk = documentKeys.pk(docId);
  const mergedKeys = mergedItemKeys({ pk, merged });
  const version = baseVersion + 1;
  const attempt = context.newId();
  const parts = splitBytes({ bytes: input.snapshot });
  const written = parts.map((_, index) => key({ pk, sk: documentKeys.snapshotPart({ version, attempt, index }) }));
  try {
    await Promise.all(parts.map((bytes, i) => putItem({ ...context, item: { ...written[i], bytes } })));
  } catch (error) {
    await deleteQuietly({ context, keys: written });
    throw error;
  }
  const moved = await moveHead({ ...input, version, attempt, parts: parts.length });
  if (!moved) {
    await deleteQuietly({ context, keys: written });
    throw fail.conflict('sync.compaction-superseded', 'the document head moved or the lease was lost');
  }
  // The next newcomer's load finds the snapshot it would otherwise read back.
  context.snapshots?.set(docId, { version, snapshotId: attempt, bytes: input.snapshot });
  const stale = baseVersion >= 1 ? await snapshotKeysThrough({ context, pk, version: baseVersion }) : [];
  await deleteAll({ ...context, keys: [...mergedKeys, ...stale] });
}

/** The item keys of every merged update, each once; refuses keys this store did not hand out. */
function mergedItemKeys(input: { pk: string; merged: StoredUpdate[] }): Key[] {
  const sortKeys = new Set<string>();
  for (const { key: updateKey } of input.merged) {
    const keys = sortKeysOfUpdate(updateKey);
    if (!keys) throw fail.input('sync.update-key-invalid', `not an update key of this store: ${updateKey}`);
    for (const sk of keys) sortKeys.add(sk);
  }
  return [...sortKeys].map((sk) => key({ pk: input.pk, sk }));
}

/**
 * Moves the head from `baseVersion` to `version` if it is still there, `owner` holds the lease
 * and the text is not frozen, and takes the merged updates off the tail counters. False when a
 * check failed.
 * The lease's expiry is not checked: the lease only keeps compactions from wasting work, while
 * the version check alone decides which commit wins (and an expired lease taken over has
 * another owner).
 */
async function moveHead(input: {
  context: DocumentContext;
  docId: string;
  owner: string;
  baseVersion: number;
  version: number;
  attempt: string;
  parts: number;
  merged: StoredUpdate[];
}): Promise<boolean> {
  const { context, docId, owner, baseVersion, merged } = input;
  const atBase = baseVersion === 0 ? '(attribute_not_exists(#version) OR #version = :base)' : '#version = :base';
  const mergedBytes = merged.reduce((n, update) => n + update.update.length, 0);
  return updateIf({
    ...context,
    key: key(documentKeys.headItem(docId)),
    update: 'SET #version = :version, snapshotId = :attempt, snapshotParts = :parts, updatedAt = :now ADD tailCount :count, tailBytes :bytes',
    condition: `${atBase} AND leaseOwner = :owner AND attribute_not_exists(frozenBy)`,
    names: { '#version': 'version' },
    values: {
      ':base': baseVersion,
      ':version': input.version,
      ':attempt': input.attempt,
      ':parts': input.parts,
      ':now': context.now(),
      ':count': -merged.length,
      ':bytes': -mergedBytes,
      ':owner': owner,
    },
  });
}

/** Keys of every snapshot part of `version` and older, including abandoned attempts. */
async function snapshotKeysThrough(input: { context: DocumentContext; pk: string; version: number }): Promise<Key[]> {
  const { context, pk, version } = input;
  const items = await queryRange({ ...context, pk, from: documentKeys.snapshotPrefix, through: documentKeys.snapshotsThrough(version), projection: '#sk' });
  return items.flatMap((item) => {
    const sk = str(item, tableDefinition.sortKey);
    return sk ? [key({ pk, sk })] : [];
  });
}

/** Best-effort cleanup on a failure path: the original error (or conflict) is what matters. */
async function deleteQuietly(input: { context: DocumentContext; keys: Key[] }): Promise<void> {
  await deleteAll({ ...input.context, keys: input.keys }).catch(() => undefined);
}
