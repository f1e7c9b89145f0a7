/**
 * The flood bench's flooder (flood.ts forks it): another person's script in a process of its own.
 * Sends updates in bursts of 200 per event-loop turn, reconnecting with a fresh ticket at once
 * whenever it is closed or refused. Arguments: the server's URL, its DynamoDB endpoint (for
 * tickets), the statement. Tells its parent when it starts; answers `stop` with its counts.
 */
import { toBase64 } from 'lib0/buffer';
import { encodeUpdate } from '@concord/sync';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { testPrincipal } from '../support/clients.ts';
import { createTicketIssuer } from '../support/ticket-issuer.ts';
import { sleep } from './stats.ts';

const [url, dynamoEndpoint, docId] = process.argv.slice(2) as [string, string, string];
const issuer = createTicketIssuer({ dynamoEndpoint });
// Valid edits (a paragraph of its own), so it is the budget, not the schema guard, that meets it.
const doc = new Y.Doc();
const text = new Y.XmlText();
const paragraph = new Y.XmlElement('paragraph');
paragraph.insert(0, [text]);
doc.getXmlFragment('default').insert(0, [paragraph]);
let running = true;
let frames = 0;
let closes = 0;
let refused = 0;

async function flood(): Promise<void> {
  while (running) {
    const ticket = await issuer.issue({ principal: testPrincipal('flooder'), docId, access: 'write' });
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/ws?doc=${docId}&ticket=${ticket}`);
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()).once('error', () => resolve()));
    const opened = await new Promise<boolean>((resolve) => socket.once('open', () => resolve(true)).once('error', () => resolve(false)));
    if (!opened) refused += 1;
    while (running && socket.readyState === WebSocket.OPEN) {
      for (let i = 0; i < 200; i++) {
        // Its first frame ever carries its paragraph; each after it one character.
        const before = frames === 0 ? new Uint8Array([0]) : Y.encodeStateVector(doc);
        text.insert(0, 'x');
        socket.send(`m${toBase64(encodeUpdate(Y.encodeStateAsUpdate(doc, before)))}`);
        frames += 1;
      }
      await sleep(1);
    }
    socket.terminate();
    await closed;
    if (opened) closes += 1;
  }
}

const loop = flood();
process.send?.('started');
process.on('message', () => {
  running = false;
  void loop.then(() => {
    issuer.close();
    process.send?.({ frames, closes, refused }, () => process.exit(0));
  });
});
