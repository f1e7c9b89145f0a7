/**
 * The built SvelteKit app (adapter-node's `handler`) inside the local host. Its environment is
 * read when it is imported, so everything it shares with the gateway is set first.
 */
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';

export type WebHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const protocolHeader = 'x-forwarded-proto';

/** Loads the app with `env` added to the process environment; null when it is not built. */
export async function loadWebApp(input: { handlerPath: string | null; env: Record<string, string | undefined> }): Promise<WebHandler | null> {
  if (!input.handlerPath || !existsSync(input.handlerPath)) return null;
  for (const [name, value] of Object.entries(input.env)) if (value !== undefined) process.env[name] = value;
  // adapter-node assumes https unless a header says otherwise.
  process.env.PROTOCOL_HEADER = protocolHeader;
  const module = (await import(pathToFileURL(input.handlerPath).href)) as { handler: WebHandler };
  return module.handler;
}

/**
 * Hands a request to the app. This process is the edge and speaks plain HTTP: it says so,
 * whatever a client claims, so the app knows its own origin (CSRF checks compare it with Origin).
 */
export function serveWeb(input: { web: WebHandler; req: IncomingMessage; res: ServerResponse }): void {
  const { req, res } = input;
  req.headers[protocolHeader] = 'http';
  input.web(req, res, () => {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not found\n');
  });
}
