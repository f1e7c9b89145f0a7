/** Small statistics for the bench: percentiles over samples, rounding for the table. */

/** The p-th percentile (0–100) by nearest rank; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Rounds for results.json: 3 significant decimals is plenty for noisy timings. */
export function round(value: number, digits = 3): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * Milliseconds on one clock for every process of the bench: a process's start on the wall clock
 * plus its monotonic time since, so a stamp taken in one client process can be subtracted from a
 * stamp taken in another (on one machine their origins agree to well under a millisecond; the
 * scale suite measures and logs how far apart they are).
 */
export const clock = () => performance.timeOrigin + performance.now();

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until `check()` holds, polling; false when `timeoutMs` passed first. */
export async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await sleep(20);
  }
  return check();
}

/** Runs `task` over `items` with at most `limit` at once. */
export async function inBatches<T>(input: { items: readonly T[]; limit: number; task: (item: T) => Promise<void> }): Promise<void> {
  const queue = [...input.items];
  const workers = Array.from({ length: Math.min(input.limit, queue.length) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await input.task(item);
  });
  await Promise.all(workers);
}
