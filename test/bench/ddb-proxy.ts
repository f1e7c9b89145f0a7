/**
 * A counting HTTP proxy in front of dynalite, so the cost of every DynamoDB request the local host
 * makes is measured on the wire without touching the host: requests by operation, item bytes
 * read and written (DynamoDB's size rules, approximately), and the capacity units they would
 * bill as strongly consistent reads and standard writes.
 */
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DynamoCounts {
  requests: number;
  byOperation: Record<string, number>;
  /** Item bytes returned by GetItem, Query, Scan and BatchGetItem. */
  bytesRead: number;
  /** Item bytes sent by PutItem, BatchWriteItem puts (UpdateItem counts the key and values it sets). */
  bytesWritten: number;
  readUnits: number;
  writeUnits: number;
  /** Bytes of HTTP bodies both ways (JSON, binary as base64). */
  wireBytes: number;
}

export const emptyDynamoCounts = (): DynamoCounts => ({
  requests: 0,
  byOperation: {},
  bytesRead: 0,
  bytesWritten: 0,
  readUnits: 0,
  writeUnits: 0,
  wireBytes: 0,
});

type AttributeValue = Record<string, unknown>;
type Item = Record<string, AttributeValue>;

/** DynamoDB's item size: attribute names plus values (binary counts decoded, numbers ~ digits/2). */
export function itemSize(item: Item): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) size += Buffer.byteLength(name) + valueSize(value);
  return size;
}

function valueSize(value: AttributeValue): number {
  const [type, inner] = Object.entries(value)[0] ?? ['NULL', true];
  switch (type) {
    case 'S':
      return Buffer.byteLength(String(inner));
    case 'N':
      return Math.ceil(String(inner).replace(/^-/, '').length / 2) + 1;
    case 'B':
      // JSON on the wire carries base64; an SDK client's output carries the bytes themselves.
      return inner instanceof Uint8Array ? inner.length : Buffer.from(String(inner), 'base64').length;
    case 'M':
      return 3 + itemSize(inner as Item);
    case 'L':
      return 3 + (inner as AttributeValue[]).reduce((n, v) => n + 1 + valueSize(v), 0);
    case 'SS':
    case 'NS':
    case 'BS':
      return (inner as string[]).reduce((n, v) => n + valueSize({ [type.slice(0, 1)]: v }), 0);
    default:
      return 1;
  }
}

const kb = (bytes: number, unit: number) => Math.max(1, Math.ceil(bytes / unit));

/** Adds one request/response pair to `counts`. */
export function countExchange(input: { counts: DynamoCounts; operation: string; requestBody: string; responseBody: string }): void {
  const { counts, operation } = input;
  counts.requests += 1;
  counts.byOperation[operation] = (counts.byOperation[operation] ?? 0) + 1;
  counts.wireBytes += input.requestBody.length + input.responseBody.length;
  const req = safeJson(input.requestBody);
  const res = safeJson(input.responseBody);
  const read = readItems({ operation, res }).reduce((n, item) => n + itemSize(item), 0);
  counts.bytesRead += read;
  if (['GetItem', 'Query', 'Scan'].includes(operation)) counts.readUnits += kb(read, 4096);
  const written = writtenItems({ operation, req });
  for (const item of written) {
    const size = itemSize(item);
    counts.bytesWritten += size;
    counts.writeUnits += kb(size, 1024);
  }
}

function readItems(input: { operation: string; res: Record<string, unknown> }): Item[] {
  const { operation, res } = input;
  if (operation === 'GetItem') return res.Item ? [res.Item as Item] : [];
  if (operation === 'Query' || operation === 'Scan') return (res.Items as Item[] | undefined) ?? [];
  if (operation === 'BatchGetItem') return Object.values((res.Responses ?? {}) as Record<string, Item[]>).flat();
  return [];
}

function writtenItems(input: { operation: string; req: Record<string, unknown> }): Item[] {
  const { operation, req } = input;
  if (operation === 'PutItem') return [req.Item as Item];
  if (operation === 'UpdateItem') return [{ ...(req.Key as Item), ...((req.ExpressionAttributeValues ?? {}) as Item) }];
  if (operation === 'DeleteItem') return [req.Key as Item];
  if (operation === 'BatchWriteItem') {
    const requests = Object.values((req.RequestItems ?? {}) as Record<string, Record<string, { Item?: Item; Key?: Item }>[]>).flat();
    return requests.map((r) => r.PutRequest?.Item ?? r.DeleteRequest?.Key ?? {});
  }
  return [];
}

function safeJson(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}

async function readBody(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Starts the proxy on a free loopback port in front of `target` (dynalite's endpoint). */
export async function startDynamoProxy(input: { target: string }): Promise<{ endpoint: string; counts: DynamoCounts; close(): Promise<void> }> {
  const target = new URL(input.target);
  const counts = emptyDynamoCounts();
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      async (response) => {
        const responseBody = await readBody(response);
        const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? 'unknown';
        countExchange({ counts, operation, requestBody: body.toString(), responseBody: responseBody.toString() });
        res.writeHead(response.statusCode ?? 500, response.headers);
        res.end(responseBody);
      },
    );
    upstream.on('error', () => res.destroy());
    upstream.end(body);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
