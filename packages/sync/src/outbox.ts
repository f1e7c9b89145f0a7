/**
 * Sending to connections through the Gateway port: every protocol message becomes one or more
 * base64 text frames (see frames.ts). Posts are awaited — in Lambda an unawaited post dies when
 * the handler returns — and a connection that is gone is reported so the caller can forget it.
 */
import { encodeError, encodeMessage, encodeMessages } from './frames.ts';
import type { Gateway } from './ports.ts';

export interface Outbox {
  /** Sends one message; 'gone' when the connection no longer exists. Never throws. */
  send(input: { connectionId: string; data: Uint8Array }): Promise<'ok' | 'gone' | 'failed'>;
  /** Sends several messages to one connection in as few frames as fit (batch frames). */
  sendMany(input: { connectionId: string; messages: readonly Uint8Array[] }): Promise<'ok' | 'gone' | 'failed'>;
  /**
   * Sends one message — or several, in as few frames as fit — to many connections at once;
   * returns the ids that are gone.
   */
  fanOut(input: { connectionIds: readonly string[]; data: Uint8Array | readonly Uint8Array[] }): Promise<string[]>;
  /** Tells the client why (an `e` frame), then closes its connection. Never throws. */
  close(input: { connectionId: string; code: number; reason: string }): Promise<void>;
}

export function createOutbox(input: {
  gateway: Gateway;
  newId: () => string;
  onError: (input: { code: string; connectionId: string; error: unknown }) => void;
}): Outbox {
  const { gateway, newId, onError } = input;

  async function post(connectionId: string, frames: readonly string[]): Promise<'ok' | 'gone' | 'failed'> {
    try {
      for (const frame of frames) {
        if ((await gateway.post({ connectionId, frame })) === 'gone') return 'gone';
      }
      return 'ok';
    } catch (error) {
      onError({ code: 'sync.post-failed', connectionId, error });
      return 'failed';
    }
  }

  return {
    send: ({ connectionId, data }) => post(connectionId, encodeMessage({ data, messageId: newId() })),
    sendMany: ({ connectionId, messages }) => post(connectionId, encodeMessages({ messages, newMessageId: newId })),
    async fanOut({ connectionIds, data }) {
      if (connectionIds.length === 0) return [];
      // Encoded once for everyone: base64 of the same bytes is the same frames.
      const frames = data instanceof Uint8Array ? encodeMessage({ data, messageId: newId() }) : encodeMessages({ messages: data, newMessageId: newId });
      const results = await Promise.all(connectionIds.map((connectionId) => post(connectionId, frames)));
      return connectionIds.filter((_, i) => results[i] === 'gone');
    },
    async close({ connectionId, code, reason }) {
      try {
        await gateway.post({ connectionId, frame: encodeError({ code, reason }) });
        await gateway.close({ connectionId, code, reason });
      } catch (error) {
        onError({ code: 'sync.close-failed', connectionId, error });
      }
    },
  };
}
