/**
 * A quiet editor beside a flooder (issue 12, item 7): two editors type at a human pace in one
 * statement while a third connection — another person's script — sends updates as fast as it
 * can, reconnecting with a fresh ticket each time it is closed. The quiet editors' latency with
 * the flooder ÷ without it is what the connection budget buys: it should barely move.
 */
import { toBase64 } from 'lib0/buffer';
import { encodeUpdate } from '@concord/sync';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { testPrincipal } from '../support/clients.ts';
import { createTicketIssuer } from '../support/ticket-issuer.ts';
import { clientFactory } from './clients.ts';
import { benchConfig } from './config.ts';
import type { ServerHandle } from './servers/server-handle.ts';
import { percentile, round, sleep } from './stats.ts';
import { typeTogether } from './typing.ts';

export async function measureFlood(input: { server: ServerHandle }): Promise<Record<string, number>> {
  const quiet = await quietLatency({ server: input.server, docId: 'stmt_flood_quiet', flood: false });
  const flooded = await quietLatency({ server: input.server, docId: 'stmt_flood_loud', flood: true });
  return {
    'flood.quiet.p50Ms': quiet.p50,
    'flood.quiet.p99Ms': quiet.p99,
    'flood.withFlooder.p50Ms': flooded.p50,
    'flood.withFlooder.p99Ms': flooded.p99,
    'flood.p99.ratio': round(flooded.p99 / quiet.p99, 2),
    'flood.flooderFrames': flooded.frames,
    'flood.flooderCloses': flooded.closes,
  };
}

async function quietLatency(input: { server: ServerHandle; docId: string; flood: boolean }) {
  const factory = clientFactory(input.server);
  const clients = [0, 1].map((i) => factory.open({ docId: input.docId, name: `quiet${i}` }));
  await Promise.all(clients.map((c) => c.synced()));
  const flooder = input.flood ? startFlooder({ server: input.server, docId: input.docId }) : null;
  try {
    const result = await typeTogether({ clients, keysPerSecond: 5, durationMs: benchConfig.latency.durationMs, warmupMs: 1_000, seed: 5 });
    return { p50: round(percentile(result.latencies, 50)), p99: round(percentile(result.latencies, 99)), frames: flooder?.frames() ?? 0, closes: flooder?.closes() ?? 0 };
  } finally {
    await flooder?.stop();
    clients.forEach((c) => c.destroy());
    factory.close();
    await sleep(500);
  }
}

/** Sends updates in bursts of 200 per event-loop turn, reconnecting when closed (at most 50 times). */
function startFlooder(input: { server: ServerHandle; docId: string }) {
  const issuer = createTicketIssuer({ dynamoEndpoint: input.server.dynamoEndpoint });
  // Valid edits (a paragraph of its own), so it is the budget, not the schema guard, that meets it.
  const doc = new Y.Doc();
  const text = new Y.XmlText();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [text]);
  doc.getXmlFragment('default').insert(0, [paragraph]);
  let running = true;
  let frames = 0;
  let closes = 0;
  const loop = (async () => {
    while (running && closes < 50) {
      const ticket = await issuer.issue({ principal: testPrincipal('flooder'), docId: input.docId, access: 'write' });
      const socket = new WebSocket(`${input.server.url.replace(/^http/, 'ws')}/ws?doc=${input.docId}&ticket=${ticket}`);
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()).once('error', () => resolve()));
      await new Promise<void>((resolve) => socket.once('open', () => resolve()).once('error', () => resolve()));
      while (running && socket.readyState === WebSocket.OPEN) {
        for (let i = 0; i < 200; i++) {
          // The first frame on a connection carries the whole document (its paragraph included).
          const before = i === 0 ? new Uint8Array([0]) : Y.encodeStateVector(doc);
          text.insert(0, 'x');
          socket.send(`m${toBase64(encodeUpdate(Y.encodeStateAsUpdate(doc, before)))}`);
          frames += 1;
        }
        await sleep(1);
      }
      socket.terminate();
      await closed;
      closes += 1;
    }
  })();
  return {
    frames: () => frames,
    closes: () => closes,
    async stop() {
      running = false;
      await loop;
      issuer.close();
    },
  };
}
