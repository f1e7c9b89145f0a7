import { createDynamoClient, createDocumentStore } from '@concord/data';
import { CloseCode } from '@concord/sync';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connectEditor, eventually, issueTicket, testPrincipal } from '../support/clients.ts';
import { startTestHost } from '../support/test-host.ts';

/** 200 KB of text that does not compress into fewer bytes in Yjs' encoding. */
const paste = (size: number) => Array.from({ length: size / 10 }, (_, i) => `w${String(i).padStart(8, '0')} `).join('');

async function rawSocket(input: { url: string; dynamoEndpoint: string; docId: string }) {
  const ticket = await issueTicket({ dynamoEndpoint: input.dynamoEndpoint, principal: testPrincipal('raw'), docId: input.docId, access: 'write' });
  const socket = new WebSocket(`${input.url.replace('http', 'ws')}/ws?doc=${input.docId}&ticket=${ticket}`);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return socket;
}

const closeCode = (socket: WebSocket) => new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));

describe('the local gateway with API Gateway limits', () => {
  it('[G4] carries a 200 KB paste to another editor and a 200 KB first sync to a newcomer', async () => {
    const host = await startTestHost();
    const where = () => host;
    const docId = 'stmt_paste';
    const alice = connectEditor({ where, docId, principal: testPrincipal('alice'), access: 'write' });
    const bob = connectEditor({ where, docId, principal: testPrincipal('bob'), access: 'write' });
    await Promise.all([alice.synced(), bob.synced()]);
    const text = paste(200_000);
    alice.text.insert(0, text);
    await eventually(() => bob.text.toString() === text, { describe: () => `bob has ${bob.text.length} chars` });

    const carol = connectEditor({ where, docId, principal: testPrincipal('carol'), access: 'read' });
    await carol.synced();
    expect(carol.text.toString()).toBe(text);
    const stored = await createDocumentStore({ client: createDynamoClient({ endpoint: host.dynamoEndpoint }), tableName: 'concord' }).load({ docId });
    expect(stored.updates.length + (stored.snapshot ? 1 : 0)).toBeGreaterThan(0);
    for (const editor of [alice, bob, carol]) editor.destroy();
  });

  it('closes a frame over 32 KB with 1009 and a binary frame with 1003', async () => {
    const host = await startTestHost();
    const big = await rawSocket({ ...host, docId: 'stmt_limits' });
    const bigClosed = closeCode(big);
    big.send('m' + 'A'.repeat(40 * 1024));
    expect(await bigClosed).toBe(1009);

    const binary = await rawSocket({ ...host, docId: 'stmt_limits' });
    const binaryClosed = closeCode(binary);
    binary.send(new Uint8Array([0, 0, 1, 0]));
    expect(await binaryClosed).toBe(1003);
  });

  it('[G3] announces a bad frame with an e-frame and closes only that connection', async () => {
    const host = await startTestHost();
    const bad = await rawSocket({ ...host, docId: 'stmt_bad' });
    const good = connectEditor({ where: () => host, docId: 'stmt_bad', principal: testPrincipal('good'), access: 'write' });
    await good.synced();
    // The first `e` frame: others' presence may reach the raw socket before it.
    const notice = new Promise<string>((resolve) => bad.on('message', (data) => data.toString().startsWith('e') && resolve(data.toString())));
    bad.send('not a frame');
    expect(await notice).toBe(`e${CloseCode.badFrame}.sync.frame-malformed`);
    await closeCode(bad);
    good.text.insert(0, 'still here');
    const other = connectEditor({ where: () => host, docId: 'stmt_bad', principal: testPrincipal('other'), access: 'read' });
    await eventually(() => other.text.toString() === 'still here');
    good.destroy();
    other.destroy();
  });

  it('refuses a connection without a valid ticket (401) and any other path (403)', async () => {
    const host = await startTestHost();
    const status = (path: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(`${host.url.replace('http', 'ws')}${path}`);
        // ws leaves a refused request open unless its listener ends it: end it, so no client
        // socket outlives the test into the host's close.
        socket.once('unexpected-response', (req, res) => {
          resolve(res.statusCode ?? 0);
          req.destroy();
        });
        socket.once('open', () => resolve(101));
        socket.once('error', () => {});
      });
    expect(await status('/ws?doc=stmt_x&ticket=' + 'a'.repeat(43))).toBe(401);
    expect(await status('/ws?doc=stmt_x')).toBe(400);
    expect(await status('/elsewhere?doc=stmt_x&ticket=' + 'a'.repeat(43))).toBe(403);
  });
});
