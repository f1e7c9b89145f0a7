/**
 * The bench's output: `bench/results.json` (one flat object, metric → number), a short table on
 * stdout, and the generated part of `bench/README.md` (between its markers; the prose around
 * them is written by hand and kept).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

const start = '<!-- bench:results:start -->';
const end = '<!-- bench:results:end -->';

/** The rows of the short table (results.json has every metric): ratios first, then ours and the peers'. */
const headline = [
  ...[2, 10, 50].flatMap((n) => [
    `latency.${n}.p50.ratio`, `latency.${n}.p99.ratio`, `latency.${n}.p50.ratio.hocuspocus`, `latency.${n}.p99.ratio.hocuspocus`,
    `latency.${n}.concord.p50Ms`, `latency.${n}.concord.p99Ms`, `latency.${n}.y-websocket.p50Ms`, `latency.${n}.y-websocket.p99Ms`,
    `latency.${n}.hocuspocus.p50Ms`, `latency.${n}.hocuspocus.p99Ms`, `latency.${n}.concord-relaying.p50Ms`, `latency.${n}.concord-relaying.p99Ms`,
    `latency.${n}.cpu.ratio`, `latency.${n}.cpu.main.ratio`, `latency.${n}.concord.cpuMsPerKey`, `latency.${n}.y-websocket.cpuMsPerKey`,
  ]),
  'ddb.requestsPerUpdate', 'ddb.bytesReadPerUpdate', 'ddb.bytesWrittenPerUpdate', 'ddb.readUnitsPerUpdate', 'ddb.writeUnitsPerUpdate',
  'ddb.requestsPerUpdate.typing', 'ddb.requestsPerConnection', 'lambda.invocationsPerUpdate.typing',
  'apigw.messagesPerUpdate', 'cost.dollarsPerEditorHour', 'local.ddb.requestsPerUpdate',
  'lambda.invocationsPerUpdate', 'ddb.GetItemPerUpdate', 'ddb.QueryPerUpdate', 'ddb.PutItemPerUpdate', 'ddb.UpdateItemPerUpdate',
  'large.operations', 'large.updates', 'large.characters', 'large.storedBytesRatio', 'large.snapshotBytesRatio',
  'large.firstSyncMs', 'large.firstSyncMs.ratio.y-websocket', 'large.firstSyncMs.ratio.hocuspocus', 'large.replayMs.ratio.y-websocket',
  'scale.errors', 'scale.p99Ms', 'scale.runsWithNothingDelivered', 'scale.room.errors', 'scale.room.concord-relaying.errors',
  'scale.room.concord-relaying.p99Ms', 'scale.room.y-websocket.p99Ms', 'scale.room.p99.ratio', 'scale.spread.errors', 'scale.spread.p99Ms',
  'scale.spread.p99.ratio', 'scale.spread.concord-relaying.errors', 'scale.spread.concord-relaying.p99Ms', 'scale.spread.y-websocket.p99Ms',
  'browser.p50.target', 'browser.p99.target', 'browser.p50Ms', 'browser.p99Ms', 'browser.missing',
  ...['editor', 'server', 'apply', 'paint'].flatMap((part) => [`browser.${part}.p50Ms`, `browser.${part}.p99Ms`]),
];

export function machine(): string {
  const cpu = cpus();
  return `${cpu.length} cores, ${cpu[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, ${process.platform}`;
}

export function table(metrics: Record<string, number>): string {
  const rows = headline.filter((k) => k in metrics);
  const width = Math.max(...rows.map((k) => k.length));
  return rows.map((k) => `${k.padEnd(width)}  ${metrics[k]}`).join('\n');
}

export function writeResults(input: { metrics: Record<string, number>; resultsPath: string; readmePath: string; elapsedMs: number; rerun: string[] | null }): void {
  const previous = input.rerun && existsSync(input.resultsPath) ? (JSON.parse(readFileSync(input.resultsPath, 'utf8')) as Record<string, number>) : {};
  const metrics = { ...previous, ...input.metrics };
  const clean = Object.fromEntries(Object.entries(metrics).filter(([, v]) => Number.isFinite(v)));
  writeFileSync(input.resultsPath, `${JSON.stringify(clean, null, 2)}\n`);
  const generated = [
    start,
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}; the run took ${Math.round(input.elapsedMs / 1000)} s${input.rerun ? ` and re-measured only ${input.rerun.join(', ')} (the other figures are the previous full run's)` : ''}.`,
    '',
    '| metric | value |',
    '|---|---|',
    ...table(clean)
      .split('\n')
      .map((line) => line.trim().split(/\s{2,}/))
      .map(([k, v]) => `| \`${k}\` | ${v} |`),
    '',
    'Every metric of the run is in `results.json`.',
    end,
  ].join('\n');
  const readme = existsSync(input.readmePath) ? readFileSync(input.readmePath, 'utf8') : `# Benchmarks\n\n${start}\n${end}\n`;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  const next = from >= 0 && to > from ? readme.slice(0, from) + generated + readme.slice(to + end.length) : `${readme}\n${generated}\n`;
  writeFileSync(input.readmePath, next);
}
