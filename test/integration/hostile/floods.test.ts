/**
 * Hostile input (issue 12, item 7): one person opening sockets in a loop, one connection sending
 * updates as fast as it can. The first is refused past the per-person cap (429 at `$connect`); the
 * second is closed with `rateLimited` once over its budget, may not reconnect for a cooldown, and
 * a quiet editor in the same room keeps editing.
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

/** Opens a socket; resolves with 'open' or the HTTP status (and the gateway's reason) that refused it. */
function open(url: string): Promise<{ socket: WebSocket; status: number; reason?: string }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    socket.once('open', () => resolve({ socket, status: 101 }));
    socket.once('unexpected-response', (_req, res) => resolve({ socket, status: res.statusCode ?? 0, reason: res.statusMessage ?? '' }));
    socket.once('error', () => {});
  });
}

describe('[G8] floods at the host (dynalite)', () => {
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

  it('refuses a person who opens and drops connections in a loop, once the burst is spent', async () => {
    const { url } = await hostWithIssuer();
    const statuses: number[] = [];
    while (statuses.length < 100 && !statuses.includes(429)) {
      const { socket, status } = await open(await url('looper'));
      statuses.push(status);
      socket.terminate();
    }
    // A connection costs ten messages of the 250-message burst (refilled at 50 a second while
    // the loop runs): about 25 get in, then the cooldown — and it holds.
    expect(statuses.indexOf(429)).toBeGreaterThanOrEqual(24);
    for (let i = 0; i < 3; i++) expect(await open(await url('looper'))).toMatchObject({ status: 429, reason: 'sync.rate-limited' });
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
    // The budget is spent as frames arrive: the frame past it closes the connection at once and
    // what the gateway had queued is dropped, so fewer than the burst's 250 updates ever land.
    const reader = connectEditor({ where: () => host, docId, principal: testPrincipal('reader', 'observer'), access: 'read' });
    onTestFinished(() => reader.destroy());
    await reader.synced();
    expect(reader.doc.getText('text').length).toBeLessThan(250);
    // Reconnecting at once does not help: the flooder waits out a cooldown (429 at the upgrade);
    // the quiet editor's colleague still gets in.
    expect(await open(await url('flooder'))).toMatchObject({ status: 429, reason: 'sync.rate-limited' });
    expect((await open(await url('colleague'))).status).toBe(101);
    quiet.text.insert(0, 'Still typing.');
    await quiet.roundTrip();
    await eventually(() => reader.text.toString().includes('Still typing.'));
  }, 120_000);
});
