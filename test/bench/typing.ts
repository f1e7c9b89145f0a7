/**
 * A typing session: editors insert one character at a time at a steady, human pace (each on its
 * own timer, with jitter), and every other editor of the document records when each insert
 * arrives. Latency is measured in one process and one clock: from the insert at the typist to
 * its arrival (applied to the receiving Y.Doc) at each other editor.
 */
import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import type { BenchClient } from './clients.ts';
import { sleep, waitFor } from './stats.ts';

/** Transactions made by the bench itself: anything else a client applies came from the server. */
const local = Symbol('bench-local');

export interface TypingOptions {
  /** Editors of one document. */
  clients: readonly BenchClient[];
  /** How many of them type (the first ones); the rest only read. Default: all. */
  typists?: number;
  keysPerSecond: number;
  durationMs: number;
  /** Inserts in the first `warmupMs` are delivered but not sampled. */
  warmupMs?: number;
  /** How long to wait after typing for deliveries and convergence (each); default 30 s. */
  settleMs?: number;
  /** Also move the awareness cursor after each keystroke, as the editor's caret extension does. */
  withCursor?: boolean;
  seed: number;
}

export interface TypingResult {
  /** Milliseconds from insert to arrival, one sample per (insert, receiving editor). */
  latencies: number[];
  inserts: number;
  expectedDeliveries: number;
  deliveries: number;
  /** Every editor ended with the same text. */
  converged: boolean;
}

export async function typeTogether(options: TypingOptions): Promise<TypingResult> {
  const { clients } = options;
  const typists = clients.slice(0, options.typists ?? clients.length);
  const sent = new Map<string, { at: number; sampled: boolean }>();
  const result: TypingResult = { latencies: [], inserts: 0, expectedDeliveries: 0, deliveries: 0, converged: false };
  const listeners = clients.map((client) => watchArrivals({ client, sent, result }));
  const start = performance.now();
  const stopAt = start + options.durationMs;
  await Promise.all(
    typists.map(async (client, index) => {
      const gen = prng.create(options.seed * 1_000 + index);
      // Spread the first keystrokes so typists do not start in lockstep.
      await sleep(prng.int32(gen, 0, 1_000 / options.keysPerSecond));
      while (performance.now() < stopAt) {
        typeOne({ client, gen, sent, sampled: performance.now() - start >= (options.warmupMs ?? 0), withCursor: options.withCursor });
        result.inserts += 1;
        result.expectedDeliveries += clients.length - 1;
        const interval = 1_000 / options.keysPerSecond;
        await sleep(interval * (0.75 + prng.real53(gen) * 0.5));
      }
    }),
  );
  const settleMs = options.settleMs ?? 30_000;
  await waitFor(() => result.deliveries >= result.expectedDeliveries, settleMs);
  const whole = (client: BenchClient) => client.doc.getXmlFragment('default').toString();
  result.converged = await waitFor(() => clients.every((c) => whole(c) === (clients[0] ? whole(clients[0]) : '')), settleMs);
  listeners.forEach((stop) => stop());
  return result;
}

function typeOne(input: {
  client: BenchClient;
  gen: prng.PRNG;
  sent: Map<string, { at: number; sampled: boolean }>;
  sampled: boolean;
  withCursor?: boolean;
}): void {
  const { client, gen } = input;
  const { doc, text } = client;
  const index = prng.int32(gen, 0, text.length);
  const clock = Y.getState(doc.store, doc.clientID);
  input.sent.set(`${doc.clientID}:${clock}`, { at: performance.now(), sampled: input.sampled });
  doc.transact(() => text.insert(index, prng.letter(gen)), local);
  if (input.withCursor) {
    const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, index + 1)) as unknown;
    client.awareness.setLocalStateField('cursor', { anchor: position, head: position });
  }
}

function watchArrivals(input: { client: BenchClient; sent: Map<string, { at: number; sampled: boolean }>; result: TypingResult }) {
  const { client, sent, result } = input;
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === local) return;
    const now = performance.now();
    for (const struct of Y.decodeUpdate(update).structs) {
      const sentAt = sent.get(`${struct.id.client}:${struct.id.clock}`);
      if (!sentAt) continue;
      result.deliveries += 1;
      if (sentAt.sampled) result.latencies.push(now - sentAt.at);
    }
  };
  client.doc.on('update', onUpdate);
  return () => client.doc.off('update', onUpdate);
}
