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
}

export const defaultBudget: BudgetSettings = {
  messagesPerSecond: 50,
  // A 4 MB paste is 175 chunk frames; a reconnect a handful.
  messageBurst: 250,
  bytesPerSecond: 128 * 1024,
  byteBurst: 8 * 1024 * 1024,
};

export interface ConnectionBudgets {
  /** Spends one message of `bytes`; false when the connection is over its budget. */
  spend(input: { connectionId: string; bytes: number; now: number }): boolean;
  forget(connectionId: string): void;
}

interface Bucket {
  messages: number;
  bytes: number;
  at: number;
}

export function createConnectionBudgets(settings: BudgetSettings = defaultBudget): ConnectionBudgets {
  const buckets = new Map<string, Bucket>();
  return {
    spend({ connectionId, bytes, now }) {
      const bucket = buckets.get(connectionId) ?? { messages: settings.messageBurst, bytes: settings.byteBurst, at: now };
      const seconds = Math.max(0, now - bucket.at) / 1000;
      bucket.messages = Math.min(settings.messageBurst, bucket.messages + seconds * settings.messagesPerSecond) - 1;
      bucket.bytes = Math.min(settings.byteBurst, bucket.bytes + seconds * settings.bytesPerSecond) - bytes;
      bucket.at = now;
      buckets.set(connectionId, bucket);
      return bucket.messages >= 0 && bucket.bytes >= 0;
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
