/**
 * The peers we measure against, each in memory with no persistence, on loopback:
 * `@y/websocket-server@0.1.1` (y-websocket's reference server) and Hocuspocus 3 (Node 20).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server as HocuspocusServer } from '@hocuspocus/server';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

export interface PeerServer {
  /** `ws://127.0.0.1:<port>`; clients append the document name. */
  url: string;
  close(): Promise<void>;
}

export async function startYWebsocketServer(): Promise<PeerServer> {
  const wss = new WebSocketServer({ noServer: true });
  const server = createServer((_req, res) => res.end('okay'));
  wss.on('connection', setupWSConnection);
  server.on('upgrade', (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
      }),
  };
}

export async function startHocuspocusServer(): Promise<PeerServer> {
  const server = new HocuspocusServer({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false });
  await server.listen();
  return {
    url: `ws://127.0.0.1:${server.address.port}`,
    close: async () => {
      await server.destroy();
    },
  };
}
