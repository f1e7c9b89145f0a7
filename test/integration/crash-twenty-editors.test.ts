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

const docId = 'stmt_crash20';
const editorCount = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function storedDoc(host: ChildHost): Promise<Y.Doc> {
  const client = createDynamoClient({ endpoint: host.dynamoEndpoint });
  const doc = documentFrom(await createDocumentStore({ client, tableName: 'concord' }).load({ docId }));
  client.destroy();
  return doc;
}

/** Updates (by Yjs clock) described by `vector` that `doc` lacks. */
function missing(doc: Y.Doc, vector: Uint8Array): number {
  const have = Y.decodeStateVector(Y.encodeStateVector(doc));
  return [...Y.decodeStateVector(vector)].reduce((n, [client, clock]) => n + Math.max(0, clock - (have.get(client) ?? 0)), 0);
}

/** Each editor types at a human pace (about 2.5 keys a second); a completed round trip acknowledges what it had. */
function typeUntilStopped(editors: TestEditor[], acked: Uint8Array[]) {
  const control = { typing: true };
  const loops = editors.map(async (editor, i) => {
    const gen = prng.create(100 + i);
    for (let n = 0; control.typing; n++) {
      editor.text.insert(prng.int32(gen, 0, editor.text.length), prng.word(gen, 1, 2));
      if (n % 4 === 3) {
        const vector = Y.encodeStateVector(editor.doc);
        editor.roundTrip().then(() => (acked[i] = vector), () => {});
      }
      await sleep(prng.int32(gen, 250, 550));
    }
  });
  return { stop: async () => ((control.typing = false), await Promise.all(loops)) };
}

describe('the local host with twenty live editors', () => {
  it('keeps every acknowledged update through a SIGKILL, and every update any editor had after they reconnect', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'concord-crash20-'));
    const state = { host: await startChildHost({ port, dataDir, seed: false, web: false }) };
    onTestFinished(async () => {
      await state.host.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });
    const where = () => state.host;
    const editors = Array.from({ length: editorCount }, (_, i) => connectEditor({ where, docId, principal: testPrincipal(`delegate${i}`), access: 'write' }));
    onTestFinished(() => editors.forEach((e) => e.destroy()));
    await Promise.all(editors.map((e) => e.synced()));

    const acked = editors.map(() => Y.encodeStateVector(new Y.Doc()));
    const typing = typeUntilStopped(editors, acked);
    await sleep(4_000);
    await state.host.stop({ signal: 'SIGKILL' });
    await sleep(300); // typing on while the host is down: kept by each editor
    await typing.stop();
    editors.forEach((e) => e.provider.disconnect());

    state.host = await startChildHost({ port, dataDir, seed: false, web: false });
    const afterCrash = await storedDoc(state.host);
    expect(acked.some((vector) => Y.decodeStateVector(vector).size > 0)).toBe(true);
    expect(acked.map((vector) => missing(afterCrash, vector))).toEqual(acked.map(() => 0));

    editors.forEach((e) => e.provider.connect());
    const text = () => editors[0]!.text.toString();
    await eventually(() => editors.every((e) => e.provider.synced && e.text.toString() === text()), {
      timeoutMs: 40_000,
      describe: () => editors.map((e) => `${e.provider.synced}:${e.text.length}`).join(' '),
    });
    await Promise.all(editors.map((e) => e.roundTrip()));
    const final = await storedDoc(state.host);
    expect(final.getText('text').toString()).toBe(text());
    expect(editors.map((e) => missing(final, Y.encodeStateVector(e.doc)))).toEqual(editors.map(() => 0));
  }, 120_000);
});
