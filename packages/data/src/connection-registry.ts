/**
 * The ConnectionRegistry port on DynamoDB. A connection is two items:
 * - `DOC#<docId>` / `CONN#<connectionId>`: the record, in the document's partition, so that
 *   `listForDocument` is one consistent Query (a GSI would be eventually consistent: a joiner
 *   could miss an update's fan-out *and* its load);
 * - `CONN#<connectionId>` / `CONN`: a pointer to the document, for `get`, and for `remove` when
 *   the caller does not name the document (`$disconnect` does, from the gateway's context). It
 *   is also listed in `gsi1` under `USER#<userId>#CONNS`, so that `listByUser` finds a person's
 *   connections across documents (eventually consistent on AWS: good enough to close connections
 *   after the fact, not for fan-out).
 * Both are written by one BatchWriteItem (connecting is one round trip, where two puts took two);
 * a write it leaves unprocessed is retried, and when one still is, both are deleted and `add`
 * throws (the connection is refused): a record never stays without its pointer. The pointer is
 * deleted last.
 * Both carry the TTL (seconds); reads filter on `expiresAtMs` because dynalite ignores TTL.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AwarenessEntry, ConnectionRecord, ConnectionRegistry, RoomRead } from '@concord/sync/ports';
import { storeKeyOf } from './client.ts';
import { liveConnectionsFor } from './live-connections.ts';
import { map, mapOr, number, text } from './fields.ts';
import { accessFrom, awarenessFrom, awarenessItem, principalFrom, principalItem } from './item-shapes.ts';
import { connectionPointerKeys, documentKeys, ttlSeconds, userConnectionKeys } from './keys.ts';
import { deleteAll, deleteItem, getOne, key, num, putAll, queryPrefix, queryRange, str, takeItem, updateIf, type Item, type Table } from './requests.ts';
import { tableDefinition } from './table-definition.ts';

/** The port, plus what only the DynamoDB registry can answer: a person's connections. */
export interface DynamoConnectionRegistry extends ConnectionRegistry {
  /**
   * The live connections of a person, on every document. Read through an index: on AWS a
   * connection made a moment ago may be missing.
   */
  listByUser(input: { userId: string; now: number }): Promise<ConnectionRecord[]>;
}

type Context = Table;

const index = tableDefinition.indexes.gsi1;

/**
 * The ConnectionRegistry port on DynamoDB; same contract as `createMemoryConnectionRegistry`.
 * In a process whose local host published its gateway's connections for this store
 * (live-connections.ts), it reads those instead — nothing is written to DynamoDB there — and
 * leaves adding, forgetting and presence to the gateway.
 */
export function createConnectionRegistry(options: { client: DynamoDBDocumentClient; tableName: string }): DynamoConnectionRegistry {
  const context: Context = { client: options.client, tableName: options.tableName };
  let storeKey: Promise<string | null> | null = null;
  const live = async () => liveConnectionsFor(await (storeKey ??= storeKeyOf(options.client, options.tableName)));
  const listByUserHere = async (input: { userId: string; now: number }) => (await live())?.listByUser(input) ?? listByUser({ context, ...input });
  return {
    add: async (record) => {
      if (await live()) throw new Error("the local gateway adds its own connections; this process's registry only reads them");
      return add({ context, record });
    },
    get: async (input) => (await live())?.get(input) ?? get({ context, ...input }),
    // The gateway forgets a connection when its socket closes (an eviction closes it), and then
    // tells its peers and compacts: here there is nothing to forget.
    remove: async (input) => ((await live()) ? null : remove({ context, ...input })),
    listForDocument: async (input) => (await live())?.listForDocument(input) ?? listForDocument({ context, ...input }),
    readRoom: async (input) => {
      if (await live()) throw new Error("a room read with the head is Lambda's registry; the local gateway's connections have none");
      return readRoom({ context, ...input });
    },
    setAwareness: async (input) => ((await live()) ? 'conflict' : setAwareness({ context, ...input })),
    listByUser: listByUserHere,
    countForUser: async (input) => (await listByUserHere(input)).length,
  };
}

const recordKey = (input: { docId: string; connectionId: string }) =>
  key({ pk: documentKeys.pk(input.docId), sk: documentKeys.connection(input.connectionId) });

const pointerKey = (connectionId: string) => key({ pk: connectionPointerKeys.pk(connectionId), sk: connectionPointerKeys.sk });

async function readPointer(input: { context: Context; connectionId: string }): Promise<{ docId: string; expiresAtMs: number } | null> {
  const item = await getOne({ ...input.context, key: pointerKey(input.connectionId) });
  const docId = item && str(item, 'docId');
  return item && docId ? { docId, expiresAtMs: num(item, 'expiresAtMs') ?? 0 } : null;
}

async function add(input: { context: Context; record: ConnectionRecord }): Promise<void> {
  const { context: { client, tableName }, record } = input;
  const expiry = { expiresAtMs: record.expiresAt, [tableDefinition.ttlAttribute]: ttlSeconds(record.expiresAt) };
  const byUser = { [index.partitionKey]: userConnectionKeys.byUser(record.principal.userId), [index.sortKey]: userConnectionKeys.entry(record.connectionId) };
  const pointer = { ...pointerKey(record.connectionId), connectionId: record.connectionId, docId: record.docId, ...byUser, ...expiry };
  try {
    await putAll({ client, tableName, items: [pointer, { ...recordKey(record), ...recordItem(record), ...expiry }] });
  } catch (error) {
    // Refused: a record the batch did write must not stay in the room without its pointer.
    await deleteAll({ client, tableName, keys: [recordKey(record), pointerKey(record.connectionId)] }).catch(() => {});
    throw error;
  }
}

async function get(input: { context: Context; connectionId: string; now: number }): Promise<ConnectionRecord | null> {
  const { context, connectionId, now } = input;
  const pointer = await readPointer({ context, connectionId });
  if (!pointer || pointer.expiresAtMs <= now) return null;
  const item = await getOne({ ...context, key: recordKey({ docId: pointer.docId, connectionId }) });
  const record = item ? recordFrom(item) : null;
  return record && record.expiresAt > now ? record : null;
}

async function remove(input: { context: Context; connectionId: string; docId?: string }): Promise<ConnectionRecord | null> {
  const { context, connectionId } = input;
  // The gateway's context names the document at `$disconnect`: then the pointer need not be read.
  const docId = input.docId ?? (await readPointer({ context, connectionId }))?.docId;
  if (!docId) return null;
  // Of two concurrent removes, only one gets the old record back.
  const old = await takeItem({ ...context, key: recordKey({ docId, connectionId }) });
  await deleteItem({ ...context, key: pointerKey(connectionId) });
  return old ? recordFrom(old) : null;
}

async function listForDocument(input: { context: Context; docId: string; now: number }): Promise<ConnectionRecord[]> {
  const { context, docId, now } = input;
  const items = await queryPrefix({ ...context, pk: documentKeys.pk(docId), prefix: documentKeys.connectionPrefix, filter: 'expiresAtMs > :now', values: { ':now': now } });
  return items.map(recordFrom);
}

/**
 * The room and the head in one consistent Query: `CONN#…` and `HEAD` are neighbours in the
 * document's partition (the updates, `U#…`, and snapshots, `SNAP#…`, sort after the head).
 */
async function readRoom(input: { context: Context; docId: string; now: number }): Promise<RoomRead> {
  const { context, docId, now } = input;
  const items = await queryRange({
    ...context,
    pk: documentKeys.pk(docId),
    from: documentKeys.connectionPrefix,
    through: documentKeys.head,
    // The head has no expiry; a key attribute cannot be filtered on.
    filter: 'expiresAtMs > :now OR attribute_not_exists(expiresAtMs)',
    values: { ':now': now },
  });
  const head = items.find((item) => item[tableDefinition.sortKey] === documentKeys.head);
  const stored = head?.authors;
  return {
    connections: items.filter((item) => item !== head).map(recordFrom),
    frozenBy: (head && str(head, 'frozenBy')) ?? null,
    authors: new Set(stored instanceof Set ? [...stored].filter((a): a is string => typeof a === 'string') : []),
  };
}

async function listByUser(input: { context: Context; userId: string; now: number }): Promise<ConnectionRecord[]> {
  const { context, userId, now } = input;
  const pointers = await queryPrefix({ ...context, index: 'gsi1', pk: userConnectionKeys.byUser(userId), filter: 'expiresAtMs > :now', values: { ':now': now } });
  const records = await Promise.all(
    pointers.map(async (pointer) => {
      const docId = str(pointer, 'docId');
      const connectionId = str(pointer, 'connectionId');
      if (!docId || !connectionId) return null;
      const item = await getOne({ ...context, key: recordKey({ docId, connectionId }) });
      const record = item ? recordFrom(item) : null;
      return record && record.expiresAt > now ? record : null;
    }),
  );
  return records.filter((record) => record !== null);
}

async function setAwareness(input: {
  context: Context;
  connectionId: string;
  docId: string;
  entry: AwarenessEntry;
}): Promise<'ok' | 'conflict' | 'stale'> {
  const { context, entry } = input;
  const recordAt = recordKey(input);
  // y-protocols' rule: a newer clock wins; the same clock only when it removes the state.
  const newer = entry.state === null ? 'awareness.clock <= :clock' : 'awareness.clock < :clock';
  const stored = await updateIf({
    ...context,
    key: recordAt,
    update: 'SET awareness = :entry',
    // The first entry binds the connection to its client id; another id never replaces it.
    condition: `attribute_exists(#sk) AND (attribute_not_exists(awareness) OR (awareness.clientId = :clientId AND ${newer}))`,
    values: { ':entry': awarenessItem(entry), ':clientId': entry.clientId, ':clock': entry.clock },
  });
  if (stored) return 'ok';
  const item = await getOne({ ...context, key: recordAt });
  const current = item ? awarenessFrom(mapOr(item, 'awareness')) : null;
  return current && current.clientId === entry.clientId ? 'stale' : 'conflict';
}

/** The record's own fields; `expiresAt` (ms) is stored as `expiresAtMs`, the TTL being seconds. */
function recordItem(record: ConnectionRecord): Item {
  return {
    connectionId: record.connectionId,
    docId: record.docId,
    principal: principalItem(record.principal),
    access: record.access,
    // Absent, null and a session id all read back as written.
    sessionId: record.sessionId,
    connectedAt: record.connectedAt,
    awareness: record.awareness ? awarenessItem(record.awareness) : undefined,
  };
}

function recordFrom(item: Item): ConnectionRecord {
  return {
    connectionId: text(item, 'connectionId'),
    docId: text(item, 'docId'),
    principal: principalFrom(map(item, 'principal')),
    access: accessFrom(item),
    ...('sessionId' in item ? { sessionId: str(item, 'sessionId') ?? null } : {}),
    connectedAt: number(item, 'connectedAt'),
    expiresAt: number(item, 'expiresAtMs'),
    awareness: awarenessFrom(mapOr(item, 'awareness')),
  };
}
