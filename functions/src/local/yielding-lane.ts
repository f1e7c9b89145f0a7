/**
 * A lane for work that may wait: it lets one waiter go per turn of the event loop, so that what
 * arrived meanwhile (a keystroke's frame) is handled before the rest of a burst.
 *
 * Why the local gateway needs it: presence renewals come in bursts (clients that connected
 * together renew together, every 15 s), and each fans out to the whole room. Handled as they are
 * read, a keystroke read behind a hundred of them waits for all their fan-outs. API Gateway has no
 * such queue (it invokes a handler per frame, concurrently), so this only keeps one process from
 * making text wait behind presence.
 */
export interface YieldingLane {
  /** Resolves on a later turn of the event loop, after the waiters before it. */
  wait(): Promise<void>;
  /** Waiters not yet let go. */
  size(): number;
}

export function createYieldingLane(): YieldingLane {
  const waiting: Array<() => void> = [];
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // setImmediate runs after the loop's poll for I/O: frames read meanwhile are handled first.
    setImmediate(turn);
  };
  const turn = () => {
    scheduled = false;
    const next = waiting.shift();
    if (waiting.length > 0) schedule();
    next?.();
  };
  return {
    wait: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        schedule();
      }),
    size: () => waiting.length,
  };
}
