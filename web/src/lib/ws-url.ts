/**
 * Where the browser opens its WebSocket. The ticket endpoint answers `{ url }`: the gateway
 * address (`CONCORD_WS_URL`, e.g. API Gateway's `wss://…`) or, when none is configured, the
 * same-origin path `/ws` — the local host serves both on one port. The client turns a path into
 * `ws(s)://<page host>/ws?…` with {@link toWebSocketUrl}.
 */

/** Default gateway path on the page's own host. */
export const sameOriginGatewayPath = '/ws';

/** The gateway address with the document id and a single-use ticket in its query string. */
export function ticketUrl(input: { gateway: string | undefined; docId: string; ticket: string }): string {
  const gateway = input.gateway?.trim() || sameOriginGatewayPath;
  const query = new URLSearchParams({ doc: input.docId, ticket: input.ticket }).toString();
  return `${gateway}${gateway.includes('?') ? '&' : '?'}${query}`;
}

/** An absolute ws:/wss: URL for what the ticket endpoint returned, resolved against the page. */
export function toWebSocketUrl(input: { url: string; pageUrl: string }): string {
  const url = new URL(input.url, input.pageUrl);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  else if (url.protocol === 'https:') url.protocol = 'wss:';
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    throw new TypeError(`not a WebSocket URL: ${input.url}`);
  }
  return url.toString();
}
