import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDocumentStore, createDynamoClient } from '@concord/data';
import { documentFrom } from '@concord/sync';
import * as prng from 'lib0/prng';
import { describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { connectEditor, eventually, testPrincipal, type TestEditor } from '../support/clients.ts';
import { freePort } from '../support/free-port.ts';
import { startChildHost, type ChildHost } from '../support/local-host.ts';

const docId = 'stmt_crash';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function storedDoc(host: ChildHost): Promise<Y.Doc> {
  const store = createDocumentStore({ client: createDynamoClient({ endpoint: host.dynamoEndpoint }), tableName: 'concord' });
  return documentFrom(await store.load({ docId }));
}

/** Whether `doc` holds everything described by state vector `acked`. */
function covers(doc: Y.Doc, acked: Uint8Array): boolean {
  const have = Y.decodeStateVector(Y.encodeStateVector(doc));
  return [...Y.decodeStateVector(acked)].every(([client, clock]) => (have.get(client) ?? 0) >= clock);
}

async function hostFixture() {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-crash-'));
  const state = { host: await startChildHost({ port, dataDir, seed: false, web: false }) };
  onTestFinished(async () => {
    await state.host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { port, dataDir, state };
}

describe('the local host', () => {
  it('[G5] loses no acknowledged update when SIGKILLed mid-typing, and clients converge after restart', async () => {
    const { port, dataDir, state } = await hostFixture();
    const where = () => state.host;
    const editors: TestEditor[] = Array.from({ length: 8 }, (_, i) =>
      connectEditor({ where, docId, principal: testPrincipal(`typist${i}`), access: 'write' }),
    );
    onTestFinished(() => editors.forEach((e) => e.destroy()));
    await Promise.all(editors.map((e) => e.synced()));

    // Each editor types; whenever a round trip completes, what it had when it began is acknowledged.
    const acked = editors.map(() => Y.encodeStateVector(new Y.Doc()));
    let typing = true;
    const loops = editors.map(async (editor, i) => {
      const gen = prng.create(i + 1);
      for (let n = 0; typing; n++) {
        editor.text.insert(prng.int32(gen, 0, editor.text.length), prng.word(gen, 1, 3));
        if (n % 5 === 4) {
          const vector = Y.encodeStateVector(editor.doc);
          editor.roundTrip().then(() => (acked[i] = vector), () => {});
        }
        // A fast typist's pace: about ten keystrokes a second each.
        await sleep(prng.int32(gen, 60, 140));
      }
    });
    await sleep(3_000);
    await state.host.stop({ signal: 'SIGKILL' });
    await sleep(200); // typing on while the host is down: kept locally
    typing = false;
    await Promise.all(loops);
    for (const editor of editors) editor.provider.disconnect();

    state.host = await startChildHost({ port, dataDir, seed: false, web: false });
    const afterCrash = await storedDoc(state.host);
    expect(acked.some((vector) => Y.decodeStateVector(vector).size > 0)).toBe(true);
    acked.forEach((vector) => expect(covers(afterCrash, vector)).toBe(true));

    for (const editor of editors) editor.provider.connect();
    const first = editors[0]!;
    await eventually(() => editors.every((e) => e.provider.synced && e.text.toString() === first.text.toString()), {
      timeoutMs: 30_000,
      describe: () => editors.map((e) => `${e.provider.synced}:${e.text.length}`).join(' '),
    });
    await Promise.all(editors.map((e) => e.roundTrip()));
    const final = await storedDoc(state.host);
    expect(final.getText('text').toString()).toBe(first.text.toString());
    for (const editor of editors) expect(covers(final, Y.encodeStateVector(editor.doc))).toBe(true);
  });

  it('keeps the text across a clean stop and start', async () => {
    const { port, dataDir, state } = await hostFixture();
    const where = () => state.host;
    const author = connectEditor({ where, docId, principal: testPrincipal('author'), access: 'write' });
    await author.synced();
    author.text.insert(0, 'Rev. 1 of the joint statement.');
    await author.roundTrip();
    author.destroy();
    await state.host.stop({ signal: 'SIGTERM' });

    state.host = await startChildHost({ port, dataDir, seed: false, web: false });
    const reader = connectEditor({ where, docId, principal: testPrincipal('reader', 'observer'), access: 'read' });
    await reader.synced();
    expect(reader.text.toString()).toBe('Rev. 1 of the joint statement.');
    reader.destroy();
  });
});
