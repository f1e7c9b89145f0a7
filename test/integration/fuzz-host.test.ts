import { createDocumentStore, createDynamoClient } from '@concord/data';
import { CloseCode, documentFrom } from '@concord/sync';
import fc from 'fast-check';
import { describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { connectEditor, eventually, testPrincipal } from '../support/clients.ts';
import { startTestHost } from '../support/test-host.ts';
import { createTicketIssuer } from '../support/ticket-issuer.ts';
import { chunkAbuse, hostileFrame } from '../reliability/frame-arbitraries.ts';
import { openRawAttacker, type FrameFate } from '../reliability/raw-attacker.ts';

/** Frames through the real socket (CONCORD_FUZZ_HOST_FRAMES for more); the 100,000 run at the handlers. */
const frameCount = Number(process.env.CONCORD_FUZZ_HOST_FRAMES ?? 2_000);
const docId = 'stmt_fuzzhost';
/** The gateway's own closes, as API Gateway's: a frame over 32 KB (1009), a binary frame (1003). */
const gatewayCloses = [1003, 1009];

describe('the local host under hostile frames on its socket (dynalite)', () => {
  it('closes only the offending connection, with a documented code, and stores nothing from it', async () => {
    const host = await startTestHost();
    const where = () => host;
    const issuer = createTicketIssuer({ dynamoEndpoint: host.dynamoEndpoint });
    onTestFinished(() => issuer.close());
    const victim = connectEditor({ where, docId, principal: testPrincipal('victim'), access: 'write' });
    onTestFinished(() => victim.destroy());
    await victim.synced();
    victim.text.insert(0, 'The agreed text.');
    await victim.roundTrip();
    const store = createDocumentStore({ client: createDynamoClient({ endpoint: host.dynamoEndpoint }), tableName: 'concord' });
    const before = Y.encodeStateAsUpdate(documentFrom(await store.load({ docId })));

    const frames = fc.sample(fc.oneof({ weight: 4, arbitrary: hostileFrame([victim.doc.clientID]).map((f) => [f]) }, { weight: 1, arbitrary: chunkAbuse }), {
      numRuns: frameCount,
      seed: 7,
    }).flat().slice(0, frameCount);
    const attackerUrl = async () => {
      const ticket = await issuer.issue({ principal: testPrincipal('attacker', 'observer'), docId, access: 'read' });
      return `${host.url.replace('http', 'ws')}/ws?doc=${docId}&ticket=${ticket}`;
    };
    let attacker = await openRawAttacker({ url: await attackerUrl() });
    const fates = new Map<string, number>();
    for (const frame of frames) {
      const fate: FrameFate = await attacker.send(frame);
      const label = fate.alive ? 'alive' : `closed ${fate.announced ?? fate.closeCode}`;
      fates.set(label, (fates.get(label) ?? 0) + 1);
      if (fate.alive) continue;
      const documented = fate.announced === CloseCode.badFrame || fate.announced === CloseCode.tooLarge || (fate.announced === null && gatewayCloses.includes(fate.closeCode));
      expect(documented, `${label} after ${String(JSON.stringify(frame)).slice(0, 120)}`).toBe(true);
      attacker = await openRawAttacker({ url: await attackerUrl() });
    }
    attacker.close();

    expect(fates.get('alive')).toBeGreaterThan(0);
    expect(fates.get(`closed ${CloseCode.badFrame}`)).toBeGreaterThan(0);
    const after = documentFrom(await store.load({ docId }));
    expect(Y.encodeStateAsUpdate(after)).toEqual(before);
    // The host is up and the victim's connection was never touched: it still edits, a newcomer reads.
    victim.text.insert(victim.text.length, ' Still here.');
    const reader = connectEditor({ where, docId, principal: testPrincipal('reader', 'observer'), access: 'read' });
    onTestFinished(() => reader.destroy());
    await eventually(() => reader.text.toString() === 'The agreed text. Still here.');
    expect(victim.refusals()).toBe(0);
  }, Math.max(300_000, frameCount * 60));
});
