/**
 * A server process's CPU time, read from Linux's /proc: the whole process (every thread, those
 * already gone included) and its main thread (the task whose id is the process's). Latency says
 * how late a keystroke arrives; CPU says what it cost — steadier on a noisy machine, and on two
 * cores a server's CPU is also the clients' and the reference's loss. Null where there is no /proc.
 */
import { readFileSync } from 'node:fs';

export interface CpuTime {
  /** Every thread: the event loop, the store's worker, V8's and libuv's helpers. */
  totalMs: number;
  /** The event loop's thread alone (gateway, handlers, fan-out). */
  mainMs: number;
}

/** USER_HZ, the unit of /proc's times: 100 on every Linux this runs on (sysconf(_SC_CLK_TCK)). */
const ticksPerSecond = 100;

function ticks(path: string): number {
  // Fields after the command name, which sits in parentheses and may hold spaces.
  const stat = readFileSync(path, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of stat(5); 12 and 13 counted from the state (field 3).
  return Number(fields[11]) + Number(fields[12]);
}

export function processCpu(pid: number): CpuTime | null {
  try {
    const toMs = (n: number) => (n * 1_000) / ticksPerSecond;
    return { totalMs: toMs(ticks(`/proc/${pid}/stat`)), mainMs: toMs(ticks(`/proc/${pid}/task/${pid}/stat`)) };
  } catch {
    return null;
  }
}

/** CPU spent between two readings; null if either is missing. */
export function cpuSpent(before: CpuTime | null, after: CpuTime | null): CpuTime | null {
  if (!before || !after) return null;
  return { totalMs: after.totalMs - before.totalMs, mainMs: after.mainMs - before.mainMs };
}
