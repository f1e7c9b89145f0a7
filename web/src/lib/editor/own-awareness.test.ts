import { sendOwnAwarenessOnly } from '@concord/sync/own-awareness';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';

/** A socket that is open at once and records what the provider sends. */
function recordingSocket(sent: Uint8Array[]) {
  return class {
    static OPEN = 1;
    readonly OPEN = 1;
    readyState = 1;
    binaryType = 'arraybuffer';
    onopen: (() => void) | null = null;
    onmessage: unknown = null;
    onclose: unknown = null;
    onerror: unknown = null;
    constructor() {
      queueMicrotask(() => this.onopen?.());
    }
    send(data: Uint8Array) {
      sent.push(data);
    }
    close() {}
  };
}

/** Awareness messages (type 1) the provider sent, decoded to the client ids they carry. */
function awarenessClientIds(sent: Uint8Array[]): number[][] {
  return sent.filter((m) => m[0] === 1).map((m) => {
    const probe = new Awareness(new Y.Doc());
    const ids: number[] = [];
    probe.on('update', ({ added, updated }: { added: number[]; updated: number[] }) => ids.push(...added, ...updated));
    // Strip the message type and the length prefix of the awareness payload.
    applyAwarenessUpdate(probe, m.subarray(m[1]! < 128 ? 2 : 3), 'test');
    return ids;
  });
}

async function providerWith(narrow: boolean) {
  const sent: Uint8Array[] = [];
  const doc = new Y.Doc();
  const provider = new WebsocketProvider('ws://test', 'doc', doc, { disableBc: true, WebSocketPolyfill: recordingSocket(sent) as never });
  const replaced = narrow ? sendOwnAwarenessOnly(provider) : null;
  await new Promise((resolve) => setTimeout(resolve, 0));
  provider.awareness.setLocalStateField('user', { name: 'Aino' });
  // Someone else's caret arrives from the server.
  const other = new Awareness(new Y.Doc());
  other.setLocalStateField('user', { name: 'Mercy' });
  applyAwarenessUpdate(provider.awareness, encodeAwarenessUpdate(other, [other.clientID]), 'server');
  const ids = awarenessClientIds(sent);
  provider.destroy();
  return { replaced, ids, own: doc.clientID, otherId: other.clientID };
}

describe('sendOwnAwarenessOnly on y-websocket’s provider', () => {
  it('finds the provider’s awareness handler to replace', async () => {
    expect((await providerWith(true)).replaced).toBe(true);
  });

  it('sends our own entry, never a relay of someone else’s (the stock provider relays it)', async () => {
    const stock = await providerWith(false);
    expect(stock.ids.flat()).toContain(stock.otherId);
    const narrowed = await providerWith(true);
    expect(narrowed.ids.flat()).toContain(narrowed.own);
    expect(narrowed.ids.flat()).not.toContain(narrowed.otherId);
  });
});
