/**
 * One seeded run of convergence under faults against the real local host and dynalite: writers
 * and a read-only observer edit one statement through y-websocket and the gateway socket, behind
 * a fault proxy that duplicates and reorders frames and cuts connections; the host is restarted
 * mid-run (its store lives on). Then faults stop and every replica and the store must converge,
 * holding every update any writer made. Used by `pnpm test` (a few seeds) and `pnpm soak` (many).
 */
import { createDocumentStore, createDynamoClient } from '@concord/data';
import { readConfig } from '@concord/functions/local/config';
import { startLocalHost, type LocalHost } from '@concord/functions/local/host';
import { documentFrom } from '@concord/sync';
import * as prng from 'lib0/prng';
import * as Y from 'yjs';
import { testPrincipal } from '../support/clients.ts';
import { startFaultProxy, type FaultProxy } from './fault-proxy.ts';
import { openEditor, type Editor } from './editors.ts';

export interface FaultRunOptions {
  seed: number;
  dynamoEndpoint: string;
  writers?: number;
  steps?: number;
  /** Host restarts during the run. */
  restarts?: number;
}

export interface FaultRunResult {
  /** Every replica (writers and observer) and the store hold the same text. */
  converged: boolean;
  /** Updates a writer made that the store does not hold (by Yjs clock). */
  lostUpdates: number;
  /** Updates of the observer that the store holds (must stay 0: read-only is refused). */
  observerUpdatesStored: number;
  faults: FaultProxy['stats'] & { restarts: number };
  describe: string;
}

async function startHost(dynamoEndpoint: string): Promise<LocalHost> {
  // These editors type into a plain Y.Text, not a statement: no schema guard (see test-host.ts).
  const env = { HOST: '127.0.0.1', PORT: '0', CONCORD_DATA_DIR: ':memory:', DYNAMODB_ENDPOINT: dynamoEndpoint, CONCORD_SEED: '0', CONCORD_WEB: '0', CONCORD_SCHEMA_GUARD: '0' };
  return startLocalHost({ config: readConfig({ env, root: process.cwd(), webBuilt: false }) });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function edit(gen: prng.PRNG, editor: Editor): void {
  const text = editor.text;
  const roll = prng.int32(gen, 0, 99);
  if (roll === 0) {
    // Over one frame (24,000 bytes): travels as chunks, which the proxy duplicates and reorders too.
    text.insert(prng.int32(gen, 0, text.length), `[${editor.name}:${prng.word(gen, 30_000, 30_000)}]`);
  } else if (roll < 35 && text.length > 0) {
    const index = prng.int32(gen, 0, text.length - 1);
    text.delete(index, Math.min(prng.int32(gen, 1, 6), text.length - index));
  } else {
    text.insert(prng.int32(gen, 0, text.length), `${editor.name}${prng.word(gen, 1, 5)} `);
  }
}

export async function runFaultSeed(options: FaultRunOptions): Promise<FaultRunResult> {
  const { seed, dynamoEndpoint } = options;
  const gen = prng.create(seed);
  const docId = `stmt_fault${seed}`;
  const state = { host: await startHost(dynamoEndpoint), restarts: 0 };
  const proxy = await startFaultProxy({ target: () => state.host.url, seed, rates: { duplicate: 0.1, reorder: 0.1 } });
  const where = { url: proxy.url, dynamoEndpoint };
  const writers = Array.from({ length: options.writers ?? 3 }, (_, i) => openEditor({ where, docId, principal: testPrincipal(`w${seed}x${i}`), access: 'write' }));
  const observer = openEditor({ where, docId, principal: testPrincipal(`o${seed}`, 'observer'), access: 'read' });
  const everyone = [...writers, observer];
  try {
    await Promise.all(everyone.map((e) => e.synced()));
    const steps = options.steps ?? 150;
    const restartAt = new Set(Array.from({ length: options.restarts ?? 1 }, () => prng.int32(gen, 10, steps - 10)));
    for (let step = 0; step < steps; step++) {
      const roll = prng.int32(gen, 0, 99);
      if (restartAt.has(step)) {
        await state.host.close();
        proxy.drop({ all: true });
        await sleep(prng.int32(gen, 0, 300));
        state.host = await startHost(dynamoEndpoint);
        state.restarts += 1;
      } else if (roll < 60) edit(gen, prng.oneOf(gen, writers));
      else if (roll < 66) proxy.drop();
      await sleep(prng.int32(gen, 5, 30));
    }
    proxy.setRates({ duplicate: 0, reorder: 0 });
    return await settle({ everyone, writers, observer, docId, dynamoEndpoint, faults: { ...proxy.stats, restarts: state.restarts } });
  } finally {
    everyone.forEach((e) => e.destroy());
    await proxy.close();
    await state.host.close();
  }
}

async function settle(input: {
  everyone: Editor[];
  writers: Editor[];
  observer: Editor;
  docId: string;
  dynamoEndpoint: string;
  faults: FaultRunResult['faults'];
}): Promise<FaultRunResult> {
  const { everyone, writers, observer } = input;
  const client = createDynamoClient({ endpoint: input.dynamoEndpoint });
  const store = createDocumentStore({ client, tableName: 'concord' });
  let stored = new Y.Doc();
  const lost = () => {
    const have = Y.decodeStateVector(Y.encodeStateVector(stored));
    return writers.reduce((n, w) => n + Math.max(0, Y.getState(w.doc.store, w.doc.clientID) - (have.get(w.doc.clientID) ?? 0)), 0);
  };
  const agree = () => everyone.every((e) => e.isLive() && e.text.toString() === writers[0]!.text.toString());
  const deadline = Date.now() + 30_000;
  let converged = false;
  while (Date.now() < deadline && !converged) {
    await sleep(100);
    if (!agree()) continue;
    stored.destroy();
    stored = documentFrom(await store.load({ docId: input.docId }));
    converged = lost() === 0 && stored.getText('text').toString() === writers[0]!.text.toString();
  }
  const observerUpdatesStored = Y.decodeStateVector(Y.encodeStateVector(stored)).get(observer.doc.clientID) ?? 0;
  const result = {
    converged,
    lostUpdates: lost(),
    observerUpdatesStored,
    faults: input.faults,
    describe: `texts ${everyone.map((e) => `${e.name}:${e.isLive() ? 'live' : 'down'}:${e.text.length}`).join(' ')}, stored ${stored.getText('text').length}`,
  };
  stored.destroy();
  client.destroy();
  return result;
}
