/**
 * A consistent load that never misses an acknowledged update while a compaction commits.
 *
 * Read the head (version v), then v's snapshot parts and every update item, then the head again.
 * A compaction deletes merged updates only *after* moving the head, so if the head still says v
 * on the second read, no update was deleted before the update query finished: snapshot v plus
 * those updates hold everything acknowledged before the load began. If the head moved, or v's
 * snapshot is already gone (deleted two versions later), read again.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { fail } from '@concord/core';
import type { DocumentState } from '@concord/sync/ports';
import type { DocumentContext } from './document-store.ts';
import { documentKeys } from './keys.ts';
import { joinBytes } from './parts.ts';
import { bin, key, keyNames, num, queryAll, str, type Item } from './requests.ts';
import { tableDefinition } from './table-definition.ts';
import { parseUpdateSortKey, visibleUpdates, type UpdatePiece } from './update-groups.ts';

/** Where the head points: the snapshot version and the attempt that wrote it. */
export interface Head {
  version: number;
  snapshotId: string | null;
  snapshotParts: number;
}

const maxAttempts = 10;

export async function loadDocument(input: { context: DocumentContext; docId: string }): Promise<DocumentState> {
  const { context, docId } = input;
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * 2 ** Math.min(attempt, 6)));
    const head = await readHead({ context, docId });
    const [snapshot, pieces] = await Promise.all([readSnapshot({ context, docId, head }), readUpdatePieces({ context, docId })]);
    const again = await readHead({ context, docId });
    if (snapshot === 'missing' || again.version !== head.version) continue;
    return { snapshot, version: head.version, updates: visibleUpdates(pieces) };
  }
  throw fail.conflict('sync.load-contended', `the head of ${docId} kept moving during ${maxAttempts} loads`);
}

export async function readHead(input: { context: DocumentContext; docId: string }): Promise<Head> {
  const { context, docId } = input;
  const result = await context.client.send(
    new GetCommand({
      TableName: context.tableName,
      Key: key({ pk: documentKeys.pk(docId), sk: documentKeys.head }),
      ConsistentRead: true,
      ProjectionExpression: '#version, snapshotId, snapshotParts',
      ExpressionAttributeNames: { '#version': 'version' },
    }),
  );
  const item = result.Item ?? {};
  return { version: num(item, 'version') ?? 0, snapshotId: str(item, 'snapshotId') ?? null, snapshotParts: num(item, 'snapshotParts') ?? 0 };
}

/** The snapshot the head names, or 'missing' when its parts are not all there (any more). */
async function readSnapshot(input: { context: DocumentContext; docId: string; head: Head }): Promise<Uint8Array | null | 'missing'> {
  const { context, docId, head } = input;
  if (head.version === 0) return null;
  if (!head.snapshotId) return 'missing';
  const prefix = documentKeys.snapshotAttemptPrefix({ version: head.version, attempt: head.snapshotId });
  const items = await queryPrefix({ context, docId, prefix });
  const parts = items.map((item) => bin(item, 'bytes'));
  if (parts.length !== head.snapshotParts || parts.some((part) => part === undefined)) return 'missing';
  return joinBytes(parts as Uint8Array[]);
}

async function readUpdatePieces(input: { context: DocumentContext; docId: string }): Promise<UpdatePiece[]> {
  const items = await queryPrefix({ ...input, prefix: documentKeys.updatePrefix });
  return items.flatMap((item) => {
    const parsed = parseUpdateSortKey(str(item, tableDefinition.sortKey) ?? '');
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

/** Every item of the document whose sort key starts with `prefix`, in sort-key order. */
async function queryPrefix(input: { context: DocumentContext; docId: string; prefix: string }): Promise<Item[]> {
  const { context, docId, prefix } = input;
  return queryAll({
    client: context.client,
    query: {
      TableName: context.tableName,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeNames: keyNames,
      ExpressionAttributeValues: { ':pk': documentKeys.pk(docId), ':prefix': prefix },
      ConsistentRead: true,
    },
  });
}
