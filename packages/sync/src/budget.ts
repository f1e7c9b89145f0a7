/**
 * A person's budget of messages and bytes across their connections (token buckets, refilled with
 * time; keyed by whatever the caller passes — the sync core passes the user id, so reconnecting
 * does not refill it): what a fast typist, a paste and a reconnect need, with room to spare — and
 * not what a flood needs. A connection over budget is closed (`CloseCode.rateLimited`), so one client cannot slow a
 * statement for everyone (issue 12: 2,000 updates from one connection delayed a quiet editor by
 * 200 ms). Kept in the memory of the process that handles the connection: the local gateway's, or
 * a warm Lambda's — there a best effort, behind API Gateway's own route throttling (SECURITY.md).
 */
export interface BudgetSettings {
  /** Messages a second, sustained, and the burst allowed on top. */
  messagesPerSecond: number;
  messageBurst: number;
  /** Bytes a second, sustained, and the burst (the largest paste, MESSAGE_MAX_BYTES, fits). */
  bytesPerSecond: number;
  byteBurst: number;
  /**
   * How long a person closed for their budget may not connect again, doubling with each repeat
   * (up to `maxCooldownMs`) and forgiven after `forgiveAfterMs` without one. Without it a script
   * reconnects at once and every reconnect costs the host a `$connect`, a `$disconnect` and the
   * frames already queued (the flood bench measured the quiet editors' p99 ×4–6).
   */
  cooldownMs: number;
  maxCooldownMs: number;
  forgiveAfterMs: number;
  /**
   * What opening a connection costs, in messages: a script that connects and drops (or sends a
   * frame the gateway itself refuses, which never reaches a handler) in a loop meets the cooldown
   * too, while a person's tabs and reconnects after a network blip stay far inside the burst.
   */
  connectMessages: number;
}

export const defaultBudget: BudgetSettings = {
  messagesPerSecond: 50,
  // A 4 MB paste is 175 chunk frames; a reconnect a handful.
  messageBurst: 250,
  bytesPerSecond: 128 * 1024,
  byteBurst: 8 * 1024 * 1024,
  cooldownMs: 10_000,
  maxCooldownMs: 5 * 60_000,
  forgiveAfterMs: 10 * 60_000,
  connectMessages: 10,
};

export interface ConnectionBudgets {
  /**
   * Spends `messages` (default one) of `bytes`; false when over the budget (which starts a
   * cooldown). A connection costs `connectMessages`: reconnecting in a loop spends it too.
   */
  spend(input: { connectionId: string; bytes: number; now: number; messages?: number }): boolean;
  /** Milliseconds before `key` may connect again after being closed for its budget; 0 when it may. */
  coolingFor(input: { key: string; now: number }): number;
  forget(connectionId: string): void;
}

interface Cooldown {
  until: number;
  strikes: number;
}

interface Bucket {
  messages: number;
  bytes: number;
  at: number;
}

export function createConnectionBudgets(settings: BudgetSettings = defaultBudget): ConnectionBudgets {
  const buckets = new Map<string, Bucket>();
  const cooldowns = new Map<string, Cooldown>();

  /** A strike while already cooling (frames queued before the close) does not count again. */
  function strike(key: string, now: number): void {
    const last = cooldowns.get(key);
    if (last && now < last.until) return;
    const strikes = last && now - last.until < settings.forgiveAfterMs ? last.strikes + 1 : 1;
    const length = Math.min(settings.maxCooldownMs, settings.cooldownMs * 2 ** (strikes - 1));
    cooldowns.set(key, { until: now + length, strikes });
  }

  return {
    spend({ connectionId, bytes, now, messages = 1 }) {
      const bucket = buckets.get(connectionId) ?? { messages: settings.messageBurst, bytes: settings.byteBurst, at: now };
      const seconds = Math.max(0, now - bucket.at) / 1000;
      bucket.messages = Math.min(settings.messageBurst, bucket.messages + seconds * settings.messagesPerSecond) - messages;
      bucket.bytes = Math.min(settings.byteBurst, bucket.bytes + seconds * settings.bytesPerSecond) - bytes;
      bucket.at = now;
      buckets.set(connectionId, bucket);
      const within = bucket.messages >= 0 && bucket.bytes >= 0;
      if (!within) strike(connectionId, now);
      return within;
    },
    coolingFor({ key, now }) {
      const cooldown = cooldowns.get(key);
      return cooldown ? Math.max(0, cooldown.until - now) : 0;
    },
    forget: (connectionId) => void buckets.delete(connectionId),
  };
}

/**
 * Bytes of chunked messages a connection has started and not finished, per connection (in the
 * memory of the process handling it, like the budgets). `add` is false once a connection would
 * hold more than `limit`: a client that starts messages it never finishes is closed.
 */
export function createIncompleteChunks(limit: number) {
  const byConnection = new Map<string, Map<string, number>>();
  return {
    add(input: { connectionId: string; messageId: string; bytes: number }): boolean {
      const messages = byConnection.get(input.connectionId) ?? new Map<string, number>();
      messages.set(input.messageId, (messages.get(input.messageId) ?? 0) + input.bytes);
      byConnection.set(input.connectionId, messages);
      let total = 0;
      for (const bytes of messages.values()) total += bytes;
      return total <= limit;
    },
    done(input: { connectionId: string; messageId: string }): void {
      byConnection.get(input.connectionId)?.delete(input.messageId);
    },
    forget: (connectionId: string) => void byConnection.delete(connectionId),
  };
}
