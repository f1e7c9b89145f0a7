import { CloseCode, createSyncHandlers, encodeAwarenessUpdate, type DocumentStore, type Gateway, type MessageOutcome } from '@concord/sync';
import { checkUpdate, documentFrom } from '@concord/sync/document';
import { createMemoryChunkStore, createMemoryConnectionRegistry, createMemoryDocumentStore } from '@concord/sync/memory';
import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { testPrincipal } from '../support/clients.ts';
import { chunkAbuse, hostileFrame, oversizedMessage } from '../reliability/frame-arbitraries.ts';

/** 5,000 runs of 20 frames: 100,000 hostile frames (CONCORD_FUZZ_RUNS for more). */
const runs = Number(process.env.CONCORD_FUZZ_RUNS ?? 5_000);
const framesPerRun = 20;
const docId = 'stmt_fuzz';
const victimClientId = 4242;
const documented: number[] = [CloseCode.badFrame, CloseCode.tooLarge];

function setup() {
  const memory = createMemoryDocumentStore();
  const appended: { origin: string; update: Uint8Array }[] = [];
  const documents: DocumentStore = {
    ...memory,
    async appendUpdate(input) {
      appended.push({ origin: input.origin, update: input.update.slice() });
      return memory.appendUpdate(input);
    },
  };
  const connections = createMemoryConnectionRegistry();
  const events: { connectionId: string; frame?: string; closed?: number }[] = [];
  const gateway: Gateway = {
    post: async ({ connectionId, frame }) => (events.push({ connectionId, frame }), 'ok'),
    close: async ({ connectionId, code }) => void events.push({ connectionId, closed: code }),
  };
  const errors: unknown[] = [];
  // 100,000 frames as fast as the handlers take them: a flood by design, so no budget (floods.test.ts has it).
  const handlers = createSyncHandlers({
    documents,
    connections,
    chunks: createMemoryChunkStore(),
    gateway,
    budget: false,
    log: (e) => e.level === 'error' && errors.push(e),
  });
  return { handlers, documents, connections, appended, events, errors };
}

/** One whole-message frame, as a well-behaved client sends it. */
function frameOf(write: (encoder: encoding.Encoder) => void): string {
  const encoder = encoding.createEncoder();
  write(encoder);
  return `m${Buffer.from(encoding.toUint8Array(encoder)).toString('base64')}`;
}

const victimUpdate = (update: Uint8Array) => frameOf((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, update)));
const victimAwareness = frameOf((e) => {
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encodeAwarenessUpdate([{ clientId: victimClientId, clock: 1, state: '{"user":{"name":"victim"}}' }]));
});

describe('the sync handlers under 100,000 hostile frames (fast-check, in-memory stores)', () => {
  it('close the offending connection with a documented code, never fail, and store nothing but valid updates from writers', async () => {
    const { handlers, documents, connections, appended, events, errors } = setup();
    await handlers.connect({ connectionId: 'victim', docId, principal: testPrincipal('victim'), access: 'write' });
    const initial = new Y.Doc();
    initial.getText('text').insert(0, 'The agreed text.');
    expect(await handlers.message({ connectionId: 'victim', frame: victimUpdate(Y.encodeStateAsUpdate(initial)) })).toBe('handled');
    expect(await handlers.message({ connectionId: 'victim', frame: victimAwareness })).toBe('handled');
    const victimBefore = (await connections.get({ connectionId: 'victim', now: Date.now() }))?.awareness;
    let attackers = 0;
    let frames = 0;
    const outcomes = new Map<string, number>();

    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(hostileFrame([victimClientId]).map((f) => [f]), chunkAbuse), { minLength: framesPerRun, maxLength: framesPerRun }), fc.boolean(), async (groups, write) => {
        attackers += 1;
        let connectionId = `attacker${attackers}`;
        await handlers.connect({ connectionId, docId, principal: testPrincipal(`attacker${attackers % 7}`), access: write ? 'write' : 'read' });
        for (const frame of groups.flat().slice(0, framesPerRun)) {
          frames += 1;
          const outcome: MessageOutcome = await handlers.message({ connectionId, frame });
          const label = typeof outcome === 'string' ? outcome : `closed ${outcome.closed}`;
          outcomes.set(label, (outcomes.get(label) ?? 0) + 1);
          if (typeof outcome === 'string') continue;
          expect(documented, `${label} for ${String(JSON.stringify(frame)).slice(0, 200)}`).toContain(outcome.closed);
          expect(events.filter((e) => e.connectionId === connectionId).map((e) => e.closed ?? e.frame?.slice(0, 5))).toEqual(
            expect.arrayContaining([`e${outcome.closed}`, outcome.closed]),
          );
          expect(await connections.get({ connectionId, now: Date.now() })).toBeNull();
          attackers += 1;
          connectionId = `attacker${attackers}`;
          await handlers.connect({ connectionId, docId, principal: testPrincipal(`attacker${attackers % 7}`), access: write ? 'write' : 'read' });
        }
        // The attacker's socket goes away: a document full of lingering attackers would only slow the fan-out.
        await handlers.disconnect({ connectionId });
        events.length = 0;
      }),
      { numRuns: runs, seed: 20261123 },
    );

    const tooLarge = await (async () => {
      await handlers.connect({ connectionId: 'hoarder', docId, principal: testPrincipal('hoarder'), access: 'write' });
      let last: MessageOutcome = 'handled';
      for (const frame of oversizedMessage('huge1')) last = await handlers.message({ connectionId: 'hoarder', frame });
      return last;
    })();
    expect(tooLarge).toEqual({ closed: CloseCode.tooLarge, reason: 'sync.message-too-large' });

    expect(frames).toBeGreaterThanOrEqual(runs * framesPerRun);
    expect(errors).toEqual([]);
    // Nothing stored but well-formed updates from write connections (the victim's text included).
    const fromAttackers = appended.filter((a) => a.origin !== 'victim');
    for (const { update } of fromAttackers) expect(checkUpdate(update)).toBe('ok');
    const expected = new Y.Doc();
    for (const { update } of appended) Y.applyUpdate(expected, update);
    const stored = documentFrom(await documents.load({ docId }));
    expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(expected));
    expect(stored.getText('text').toString()).toBe(expected.getText('text').toString());
    // The victim's presence was never overwritten by anyone speaking for its client id.
    expect((await connections.get({ connectionId: 'victim', now: Date.now() }))?.awareness).toEqual(victimBefore);
    expect([...outcomes.keys()].sort()).toEqual(expect.arrayContaining(['closed 4400', 'handled', 'ignored', 'pending-chunks', 'refused-read-only']));
  }, 600_000);
});
