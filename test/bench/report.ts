/**
 * The bench's output: `bench/results.json` (one flat object, metric → number), a short table on
 * stdout, and the generated part of `bench/README.md` (between its markers; the prose around
 * them is written by hand and kept).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

const start = '<!-- bench:results:start -->';
const end = '<!-- bench:results:end -->';

/** The headline rows of the table: ratios first, then what has no peer. */
const headline = [
  'latency.2.p50.ratio', 'latency.2.p99.ratio', 'latency.10.p50.ratio', 'latency.10.p99.ratio', 'latency.50.p50.ratio', 'latency.50.p99.ratio',
  'latency.2.p50.ratio.hocuspocus', 'latency.10.p50.ratio.hocuspocus', 'latency.50.p50.ratio.hocuspocus',
  'ddb.requestsPerUpdate', 'ddb.bytesReadPerUpdate', 'lambda.invocationsPerUpdate',
  'large.storedBytesRatio', 'large.firstSyncMs', 'large.firstSyncMs.ratio.y-websocket',
  'scale.errors', 'scale.p99Ms', 'scale.room.p99.ratio', 'scale.spread.p99.ratio',
];

export function machine(): string {
  const cpu = cpus();
  return `${cpu.length} cores, ${cpu[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, ${process.platform}`;
}

export function table(metrics: Record<string, number>): string {
  const keys = Object.keys(metrics).sort();
  const rows = [...headline.filter((k) => k in metrics), ...keys.filter((k) => !headline.includes(k))];
  const width = Math.max(...rows.map((k) => k.length));
  return rows.map((k) => `${k.padEnd(width)}  ${metrics[k]}`).join('\n');
}

export function writeResults(input: { metrics: Record<string, number>; resultsPath: string; readmePath: string; elapsedMs: number }): void {
  const { metrics } = input;
  const clean = Object.fromEntries(Object.entries(metrics).filter(([, v]) => Number.isFinite(v)));
  writeFileSync(input.resultsPath, `${JSON.stringify(clean, null, 2)}\n`);
  const generated = [
    start,
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}; the run took ${Math.round(input.elapsedMs / 1000)} s.`,
    '',
    '| metric | value |',
    '|---|---|',
    ...table(clean)
      .split('\n')
      .map((line) => line.trim().split(/\s{2,}/))
      .map(([k, v]) => `| \`${k}\` | ${v} |`),
    end,
  ].join('\n');
  const readme = existsSync(input.readmePath) ? readFileSync(input.readmePath, 'utf8') : `# Benchmarks\n\n${start}\n${end}\n`;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  const next = from >= 0 && to > from ? readme.slice(0, from) + generated + readme.slice(to + end.length) : `${readme}\n${generated}\n`;
  writeFileSync(input.readmePath, next);
}
