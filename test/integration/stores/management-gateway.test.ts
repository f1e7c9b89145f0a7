import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createManagementGateway } from '@concord/data';
import { describe, expect, it, onTestFinished } from 'vitest';

interface Received {
  method: string;
  path: string;
  body: string;
  authorization: string | undefined;
}

/**
 * A stand-in for API Gateway's management API: records each request and answers 410 (as API
 * Gateway does) for connections named `gone…`, 403 for `forbidden…`.
 */
async function startManagementApi() {
  const received: Received[] = [];
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const path = decodeURIComponent(request.url ?? '');
    received.push({ method: request.method ?? '', path, body, authorization: request.headers.authorization });
    const answer = (status: number, type?: string) => {
      response.writeHead(status, { 'content-type': 'application/json', ...(type ? { 'x-amzn-errortype': type } : {}) });
      response.end(type ? JSON.stringify({ message: type }) : '');
    };
    if (path.includes('/gone')) answer(410, 'GoneException');
    else if (path.includes('/forbidden')) answer(403, 'ForbiddenException');
    else answer(request.method === 'DELETE' ? 204 : 200);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  const gateway = createManagementGateway({
    endpoint: `http://127.0.0.1:${port}/test`,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  return { received, gateway, port };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('createManagementGateway', () => {
  it('posts the frame as the body to the connection, signed', async () => {
    const { received, gateway } = await startManagementApi();
    expect(await gateway.post({ connectionId: 'Abc123=', frame: 'mAAEC' })).toBe('ok');
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: 'POST', path: '/test/@connections/Abc123=', body: 'mAAEC' });
    expect(received[0]?.authorization).toMatch(/^AWS4-HMAC-SHA256 /);
  });

  it('needs no region for a loopback endpoint (the local host’s management API)', async () => {
    const { received, port } = await startManagementApi();
    const gateway = createManagementGateway({ endpoint: `http://127.0.0.1:${port}/local`, credentials: { accessKeyId: 'key', secretAccessKey: 'local' } });
    expect(await gateway.post({ connectionId: 'c1', frame: 'mAA' })).toBe('ok');
    expect(received[0]?.authorization).toContain('Credential=key/');
  });

  it('answers gone when API Gateway says 410', async () => {
    const { gateway } = await startManagementApi();
    expect(await gateway.post({ connectionId: 'gone1', frame: 'mAA' })).toBe('gone');
  });

  it('closes a connection with DELETE, and takes one already gone as closed', async () => {
    const { received, gateway } = await startManagementApi();
    await gateway.close({ connectionId: 'live1', code: 4401, reason: 'auth.removed' });
    await gateway.close({ connectionId: 'gone1', code: 4401, reason: 'auth.removed' });
    expect(received.map((r) => [r.method, r.path])).toEqual([
      ['DELETE', '/test/@connections/live1'],
      ['DELETE', '/test/@connections/gone1'],
    ]);
  });

  it('passes on any other failure', async () => {
    const { gateway } = await startManagementApi();
    await expect(gateway.post({ connectionId: 'forbidden1', frame: 'mAA' })).rejects.toMatchObject({ name: 'ForbiddenException' });
    await expect(gateway.close({ connectionId: 'forbidden1', code: 4401, reason: 'x' })).rejects.toMatchObject({ name: 'ForbiddenException' });
  });
});
