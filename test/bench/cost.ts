/**
 * Cost per update: a typing session of several editors (each keystroke an update and a cursor
 * move, as in the browser), from the first connect to the last disconnect and the compaction it
 * triggers. DynamoDB requests and bytes are counted on the wire by the proxy in front of dynalite;
 * invocations at the realtime handlers, one per API Gateway event (= one Lambda invocation).
 */
import { clientFactory } from './clients.ts';
import { benchConfig, keysPerEditor } from './config.ts';
import type { ServerHandle } from './servers/server-handle.ts';
import { round, sleep } from './stats.ts';
import { typeTogether } from './typing.ts';

export async function measureCost(input: { server: ServerHandle; seed: number }): Promise<Record<string, number>> {
  const { server } = input;
  const { editors, updates } = benchConfig.cost;
  const factory = clientFactory(server);
  await server.reset();
  const docId = `stmt_cost_${input.seed}`;
  const clients = Array.from({ length: editors }, (_, i) => factory.open({ docId, name: `typist${i}` }));
  await Promise.all(clients.map((c) => c.synced()));
  // The typing alone (compactions and stored carets included), apart from connecting and leaving.
  const beforeTyping = await settledCounts(server);
  const keysPerSecond = keysPerEditor(editors);
  const result = await typeTogether({
    clients,
    keysPerSecond,
    durationMs: (updates / (keysPerSecond * editors)) * 1_000,
    withCursor: true,
    seed: input.seed,
  });
  const afterTyping = await settledCounts(server);
  clients.forEach((c) => c.destroy());
  factory.close();
  const counts = await settledCounts(server);
  if (!counts || !beforeTyping || !afterTyping) throw new Error('cost: the server reported no counts');
  const { dynamo, invocations } = counts;
  const per = (n: number) => round(n / result.inserts, 2);
  const metrics: Record<string, number> = {
    'cost.updates': result.inserts,
    'ddb.requestsPerUpdate': per(dynamo.requests),
    'ddb.bytesReadPerUpdate': per(dynamo.bytesRead),
    'ddb.bytesWrittenPerUpdate': per(dynamo.bytesWritten),
    'ddb.readUnitsPerUpdate': per(dynamo.readUnits),
    'ddb.writeUnitsPerUpdate': per(dynamo.writeUnits),
    'lambda.invocationsPerUpdate': per(invocations.connect + invocations.message + invocations.disconnect),
    // API Gateway bills every frame in and out (in 32 KB units; ours are far smaller).
    'apigw.messagesPerUpdate': per(invocations.connect + invocations.message + invocations.disconnect + invocations.posts),
  };
  const invoked = (c: typeof counts) => c.invocations.connect + c.invocations.message + c.invocations.disconnect;
  metrics['ddb.requestsPerUpdate.typing'] = per(afterTyping.dynamo.requests - beforeTyping.dynamo.requests);
  metrics['lambda.invocationsPerUpdate.typing'] = per(invoked(afterTyping) - invoked(beforeTyping));
  // What a connection costs apart from its keystrokes: connecting, the first sync, leaving, the last compaction.
  metrics['ddb.requestsPerConnection'] = round((counts.dynamo.requests - (afterTyping.dynamo.requests - beforeTyping.dynamo.requests)) / editors, 1);
  metrics['cost.dollarsPerEditorHour'] = dollarsPerEditorHour({ metrics, editors });
  for (const [operation, n] of Object.entries(dynamo.byOperation)) metrics[`ddb.${operation}PerUpdate`] = per(n);
  // Where the typing's requests go (the target is about these): each operation apart.
  for (const [operation, n] of Object.entries(afterTyping.dynamo.byOperation)) {
    metrics[`ddb.${operation}PerUpdate.typing`] = per(n - (beforeTyping.dynamo.byOperation[operation] ?? 0));
  }
  return metrics;
}

/** Counts once the last disconnect (and the compaction it starts) has finished: no change for a second. */
async function settledCounts(server: ServerHandle) {
  let previous = '';
  for (let i = 0; i < 60; i++) {
    await sleep(1_000);
    const counts = await server.counts();
    const now = JSON.stringify(counts);
    if (now === previous) return counts;
    previous = now;
  }
  return server.counts();
}

/**
 * AWS list prices (us-east-1, on-demand, December 2026 price pages): DynamoDB $0.625 per million
 * write and $0.125 per million read request units; Lambda $0.20 per million requests and
 * $0.0000166667 per GB-second (assumed 512 MB, 30 ms an invocation); API Gateway WebSocket $1.00
 * per million messages and $0.25 per million connection-minutes.
 */
const prices = { wru: 0.625e-6, rru: 0.125e-6, invocation: 0.2e-6, gbSecond: 0.0000166667, message: 1e-6, connectionMinute: 0.25e-6 };
const lambdaGbSeconds = 0.5 * 0.03;

/**
 * Dollars per active editor-hour: one editor typing a key a second for an hour in a room of the
 * measured size (each keystroke's fan-out included), plus the hour of connection. The measured
 * room types faster than one key a second; the per-keystroke figures do not depend on the pace.
 */
function dollarsPerEditorHour(input: { metrics: Record<string, number>; editors: number }): number {
  const m = input.metrics;
  const perKeystroke =
    (m['ddb.writeUnitsPerUpdate'] ?? 0) * prices.wru +
    (m['ddb.readUnitsPerUpdate'] ?? 0) * prices.rru +
    (m['lambda.invocationsPerUpdate'] ?? 0) * (prices.invocation + lambdaGbSeconds * prices.gbSecond) +
    (m['apigw.messagesPerUpdate'] ?? 0) * prices.message;
  return round(3_600 * perKeystroke + 60 * prices.connectionMinute, 4);
}
