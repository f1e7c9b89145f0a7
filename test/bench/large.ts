/**
 * A large document: a seeded editing trace of ~250,000 operations (~100,000 characters) replayed
 * through a server by one writer while a reader follows; then a newcomer's first sync is timed,
 * and (ours) the bytes the table holds for the document after the last writer left (which
 * compacts) are compared with the compact encoding of the final document.
 *
 * The writer sends one update per `opsPerUpdate` operations: 250,000 single-character messages
 * would take minutes through a store that writes each before fan-out, and the bench must stay
 * short. Every operation is still a separate Yjs operation inside those updates.
 */
import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import * as Y from 'yjs';
import { clientFactory, type BenchClient, type ClientFactory } from './clients.ts';
import { benchConfig } from './config.ts';
import { itemSize } from './ddb-proxy.ts';
import type { ServerHandle } from './servers/server-handle.ts';
import { percentile, round, sleep, waitFor } from './stats.ts';
import { editingTrace } from './trace.ts';

export interface LargeRun {
  server: string;
  replayMs: number;
  updates: number;
  operations: number;
  firstSyncMs: number;
  finalBytes: number;
  characters: number;
  stored: { total: number; snapshot: number } | null;
}

function replay(writer: BenchClient): { updates: number; operations: number } {
  const { operations, opsPerUpdate, seed } = benchConfig.large;
  let updates = 0;
  let done = 0;
  let inTransaction = 0;
  const steps = editingTrace({ operations, seed });
  for (let next = steps.next(); !next.done; ) {
    writer.doc.transact(() => {
      for (inTransaction = 0; !next.done && inTransaction < opsPerUpdate; next = steps.next()) {
        const step = next.value;
        if (step.kind === 'insert') writer.text.insert(step.index, step.text);
        else writer.text.delete(step.index, step.length);
        const ops = step.kind === 'insert' ? step.text.length : step.length;
        inTransaction += ops;
        done += ops;
      }
    });
    updates += 1;
  }
  return { updates, operations: done };
}

async function firstSync(factory: ClientFactory, docId: string, expected: string): Promise<number> {
  const samples: number[] = [];
  // Signed in beforehand, as a delegate is before opening a statement: the newcomer's session is
  // made by an untimed first open (every server gets one), so a sample is ticket + connect + sync.
  const warmup = factory.open({ docId, name: 'newcomer', access: 'read' });
  await warmup.synced();
  warmup.destroy();
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const client = factory.open({ docId, name: 'newcomer', access: 'read' });
    await client.synced();
    samples.push(performance.now() - start);
    if (client.readText() !== expected) throw new Error(`large: newcomer ${i} synced a different text`);
    client.destroy();
    await sleep(200);
  }
  return percentile(samples, 50);
}

/**
 * Bytes of every item the document's partition holds except connections (head, snapshots, tail),
 * and of the newest snapshot alone.
 */
async function storedBytes(server: ServerHandle, docId: string): Promise<{ total: number; snapshot: number }> {
  const client = new DynamoDBClient({
    endpoint: server.dynamoEndpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  let total = 0;
  const snapshots = new Map<string, number>();
  let start: Record<string, never> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: 'concord',
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: `DOC#${docId}` } },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      const sk = item.sk?.S ?? '';
      if (sk.startsWith('CONN#')) continue;
      total += itemSize(item as never);
      const version = /^SNAP#(\d+)#/.exec(sk)?.[1];
      if (version) snapshots.set(version, (snapshots.get(version) ?? 0) + (item.bytes?.B?.length ?? 0));
    }
    start = page.LastEvaluatedKey as typeof start;
  } while (start);
  client.destroy();
  const newest = [...snapshots.keys()].sort().at(-1);
  return { total, snapshot: newest ? (snapshots.get(newest) ?? 0) : 0 };
}

export async function measureLarge(input: { server: ServerHandle }): Promise<LargeRun> {
  const { server } = input;
  const factory = clientFactory(server);
  const docId = `stmt_large_${server.kind.replace(/\W/g, '')}`;
  const writer = factory.open({ docId, name: 'author' });
  const follower = factory.open({ docId, name: 'follower', access: 'read' });
  await Promise.all([writer.synced(), follower.synced()]);
  const start = performance.now();
  const { updates, operations } = replay(writer);
  const expected = writer.text.toString();
  if (!(await waitFor(() => follower.readText().length === expected.length, 600_000))) throw new Error('large: the follower never caught up');
  const replayMs = performance.now() - start;
  const firstSyncMs = await firstSync(factory, docId, expected);
  const finalBytes = Y.encodeStateAsUpdate(writer.doc).length;
  follower.destroy();
  writer.destroy();
  factory.close();
  let stored: LargeRun['stored'] = null;
  if (server.kind === 'concord') {
    await sleep(3_000); // the last writer leaving compacts the tail
    stored = await storedBytes(server, docId);
  }
  return { server: server.kind, replayMs: round(replayMs), updates, operations, firstSyncMs: round(firstSyncMs), finalBytes, characters: expected.length, stored };
}

export function largeMetrics(runs: readonly LargeRun[]): Record<string, number> {
  const ours = runs.find((r) => r.server === 'concord');
  if (!ours) return {};
  const metrics: Record<string, number> = {
    'large.operations': ours.operations,
    'large.updates': ours.updates,
    'large.characters': ours.characters,
    'large.finalBytes': ours.finalBytes,
    'large.storedBytes': ours.stored?.total ?? Number.NaN,
    'large.storedBytesRatio': round((ours.stored?.total ?? Number.NaN) / ours.finalBytes, 2),
    'large.snapshotBytesRatio': round((ours.stored?.snapshot ?? Number.NaN) / ours.finalBytes, 2),
    'large.firstSyncMs': ours.firstSyncMs,
    'large.replayMs': ours.replayMs,
  };
  for (const peer of runs.filter((r) => r.server !== 'concord')) {
    metrics[`large.${peer.server}.firstSyncMs`] = peer.firstSyncMs;
    metrics[`large.${peer.server}.replayMs`] = peer.replayMs;
    metrics[`large.firstSyncMs.ratio.${peer.server}`] = round(ours.firstSyncMs / peer.firstSyncMs, 2);
    metrics[`large.replayMs.ratio.${peer.server}`] = round(ours.replayMs / peer.replayMs, 2);
  }
  return metrics;
}
