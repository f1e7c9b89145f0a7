/**
 * A consistent load that never misses an acknowledged update while a compaction commits.
 *
 * One Query reads the head (version v), the snapshot parts and every update item — they are one
 * key range of the document's partition (`HEAD` < `SNAP#…` < `U#…`), read in that order — then
 * the head is read again. A compaction deletes merged updates only *after* moving the head, so
 * if the head still says v on the second read, no update was deleted before the query finished:
 * snapshot v plus those updates hold everything acknowledged before the load began. If the head
 * moved, or v's snapshot is already gone (deleted once the head moved past it), read again.
 * Two round trips, where reading the head first took three: a newcomer's first sync waits on it.
 *
 * With the document's snapshot cached (`snapshot-cache.ts`) the Query covers only the update
 * items, then the head is read. The same argument holds for whatever snapshot that head names:
 * an update missing from the Query was deleted, and deletion follows the head's move past a
 * snapshot that merged it — so the head read after the Query names a snapshot that holds it. If
 * that is the cached one: two round trips and no snapshot read. If not (a compaction by another
 * process since), its parts are read by their prefix (a third round trip); if they are already
 * gone, the full load follows.
 */
import { fail } from '@concord/core';
import type { DocumentState } from '@concord/sync/ports';
import type { DocumentContext } from './document-store.ts';
import { documentKeys, prefixEnd } from './keys.ts';
import { joinBytes } from './parts.ts';
import { bin, getOne, key, num, queryRange, str, type Item } from './requests.ts';
import type { SnapshotCache } from './snapshot-cache.ts';
import { tableDefinition } from './table-definition.ts';
import { parseUpdateSortKey, visibleUpdates, type UpdatePiece } from './update-groups.ts';

/** Where the head points: the snapshot version and the attempt that wrote it; whether frozen. */
export interface Head {
  version: number;
  snapshotId: string | null;
  snapshotParts: number;
  frozen: boolean;
}

/** A load's state, and whether the head it read last named a freeze. */
export interface LoadedDocument {
  state: DocumentState;
  frozen: boolean;
}

const maxAttempts = 10;

export async function loadDocument(input: { context: DocumentContext; docId: string }): Promise<LoadedDocument> {
  const { context, docId } = input;
  const snapshots = context.snapshots;
  const cached = snapshots?.get(docId);
  if (cached) {
    const items = await readRange({ context, docId, from: documentKeys.updatePrefix, through: documentKeys.updatesEnd });
    const head = await readHead({ context, docId });
    const updates = () => visibleUpdates(updatePiecesOf(items));
    const { frozen } = head;
    if (head.version === cached.version && head.snapshotId === cached.snapshotId) return { state: { snapshot: cached.bytes, version: head.version, updates: updates() }, frozen };
    if (head.version === 0) return { state: { snapshot: null, version: 0, updates: updates() }, frozen };
    const snapshot = head.snapshotId ? await readSnapshot({ context, docId, head }) : 'missing';
    if (snapshot !== 'missing' && snapshot !== null && head.snapshotId) {
      snapshots?.set(docId, { version: head.version, snapshotId: head.snapshotId, bytes: snapshot });
      return { state: { snapshot, version: head.version, updates: updates() }, frozen };
    }
  }
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * 2 ** Math.min(attempt, 6)));
    const items = await readRange({ context, docId, from: documentKeys.head, through: documentKeys.updatesEnd });
    const head = headOf(items[0]?.[tableDefinition.sortKey] === documentKeys.head ? items[0] : undefined);
    const snapshot = snapshotOf({ items, head });
    const pieces = updatePiecesOf(items);
    const again = await readHead({ context, docId });
    if (snapshot === 'missing' || again.version !== head.version) continue;
    if (snapshot && head.snapshotId) snapshots?.set(docId, { version: head.version, snapshotId: head.snapshotId, bytes: snapshot });
    return { state: { snapshot, version: head.version, updates: visibleUpdates(pieces) }, frozen: again.frozen };
  }
  throw fail.conflict('sync.load-contended', `the head of ${docId} kept moving during ${maxAttempts} loads`);
}

export async function readHead(input: { context: DocumentContext; docId: string }): Promise<Head> {
  const { context, docId } = input;
  const item = await getOne({ ...context, key: key(documentKeys.headItem(docId)), projection: '#version, snapshotId, snapshotParts, frozenBy', names: { '#version': 'version' } });
  return headOf(item ?? undefined);
}

/** The parts of the snapshot `head` names, joined; 'missing' once the head has moved past it. */
async function readSnapshot(input: { context: DocumentContext; docId: string; head: Head }): Promise<Uint8Array | null | 'missing'> {
  const { context, docId, head } = input;
  const prefix = documentKeys.snapshotAttemptPrefix({ version: head.version, attempt: head.snapshotId ?? '' });
  const items = await readRange({ context, docId, from: prefix, through: prefixEnd(prefix) });
  return snapshotOf({ items, head });
}

function headOf(item: Item | undefined): Head {
  const fields = item ?? {};
  return {
    version: num(fields, 'version') ?? 0,
    snapshotId: str(fields, 'snapshotId') ?? null,
    snapshotParts: num(fields, 'snapshotParts') ?? 0,
    frozen: str(fields, 'frozenBy') !== undefined,
  };
}

/** The snapshot the head names, or 'missing' when its parts are not all there (any more). */
function snapshotOf(input: { items: Item[]; head: Head }): Uint8Array | null | 'missing' {
  const { items, head } = input;
  if (head.version === 0) return null;
  if (!head.snapshotId) return 'missing';
  const prefix = documentKeys.snapshotAttemptPrefix({ version: head.version, attempt: head.snapshotId });
  // Another attempt's parts (a compaction under way) may sit beside them: only the head's count.
  const parts = items.filter((item) => str(item, tableDefinition.sortKey)?.startsWith(prefix)).map((item) => bin(item, 'bytes'));
  if (parts.length !== head.snapshotParts || parts.some((part) => part === undefined)) return 'missing';
  return joinBytes(parts as Uint8Array[]);
}

function updatePiecesOf(items: Item[]): UpdatePiece[] {
  return items.flatMap((item) => {
    const sortKey = str(item, tableDefinition.sortKey) ?? '';
    if (!sortKey.startsWith(documentKeys.updatePrefix)) return [];
    const parsed = parseUpdateSortKey(sortKey);
    const bytes = bin(item, 'bytes');
    if (!parsed || !bytes) return [];
    const whole = parsed.index === null;
    return [
      {
        id: parsed.id,
        index: parsed.index ?? 0,
        parts: whole ? 1 : (num(item, 'parts') ?? 0),
        bytes,
        sealed: item[tableDefinition.ttlAttribute] === undefined,
      },
    ];
  });
}

/** Every item of the document whose sort key is in [`from`, `through`], in sort-key order. */
function readRange(input: { context: DocumentContext; docId: string; from: string; through: string }): Promise<Item[]> {
  return queryRange({ ...input.context, pk: documentKeys.pk(input.docId), from: input.from, through: input.through });
}
