/**
 * A share of the scale suite's editors in a process of its own (scale-clients.ts forks several):
 * a thousand clients behind one event loop would queue their own sends and receives, and the
 * suite would measure the bench instead of the server. Argument: `{ server, relayAwareness }` as
 * JSON. Tells its parent `ready`, then answers its requests one at a time:
 *   clock   → its `clock()`, so the parent can check every process reads the same clock;
 *   signIn  → signs its seats' people in (before the clock starts: a reconnecting crowd already is);
 *   connect → opens its seats (at most `limit` connecting at once); how many had not synced by `deadline`;
 *   type    → every editor types from `startAt` to `stopAt`; the inserts it made;
 *   settle  → waits (at most `settleMs`) until each editor has every other insert of its statement; what arrived when;
 *   states  → a digest of each editor's document, to compare a statement's editors across processes;
 *   finish  → socket closes and errors since connecting, then closes its clients.
 * Times are on `clock()`, which all the bench's processes share. It exits when its parent disconnects.
 */
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { clientFactory, type BenchClient, type ServerAddress } from './clients.ts';
import { clock, inBatches, sleep, waitFor } from './stats.ts';
import { typist, watchArrivals } from './typing.ts';

/** One editor to open: its statement, its name, and the seed of its typing. */
export interface Seat {
  docId: string;
  name: string;
  seed: number;
}

export type Request =
  | { op: 'clock' }
  | { op: 'signIn'; seats: Seat[]; limit: number }
  | { op: 'connect'; seats: Seat[]; limit: number; deadline: number }
  | { op: 'type'; keysPerSecond: number; startAt: number; stopAt: number; warmupMs: number }
  | { op: 'settle'; insertsByDoc: Record<string, string[]>; settleMs: number }
  | { op: 'states' }
  | { op: 'finish' };

export interface Replies {
  clock: number;
  signIn: null;
  connect: { failed: number };
  /** `[statement, insert id, made at, sampled]` for every insert this process's editors made. */
  type: Array<[docId: string, key: string, at: number, sampled: boolean]>;
  /** `[statement, insert id, applied at]`: the first arrival of each item at each editor. */
  settle: Array<[docId: string, key: string, at: number]>;
  states: Array<[docId: string, digest: string]>;
  finish: { socketErrors: number };
}

interface Editor {
  seat: Seat;
  client: BenchClient;
  arrivals: Map<string, number>;
}

const setup = JSON.parse(process.argv[2] ?? '{}') as { server: ServerAddress; relayAwareness: boolean };
const factory = clientFactory(setup.server, { relayAwareness: setup.relayAwareness });
const editors: Editor[] = [];
const errors = () => editors.reduce((n, e) => n + e.client.errors(), 0);
let errorsAtConnect = 0;

async function connect(request: Extract<Request, { op: 'connect' }>): Promise<Replies['connect']> {
  let failed = 0;
  await inBatches({
    items: request.seats,
    limit: request.limit,
    task: async (seat) => {
      const client = factory.open({ docId: seat.docId, name: seat.name });
      editors.push({ seat, client, arrivals: new Map() });
      const synced = await Promise.race([client.synced().then(() => true), sleep(Math.max(0, request.deadline - clock())).then(() => false)]);
      if (!synced) failed += 1;
    },
  });
  errorsAtConnect = errors();
  // Watching from here, before any process types: the first sync's items are not inserts.
  for (const editor of editors) watchArrivals(editor.client, (key, at) => void (editor.arrivals.has(key) || editor.arrivals.set(key, at)));
  return { failed };
}

async function type(request: Extract<Request, { op: 'type' }>): Promise<Replies['type']> {
  const inserts: Replies['type'] = [];
  await Promise.all(
    editors.map(({ seat, client }) =>
      typist({ ...request, client, seed: seat.seed, onInsert: (key, { at, sampled }) => inserts.push([seat.docId, key, at, sampled]) }),
    ),
  );
  return inserts;
}

async function settle(request: Extract<Request, { op: 'settle' }>): Promise<Replies['settle']> {
  const waiting = (editor: Editor) => {
    const own = `${editor.client.doc.clientID}:`;
    return (request.insertsByDoc[editor.seat.docId] ?? []).some((key) => !key.startsWith(own) && !editor.arrivals.has(key));
  };
  await waitFor(() => !editors.some(waiting), request.settleMs);
  return editors.flatMap(({ seat, arrivals }) => [...arrivals].map(([key, at]) => [seat.docId, key, at] as [string, string, number]));
}

/** The state vector (every item arrived) and the editor's text (what a person sees), hashed. */
function digest(doc: Y.Doc): string {
  return createHash('sha1').update(Y.encodeStateVector(doc)).update(doc.getXmlFragment('default').toString()).digest('base64');
}

async function answer(request: Request): Promise<unknown> {
  switch (request.op) {
    case 'clock':
      return clock();
    case 'signIn':
      await inBatches({ items: request.seats, limit: request.limit, task: (seat) => factory.signIn({ name: seat.name }) });
      return null;
    case 'connect':
      return connect(request);
    case 'type':
      return type(request);
    case 'settle':
      return settle(request);
    case 'states':
      return editors.map(({ seat, client }) => [seat.docId, digest(client.doc)]) satisfies Replies['states'];
    case 'finish':
      return finish();
  }
}

function finish(): Replies['finish'] {
  const socketErrors = errors() - errorsAtConnect;
  editors.forEach((e) => e.client.destroy());
  factory.close();
  return { socketErrors };
}

process.on('message', (request: Request) => void answer(request).then((reply) => process.send?.(reply)));
// The bench going away (or done with it) takes its clients with it.
process.on('disconnect', () => process.exit(0));
process.send?.('ready');
