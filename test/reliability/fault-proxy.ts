/**
 * A fault-injecting WebSocket proxy between clients and the local gateway. Each client socket is
 * paired with its own upstream socket to the host (same path and query: the ticket passes
 * through), and frames are passed on both ways with seeded faults: some are duplicated, some held
 * back and sent after the next one (reordered), and `drop()` cuts a random pair as a network would
 * (both sides see the socket die, frames in flight are lost). The upstream address is read per
 * connection, so a restarted host on a new port is found.
 *
 * Close notices (`e` frames) are never reordered: the gateway sends one right before it closes.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as prng from 'lib0/prng';
import WebSocket, { WebSocketServer } from 'ws';

export interface FaultRates {
  /** Chance a frame is sent twice. */
  duplicate: number;
  /** Chance a frame is held and sent after the next one (or after a moment if none follows). */
  reorder: number;
}

export interface FaultProxy {
  /** `http://127.0.0.1:<port>`: give clients this instead of the host's URL. */
  readonly url: string;
  readonly stats: { frames: number; duplicated: number; reordered: number; dropped: number };
  setRates(rates: FaultRates): void;
  /** Cuts one random live connection (or all, for a restart); returns how many were cut. */
  drop(input?: { all?: boolean }): number;
  close(): Promise<void>;
}

interface Pair {
  client: WebSocket;
  upstream: WebSocket;
}

export async function startFaultProxy(input: { target: () => string; seed: number; rates: FaultRates }): Promise<FaultProxy> {
  const gen = prng.create(input.seed);
  let rates = input.rates;
  const stats = { frames: 0, duplicated: 0, reordered: 0, dropped: 0 };
  const pairs = new Set<Pair>();
  const wss = new WebSocketServer({ noServer: true });
  const server: Server = createServer((_req, res) => res.writeHead(404).end());

  /** Sends `frame` on `to`, with faults; `held` is the frame waiting to be sent after this one. */
  function relay(to: WebSocket, held: { frame: string | null; timer?: NodeJS.Timeout }, frame: string): void {
    stats.frames += 1;
    const send = (f: string) => to.readyState === WebSocket.OPEN && to.send(f);
    if (!frame.startsWith('e') && held.frame === null && prng.real53(gen) < rates.reorder) {
      stats.reordered += 1;
      held.frame = frame;
      held.timer = setTimeout(() => flush(), 15);
      return;
    }
    send(frame);
    if (prng.real53(gen) < rates.duplicate) {
      stats.duplicated += 1;
      send(frame);
    }
    flush();
    function flush() {
      clearTimeout(held.timer);
      if (held.frame !== null) send(held.frame);
      held.frame = null;
    }
  }

  function pipe(from: WebSocket, to: WebSocket): void {
    const held: { frame: string | null; timer?: NodeJS.Timeout } = { frame: null };
    from.on('message', (data, isBinary) => (isBinary ? to.send(data) : relay(to, held, data.toString())));
    from.on('close', () => clearTimeout(held.timer));
  }

  function accept(client: WebSocket, path: string): void {
    const upstream = new WebSocket(`${input.target().replace(/^http/, 'ws')}${path}`);
    const pair = { client, upstream };
    pairs.add(pair);
    const early: string[] = [];
    client.on('message', (data) => upstream.readyState === WebSocket.CONNECTING && early.push(data.toString()));
    upstream.once('open', () => {
      early.splice(0).forEach((frame) => upstream.send(frame));
      pipe(client, upstream);
      pipe(upstream, client);
    });
    const end = (code: number) => {
      pairs.delete(pair);
      if (client.readyState === WebSocket.OPEN) client.close(code === 1005 || code === 1006 ? 1000 : code);
      if (upstream.readyState === WebSocket.OPEN) upstream.close();
      if (upstream.readyState === WebSocket.CONNECTING) upstream.terminate();
    };
    upstream.on('close', (code) => end(code));
    upstream.on('error', () => end(1011));
    upstream.on('unexpected-response', () => end(1011));
    client.on('close', () => end(1000));
    client.on('error', () => end(1011));
  }

  server.on('upgrade', (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (client) => accept(client, request.url ?? '/'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    setRates: (next) => void (rates = next),
    drop({ all = false } = {}) {
      const victims = all ? [...pairs] : [...pairs].slice(prng.int32(gen, 0, Math.max(0, pairs.size - 1))).slice(0, 1);
      for (const { client, upstream } of victims) {
        client.terminate();
        upstream.terminate();
      }
      victims.forEach((pair) => pairs.delete(pair));
      stats.dropped += victims.length;
      return victims.length;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const { client, upstream } of pairs) {
          client.terminate();
          upstream.terminate();
        }
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
