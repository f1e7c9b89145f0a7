/**
 * A typing session: editors insert one character at a time at a steady, human pace (each on its
 * own timer, with jitter), and every other editor of the document records when each insert
 * arrives. Latency is from the insert at the typist to its arrival (applied to the receiving
 * Y.Doc) at each other editor, both stamped on `clock()`: one clock even when typist and receiver
 * are in different processes, as the scale suite's are (it drives `typist` and `watchArrivals`
 * from its client processes, scale-clients-process.ts).
 */
import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import type { BenchClient } from './clients.ts';
import { clock, sleep, waitFor } from './stats.ts';

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

/** An insert as its typist made it: when (on `clock()`), and whether it is past the warm-up. */
export interface Insert {
  at: number;
  sampled: boolean;
}

export async function typeTogether(options: TypingOptions): Promise<TypingResult> {
  const { clients } = options;
  const typists = clients.slice(0, options.typists ?? clients.length);
  const sent = new Map<string, Insert>();
  const result: TypingResult = { latencies: [], inserts: 0, expectedDeliveries: 0, deliveries: 0, converged: false };
  const listeners = clients.map((client) =>
    watchArrivals(client, (key, at) => {
      const insert = sent.get(key);
      if (!insert) return;
      result.deliveries += 1;
      if (insert.sampled) result.latencies.push(at - insert.at);
    }),
  );
  const startAt = clock();
  await Promise.all(
    typists.map((client, index) =>
      typist({
        client,
        seed: options.seed * 1_000 + index,
        keysPerSecond: options.keysPerSecond,
        startAt,
        stopAt: startAt + options.durationMs,
        warmupMs: options.warmupMs,
        withCursor: options.withCursor,
        onInsert(key, insert) {
          sent.set(key, insert);
          result.inserts += 1;
          result.expectedDeliveries += clients.length - 1;
        },
      }),
    ),
  );
  const settleMs = options.settleMs ?? 30_000;
  await waitFor(() => result.deliveries >= result.expectedDeliveries, settleMs);
  const whole = (client: BenchClient) => client.doc.getXmlFragment('default').toString();
  result.converged = await waitFor(() => clients.every((c) => whole(c) === (clients[0] ? whole(clients[0]) : '')), settleMs);
  listeners.forEach((stop) => stop());
  return result;
}

/**
 * One editor typing from `startAt` until `stopAt` (both on `clock()`), telling `onInsert` of each
 * insert, by its Yjs id (`client:clock`), just before making it.
 */
export async function typist(input: {
  client: BenchClient;
  seed: number;
  keysPerSecond: number;
  startAt: number;
  stopAt: number;
  /** Inserts in the first `warmupMs` are delivered but not sampled. */
  warmupMs?: number;
  withCursor?: boolean;
  onInsert: (key: string, insert: Insert) => void;
}): Promise<void> {
  const gen = prng.create(input.seed);
  const interval = 1_000 / input.keysPerSecond;
  // Spread the first keystrokes so typists do not start in lockstep.
  await sleep(Math.max(0, input.startAt - clock()) + prng.int32(gen, 0, interval));
  while (clock() < input.stopAt) {
    typeOne({ ...input, gen, sampled: clock() - input.startAt >= (input.warmupMs ?? 0) });
    await sleep(interval * (0.75 + prng.real53(gen) * 0.5));
  }
}

function typeOne(input: {
  client: BenchClient;
  gen: prng.PRNG;
  sampled: boolean;
  withCursor?: boolean;
  onInsert: (key: string, insert: Insert) => void;
}): void {
  const { client, gen } = input;
  const { doc, text } = client;
  const index = prng.int32(gen, 0, text.length);
  input.onInsert(`${doc.clientID}:${Y.getState(doc.store, doc.clientID)}`, { at: clock(), sampled: input.sampled });
  doc.transact(() => text.insert(index, prng.letter(gen)), local);
  if (input.withCursor) {
    const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, index + 1)) as unknown;
    client.awareness.setLocalStateField('cursor', { anchor: position, head: position });
  }
}

/**
 * Calls `onArrival` with the Yjs id (`client:clock`) of every item the client applies from the
 * server, and when (on `clock()`); returns the function that stops watching.
 */
export function watchArrivals(client: BenchClient, onArrival: (key: string, at: number) => void): () => void {
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === local) return;
    const at = clock();
    for (const struct of Y.decodeUpdate(update).structs) onArrival(`${struct.id.client}:${struct.id.clock}`, at);
  };
  client.doc.on('update', onUpdate);
  return () => client.doc.off('update', onUpdate);
}
