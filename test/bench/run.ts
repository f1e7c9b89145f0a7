/**
 * `pnpm bench`: every figure measured side by side in one run, ours beside a peer's, printed as a
 * ratio; ends by writing bench/results.json and the table in bench/README.md. Not a test: it
 * asserts nothing about timings. Sizes come from the environment (config.ts).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { measureCost } from './cost.ts';
import { benchConfig } from './config.ts';
import { largeMetrics, measureLarge, type LargeRun } from './large.ts';
import { latencyMetrics, measureLatency, type LatencyRun } from './latency.ts';
import { writeResults, table, machine } from './report.ts';
import { measureScale, scaleMetrics, type ScaleRun } from './scale.ts';
import { measurePublicPage } from './public-page.ts';
import { measureFlood } from './flood.ts';
import { measureBrowser } from './browser.ts';
import { startServer, type ServerHandle, type ServerKind } from './servers/server-handle.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const log = (line: string) => console.log(`[bench] ${line}`);

/** Runs `task` with a fresh server of `kind`, closing it afterwards whatever happens. */
async function withServer<T>(kind: ServerKind, flags: string[], task: (server: ServerHandle) => Promise<T>): Promise<T> {
  const server = await startServer({ kind, flags });
  try {
    return await task(server);
  } finally {
    await server.close();
  }
}

async function latencySuite(): Promise<Record<string, number>> {
  const runs: LatencyRun[] = [];
  for (const editors of benchConfig.latency.editors) {
    for (const kind of ['concord', ...benchConfig.peers] as ServerKind[]) {
      const run = await withServer(kind, [], (server) => measureLatency({ server, editors, seed: editors }));
      log(latencyLine(run));
      runs.push(run);
    }
    // The adapters Lambda runs, on this host: the AWS path measured on every run, not assumed.
    const aws = await withServer('concord', ['--aws'], (server) => measureLatency({ server, editors, seed: editors, label: 'concord-aws' }));
    log(latencyLine(aws));
    runs.push(aws);
  }
  // The largest room again with y-websocket's stock provider, which relays others' awareness (see ClientOptions).
  const largest = Math.max(...benchConfig.latency.editors);
  const own = await withServer('concord', [], (server) => measureLatency({ server, editors: largest, seed: largest, relayAwareness: true }));
  log(latencyLine(own));
  runs.push(own);
  return latencyMetrics(runs);
}

function latencyLine(run: LatencyRun): string {
  return `latency ${run.editors} editors, ${run.server}: p50 ${run.p50} ms, p99 ${run.p99} ms (${run.samples} samples, ${run.missing} missing), server CPU ${run.cpuMsPerKey} ms a key (event loop ${run.mainCpuMsPerKey})`;
}

/** Cost on the Lambda-shaped adapters (what AWS bills); the local host's beside it, prefixed `local.`. */
async function costSuite(): Promise<Record<string, number>> {
  const metrics = await withServer('concord', ['--count-dynamo', '--aws'], (server) => measureCost({ server, seed: 11 }));
  log(`cost (Lambda's adapters): ${metrics['ddb.requestsPerUpdate']} DynamoDB requests, ${metrics['lambda.invocationsPerUpdate']} invocations, ${metrics['apigw.messagesPerUpdate']} API Gateway messages per update; $${metrics['cost.dollarsPerEditorHour']} per editor-hour`);
  log(`cost (Lambda's adapters) while typing: ${metrics['ddb.requestsPerUpdate.typing']} DynamoDB requests and ${metrics['lambda.invocationsPerUpdate.typing']} invocations per update; ${metrics['ddb.requestsPerConnection']} requests per connection besides`);
  const local = await withServer('concord', ['--count-dynamo'], (server) => measureCost({ server, seed: 11 }));
  log(`cost (local host's adapters): ${local['ddb.requestsPerUpdate']} DynamoDB requests per update`);
  for (const [key, value] of Object.entries(local)) metrics[`local.${key}`] = value;
  return metrics;
}

async function largeSuite(): Promise<Record<string, number>> {
  const runs: LargeRun[] = [];
  for (const kind of ['concord', ...benchConfig.peers] as ServerKind[]) {
    const run = await withServer(kind, kind === 'concord' ? ['--no-budget'] : [], (server) => measureLarge({ server }));
    log(`large ${kind}: replay ${Math.round(run.replayMs)} ms, first sync ${run.firstSyncMs} ms${run.stored ? `, stored ${run.stored.total} B for ${run.finalBytes} B` : ''}`);
    runs.push(run);
  }
  return largeMetrics(runs);
}

async function scaleSuite(): Promise<Record<string, number>> {
  const { roomEditors, connections, statements } = benchConfig.scale;
  const shapes = [
    { statements: 1, perStatement: roomEditors },
    { statements, perStatement: Math.max(2, Math.round(connections / statements)) },
  ];
  // Ours as the browser behaves (own awareness only), ours with y-websocket's stock provider that
  // relays others' awareness (what the browser did before), and the reference server.
  const variants = [
    { kind: 'concord', relayAwareness: false },
    { kind: 'concord', relayAwareness: true },
    { kind: 'y-websocket', relayAwareness: false },
  ] as const;
  const runs: ScaleRun[] = [];
  for (const shape of shapes) {
    for (const { kind, relayAwareness } of variants) {
      const run = await withServer(kind, [], (server) => measureScale({ server, ...shape, seed: 3, relayAwareness }));
      log(`scale ${run.connections} connections on ${run.statements} statements, ${run.server}: ${run.errors} errors, p50 ${run.p50} ms, p99 ${run.p99} ms, connected in ${Math.round(run.connectMs)} ms (clients in ${run.processes} processes, clocks ${run.clockSkewMs} ms apart)`);
      runs.push(run);
    }
  }
  return scaleMetrics(runs);
}

/** A quiet editor's latency with and without a flooder in the room (the connection budget at work). */
async function floodSuite(): Promise<Record<string, number>> {
  const metrics = await withServer('concord', [], (server) => measureFlood({ server }));
  log(`flood: quiet editors p99 ${metrics['flood.quiet.p99Ms']} ms alone, ${metrics['flood.withFlooder.p99Ms']} ms beside a flooder (×${metrics['flood.p99.ratio']}; ${metrics['flood.flooderFrames']} frames, ${metrics['flood.flooderCloses']} closes, ${metrics['flood.flooderRefused']} connects refused)`);
  return metrics;
}

/** The public declaration page beside a static server of the same HTML (needs the built web app). */
async function publicSuite(): Promise<Record<string, number>> {
  return measurePublicPage({ requests: benchConfig.public.requests, log });
}

/** Keystrokes from one Chromium page to another through the web app (needs the built web app). */
async function browserSuite(): Promise<Record<string, number>> {
  const metrics = await measureBrowser({ log });
  const parts = ['editor', 'server', 'apply', 'paint'].map((part) => `${part} ${metrics[`browser.${part}.p50Ms`]}/${metrics[`browser.${part}.p99Ms`]}`);
  log(`browser: keydown to painted p50 ${metrics['browser.p50Ms']} ms (×${metrics['browser.p50.target']} of 50), p99 ${metrics['browser.p99Ms']} ms (×${metrics['browser.p99.target']} of 150); p50/p99 ms by part: ${parts.join(', ')} (${metrics['browser.samples']} samples, ${metrics['browser.missing']} missing)`);
  return metrics;
}

const suites: Record<string, () => Promise<Record<string, number>>> = {
  latency: latencySuite,
  cost: costSuite,
  large: largeSuite,
  scale: scaleSuite,
  public: publicSuite,
  flood: floodSuite,
  browser: browserSuite,
};

// Checked before anything runs: a full run that fails at its sixth suite has written nothing.
const unknown = benchConfig.suites.filter((name) => !suites[name]);
if (unknown.length > 0) throw new Error(`unknown suite(s) ${unknown.join(', ')} (known: ${Object.keys(suites).join(', ')})`);
const needWeb = benchConfig.suites.filter((name) => name === 'public' || name === 'browser');
if (needWeb.length > 0 && !existsSync(`${root}web/build/handler.js`)) {
  throw new Error(`the ${needWeb.join(' and ')} suite(s) need the built web app: run \`pnpm --filter @concord/web build\` first, or leave them out of BENCH_SUITES`);
}

const started = performance.now();
log(`machine: ${machine()}; suites: ${benchConfig.suites.join(', ')}; peers: ${benchConfig.peers.join(', ')}`);
const metrics: Record<string, number> = {};
for (const name of benchConfig.suites) {
  const suite = suites[name]!;
  const suiteStart = performance.now();
  Object.assign(metrics, await suite());
  log(`${name} done in ${Math.round((performance.now() - suiteStart) / 1000)} s`);
}
const elapsedMs = performance.now() - started;
// A run of some suites (BENCH_SUITES) replaces their metrics and keeps the others' from the last run.
const partial = Object.keys(suites).some((name) => !benchConfig.suites.includes(name));
writeResults({ metrics, resultsPath: `${root}bench/results.json`, readmePath: `${root}bench/README.md`, elapsedMs, rerun: partial ? benchConfig.suites : null });
console.log(`\n${table(metrics)}\n\nWrote bench/results.json and the table in bench/README.md (${Math.round(elapsedMs / 1000)} s).`);
