/**
 * The local host's stand-in for API Gateway's management API, which servers use to reach
 * connections: `POST /@connections/{id}` sends the body as one text frame, `DELETE` closes the
 * connection, `GET` tells whether it exists. Unknown connections answer 410 with the error type
 * the AWS SDK maps to `GoneException`, so the same client code runs against both hosts.
 *
 * Requests must be signed with the per-process access key id the host gives the web app: the
 * signature itself is not checked (the key id is the shared secret), but nobody without it, on
 * this machine or another, can post into others' connections.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Gateway } from '@concord/sync';

export const managementPrefix = '/@connections/';
const maxBodyBytes = 128 * 1024;

export function isManagementRequest(req: IncomingMessage): boolean {
  return (req.url ?? '').startsWith(managementPrefix);
}

export async function handleManagementRequest(input: {
  req: IncomingMessage;
  res: ServerResponse;
  gateway: Gateway & { exists(connectionId: string): boolean };
  accessKeyId: string;
}): Promise<void> {
  const { req, res, gateway } = input;
  const authorization = req.headers.authorization ?? '';
  if (!authorization.includes(`Credential=${input.accessKeyId}/`)) return answer(res, 403, 'ForbiddenException', 'Forbidden');
  const connectionId = decodeURIComponent((req.url ?? '').slice(managementPrefix.length).split('?')[0] ?? '');
  if (!connectionId || !gateway.exists(connectionId)) return answer(res, 410, 'GoneException', 'Gone');
  if (req.method === 'GET') return answer(res, 200, null, JSON.stringify({ connectionId }));
  if (req.method === 'DELETE') {
    await gateway.close({ connectionId, code: 1000, reason: 'Closed by the server' });
    return answer(res, 204, null, '');
  }
  if (req.method !== 'POST') return answer(res, 405, 'BadRequestException', 'Method not allowed');
  const body = await readBody(req);
  if (body === null) return answer(res, 413, 'PayloadTooLargeException', 'Too large');
  const posted = await gateway.post({ connectionId, frame: body.toString('utf8') });
  return posted === 'ok' ? answer(res, 200, null, '') : answer(res, 410, 'GoneException', 'Gone');
}

function answer(res: ServerResponse, status: number, errorType: string | null, body: string): void {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (errorType) headers['x-amzn-errortype'] = errorType;
  res.writeHead(status, headers);
  res.end(errorType ? JSON.stringify({ message: body }) : body);
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
