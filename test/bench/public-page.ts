/**
 * The public declaration page (`public.*`): the built app serving the seeded declaration, beside
 * a static file server handing out the very same HTML from disk, measured alternately in one run.
 * Time to first byte is from the request to the response's status line and headers; `jsBytes`
 * counts every script the page loads (inline, `src`, and module preloads), fetched for their size.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, get, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/free-port.ts';
import { startChildHost } from '../support/local-host.ts';
import { percentile, round } from './stats.ts';

/** Milliseconds from sending a GET to receiving the response head; the body is drained. */
function timeToFirstByte(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    get(url, (response) => {
      const ms = performance.now() - started;
      response.resume();
      response.on('end', () => resolve(ms));
    }).on('error', reject);
  });
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.text();
}

/** Bytes of JavaScript the page at `url` loads. */
export async function javascriptBytes(input: { html: string; origin: string }): Promise<number> {
  const encoder = new TextEncoder();
  let bytes = 0;
  for (const match of input.html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = /\bsrc="([^"]+)"/.exec(match[1] ?? '')?.[1];
    bytes += src ? encoder.encode(await fetchText(new URL(src, input.origin).toString())).length : encoder.encode(match[2] ?? '').length;
  }
  for (const match of input.html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/gi)) {
    bytes += encoder.encode(await fetchText(new URL(match[1] as string, input.origin).toString())).length;
  }
  return bytes;
}

function staticServer(file: string): Promise<{ server: Server; url: string }> {
  const server = createServer(async (_request, response) => {
    const body = await readFile(file);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
    response.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` })));
}

export async function measurePublicPage(input: { requests: number; log: (line: string) => void }): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-bench-public-'));
  const host = await startChildHost({ port: await freePort(), dataDir });
  let peer: { server: Server; url: string } | null = null;
  try {
    const index = await fetchText(`${host.url}/declarations`);
    const path = /<a href="(\/declarations\/[^"?#/.]+)"/.exec(index)?.[1];
    if (!path) throw new Error('no seeded declaration on /declarations (is the web app built, and the seed on?)');
    const url = `${host.url}${path}`;
    const html = await fetchText(url);
    const file = join(dataDir, 'declaration.html');
    writeFileSync(file, html);
    peer = await staticServer(file);
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let i = 0; i < 20; i++) await Promise.all([timeToFirstByte(url), timeToFirstByte(peer.url)]);
    for (let i = 0; i < input.requests; i++) {
      ours.push(await timeToFirstByte(url));
      theirs.push(await timeToFirstByte(peer.url));
    }
    const jsBytes = await javascriptBytes({ html, origin: host.url });
    const metrics = {
      'public.ttfbP50Ms': round(percentile(ours, 50)),
      'public.ttfbP99Ms': round(percentile(ours, 99)),
      'public.static.ttfbP50Ms': round(percentile(theirs, 50)),
      'public.ttfbP50.ratio': round(percentile(ours, 50) / percentile(theirs, 50), 2),
      'public.htmlBytes': new TextEncoder().encode(html).length,
      'public.jsBytes': jsBytes,
    };
    input.log(`public page ${path}: TTFB p50 ${metrics['public.ttfbP50Ms']} ms vs static ${metrics['public.static.ttfbP50Ms']} ms (×${metrics['public.ttfbP50.ratio']}), ${metrics['public.htmlBytes']} B of HTML, ${jsBytes} B of JS`);
    return metrics;
  } finally {
    peer?.server.close();
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
