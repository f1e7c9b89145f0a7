/**
 * Hostile input (issue 12, item 7): one person opening sockets in a loop, one connection sending
 * updates as fast as it can. The first is refused past the per-person cap (429 at `$connect`); the
 * second is closed with `rateLimited` once over its budget, and a quiet editor in the same room
 * keeps editing.
 */
import { CloseCode, encodeUpdate } from '@concord/sync';
import { toBase64 } from 'lib0/buffer';
import { describe, expect, it, onTestFinished } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { connectEditor, eventually, testPrincipal } from '../../support/clients.ts';
import { startTestHost } from '../../support/test-host.ts';
import { createTicketIssuer } from '../../support/ticket-issuer.ts';

const docId = 'stmt_flood';

async function hostWithIssuer() {
  const host = await startTestHost({ connectionBudget: true });
  const issuer = createTicketIssuer({ dynamoEndpoint: host.dynamoEndpoint });
  onTestFinished(() => issuer.close());
  const url = async (name: string) => {
    const ticket = await issuer.issue({ principal: testPrincipal(name), docId, access: 'write' });
    return `${host.url.replace('http', 'ws')}/ws?doc=${docId}&ticket=${ticket}`;
  };
  return { host, url };
}

/** Opens a socket; resolves with 'open' or the HTTP status that refused it. */
function open(url: string): Promise<{ socket: WebSocket; status: number }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    socket.once('open', () => resolve({ socket, status: 101 }));
    socket.once('unexpected-response', (_req, res) => resolve({ socket, status: res.statusCode ?? 0 }));
    socket.once('error', () => {});
  });
}

describe('floods at the host (dynalite)', () => {
  it('refuses a person’s connections past the cap with 429', async () => {
    const { url } = await hostWithIssuer();
    const opened: WebSocket[] = [];
    onTestFinished(() => opened.forEach((s) => s.terminate()));
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const { socket, status } = await open(await url('hoarder'));
      statuses.push(status);
      opened.push(socket);
    }
    expect(statuses.filter((s) => s === 101)).toHaveLength(20);
    expect(statuses.slice(20)).toEqual([429, 429]);
    // Someone else still gets in.
    expect((await open(await url('colleague'))).status).toBe(101);
  });

  it('closes a connection that floods updates, and a quiet editor keeps editing', async () => {
    const { host, url } = await hostWithIssuer();
    const quiet = connectEditor({ where: () => host, docId, principal: testPrincipal('quiet'), access: 'write' });
    onTestFinished(() => quiet.destroy());
    await quiet.synced();
    const { socket } = await open(await url('flooder'));
    const announced = new Promise<string>((resolve) => socket.on('message', (data) => data.toString().startsWith('e') && resolve(data.toString())));
    const flooder = new Y.Doc();
    const text = flooder.getText('text');
    // Past the budget's burst (250 messages) sent at once: closed after the burst is spent.
    for (let i = 0; i < 600 && socket.readyState === WebSocket.OPEN; i++) {
      const before = Y.encodeStateVector(flooder);
      text.insert(0, 'x');
      socket.send(`m${toBase64(encodeUpdate(Y.encodeStateAsUpdate(flooder, before)))}`);
    }
    expect(await announced).toBe(`e${CloseCode.rateLimited}.sync.rate-limited`);
    quiet.text.insert(0, 'Still typing.');
    await quiet.roundTrip();
    const reader = connectEditor({ where: () => host, docId, principal: testPrincipal('reader', 'observer'), access: 'read' });
    onTestFinished(() => reader.destroy());
    await eventually(() => reader.text.toString().includes('Still typing.'));
  }, 120_000);
});
