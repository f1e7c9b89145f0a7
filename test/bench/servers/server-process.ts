/**
 * One benchmark server in its own process, so each server has an event loop of its own and the
 * clients (in the bench process) never share it. Started by `server-handle.ts` with an IPC
 * channel: it reports `{ ready }`, then answers `counts`, `reset`, `memory` and `close` requests.
 *
 *   argv: concord [--count-dynamo] [--memory] [--no-budget] [--aws] | y-websocket | hocuspocus
 *   (--aws: the adapters Lambda runs — connection registry in DynamoDB, compaction in the invocation)
 */
import { startConcordServer, type ConcordServer } from './concord.ts';
import { startHocuspocusServer, startYWebsocketServer, type PeerServer } from './peers.ts';

type Request = { id: number; op: 'counts' | 'reset' | 'memory' | 'close' };

const [kind, ...flags] = process.argv.slice(2);
const send = (message: unknown) => process.send?.(message);

async function start(): Promise<{ ready: { url: string; dynamoEndpoint?: string }; server: ConcordServer | PeerServer }> {
  if (kind === 'concord') {
    const server = await startConcordServer({ countDynamo: flags.includes('--count-dynamo'), onDisk: !flags.includes('--memory'), budget: !flags.includes('--no-budget'), adapters: flags.includes('--aws') ? 'aws' : 'local' });
    return { ready: { url: server.url, dynamoEndpoint: server.dynamoEndpoint }, server };
  }
  const server = kind === 'hocuspocus' ? await startHocuspocusServer() : await startYWebsocketServer();
  return { ready: { url: server.url }, server };
}

const { ready, server } = await start();
process.on('message', async (message: Request) => {
  const concord = 'counts' in server ? server : null;
  if (message.op === 'counts') send({ id: message.id, result: concord?.counts() ?? null });
  if (message.op === 'reset') send({ id: message.id, result: concord?.reset() ?? null });
  if (message.op === 'memory') {
    // Started with --expose-gc: measure what is still reachable, not what awaits collection.
    (globalThis as { gc?: () => void }).gc?.();
    send({ id: message.id, result: process.memoryUsage() });
  }
  if (message.op === 'close') {
    await server.close();
    send({ id: message.id, result: null });
    process.exit(0);
  }
});
// The bench going away takes its servers with it.
process.on('disconnect', () => process.exit(0));
send({ ready });
