/**
 * The ChunkStore port on DynamoDB. A message in flight is one partition
 * (`MSG#<connectionId>#<messageId>`): a counter item `COUNT` and one item per chunk,
 * `C#<generation>#<index>`. Exactly one caller completes a message:
 *
 * 1. open: create the counter if absent (count, a random generation, expiry) — or, if it
 *    expired, drop it and create a fresh one, so an expired message starts over;
 * 2. a chunk whose count differs from the counter's is refused (`sync.chunk-mismatch`);
 * 3. put the chunk with `attribute_not_exists`: a duplicate stops here (null);
 * 4. `ADD received 1` on the counter, only if it is still the same generation;
 * 5. the one caller whose ADD returned `count` reads the chunks (consistently: each was written
 *    before its ADD), deletes them and the counter, and returns them in index order.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { fail } from '@concord/core';
import type { ChunkStore } from '@concord/sync/ports';
import { chunkKeys, ttlSeconds } from './keys.ts';
import { bin, deleteAll, deleteIf, key, num, putIf, queryPrefix, str, updateIf, type Item, type Key } from './requests.ts';
import { tableDefinition } from './table-definition.ts';

interface OpenMessage {
  count: number;
  generation: string;
  expiresAtMs: number;
}

interface ChunkContext {
  client: DynamoDBDocumentClient;
  tableName: string;
  ttlMs: number;
  random: (n: number) => Uint8Array;
}

/** The ChunkStore port on DynamoDB; same contract as `createMemoryChunkStore`. */
export function createChunkStore(options: {
  client: DynamoDBDocumentClient;
  tableName: string;
  /** How long an incomplete message is kept; default 5 minutes. */
  ttlMs?: number;
  random?: (n: number) => Uint8Array;
}): ChunkStore {
  const context: ChunkContext = {
    client: options.client,
    tableName: options.tableName,
    ttlMs: options.ttlMs ?? 5 * 60_000,
    random: options.random ?? ((n) => crypto.getRandomValues(new Uint8Array(n))),
  };
  return {
    async putChunk({ connectionId, messageId, index, count, data, now }) {
      const pk = chunkKeys.pk({ connectionId, messageId });
      const message = await openMessage({ context, pk, count, now });
      if (message.count !== count) throw fail.input('sync.chunk-mismatch', 'chunks of one message disagree on their count');
      const chunkKey = key({ pk, sk: chunkKeys.chunk({ generation: message.generation, index }) });
      const item = { ...chunkKey, data, index, expiresAtMs: message.expiresAtMs, [tableDefinition.ttlAttribute]: ttlSeconds(message.expiresAtMs) };
      const stored = await putIf({ ...context, item, condition: 'attribute_not_exists(#sk)' });
      if (!stored) return null;
      const received = await countChunk({ context, pk, generation: message.generation });
      if (received !== count) return null;
      return collect({ context, pk, message });
    },
  };
}

/** The live counter of the message, created (or recreated after expiry) by this call if needed. */
async function openMessage(input: { context: ChunkContext; pk: string; count: number; now: number }): Promise<OpenMessage> {
  const { context, pk, count, now } = input;
  const counterKey = key({ pk, sk: chunkKeys.counter });
  const expiresAtMs = now + context.ttlMs;
  for (let attempt = 0; attempt < 4; attempt++) {
    const opened = await updateIf({
      ...context,
      key: counterKey,
      update:
        'SET #count = if_not_exists(#count, :count), generation = if_not_exists(generation, :generation), ' +
        'expiresAtMs = if_not_exists(expiresAtMs, :expiresAtMs), #ttl = if_not_exists(#ttl, :ttl)',
      condition: 'attribute_not_exists(#sk) OR expiresAtMs > :now',
      names: { '#count': 'count' },
      values: { ':count': count, ':generation': newGeneration(context.random), ':expiresAtMs': expiresAtMs, ':ttl': ttlSeconds(expiresAtMs), ':now': now },
      returning: 'ALL_NEW',
    });
    if (opened) return openMessageFrom(opened);
    // Expired: drop that counter (unless someone already replaced it) and open afresh.
    await deleteIf({ ...context, key: counterKey, condition: 'expiresAtMs <= :now', values: { ':now': now } });
  }
  throw new Error(`could not open chunked message ${pk}`);
}

/** Counts one more stored chunk; null when the message was replaced or completed meanwhile. */
async function countChunk(input: { context: ChunkContext; pk: string; generation: string }): Promise<number | null> {
  const { context, pk, generation } = input;
  const counted = await updateIf({
    ...context,
    key: key({ pk, sk: chunkKeys.counter }),
    update: 'ADD received :one',
    condition: 'generation = :generation',
    values: { ':one': 1, ':generation': generation },
    returning: 'UPDATED_NEW',
  });
  return counted && (num(counted, 'received') ?? null);
}

/** Reads, deletes and returns every chunk of a completed message, in index order. */
async function collect(input: { context: ChunkContext; pk: string; message: OpenMessage }): Promise<Uint8Array[] | null> {
  const { context, pk, message } = input;
  const items = await queryPrefix({ ...context, pk, prefix: chunkKeys.chunkPrefix(message.generation) });
  const keys: Key[] = [key({ pk, sk: chunkKeys.counter })];
  for (const item of items) {
    const sk = str(item, tableDefinition.sortKey);
    if (sk) keys.push(key({ pk, sk }));
  }
  await deleteAll({ ...context, keys });
  // Sort keys are zero-padded indexes, so the query returned the chunks in order.
  const chunks = items.map((item) => bin(item, 'data'));
  const complete = chunks.length === message.count && chunks.every((chunk) => chunk !== undefined);
  return complete ? (chunks as Uint8Array[]) : null;
}

function openMessageFrom(item: Item): OpenMessage {
  const count = num(item, 'count');
  const generation = str(item, 'generation');
  const expiresAtMs = num(item, 'expiresAtMs');
  if (count === undefined || generation === undefined || expiresAtMs === undefined) throw new TypeError('malformed chunk counter');
  return { count, generation, expiresAtMs };
}

function newGeneration(random: (n: number) => Uint8Array): string {
  return [...random(8)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
