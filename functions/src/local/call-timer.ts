/**
 * The local host's stand-in for the SST Cron: runs the call schedule every `everyMs` (so calls
 * close at their deadline even when no page is open). Runs never overlap; a failed run is logged
 * and the next one tries again.
 */
import type { HostLog } from './host.ts';

export const callScheduleEveryMs = 15_000;

export function startCallTimer(input: { run: (now: number) => Promise<unknown>; everyMs: number; log: HostLog }): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    input
      .run(Date.now())
      .catch((error: unknown) => input.log({ level: 'warn', code: 'calls.schedule-failed', error }))
      .finally(() => (running = false));
  };
  const timer = setInterval(tick, input.everyMs);
  timer.unref();
  tick();
  return () => clearInterval(timer);
}
