import { describe, expect, it, vi } from 'vitest';
import { startCallTimer } from './call-timer.ts';

describe('the local call timer', () => {
  it('runs at once and then on every tick, never two runs at a time, and logs a failed run', async () => {
    vi.useFakeTimers();
    try {
      const log = vi.fn();
      let release: () => void = () => {};
      let runs = 0;
      const run = vi.fn(() => {
        runs += 1;
        if (runs === 2) return Promise.reject(new Error('store down'));
        return new Promise<void>((resolve) => (release = resolve));
      });
      const stop = startCallTimer({ run, everyMs: 1_000, log });
      expect(run).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(3_000);
      expect(run).toHaveBeenCalledTimes(1); // the first run has not finished
      release();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(run).toHaveBeenCalledTimes(2);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(log).toHaveBeenCalledWith(expect.objectContaining({ code: 'calls.schedule-failed' }));
      expect(run).toHaveBeenCalledTimes(3);
      stop();
      await vi.advanceTimersByTimeAsync(5_000);
      expect(run).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
