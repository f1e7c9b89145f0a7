import { describe, expect, it } from 'vitest';
import { ticketUrl, toWebSocketUrl } from './ws-url.ts';

describe('ticketUrl', () => {
  it('points at the same-origin /ws path when no gateway is configured', () => {
    expect(ticketUrl({ gateway: undefined, docId: 'stmt_1', ticket: 'abc' })).toBe('/ws?doc=stmt_1&ticket=abc');
    expect(ticketUrl({ gateway: '  ', docId: 'stmt_1', ticket: 'abc' })).toBe('/ws?doc=stmt_1&ticket=abc');
  });

  it('appends to a configured gateway, keeping a query it already has', () => {
    expect(ticketUrl({ gateway: 'wss://rt.example/prod', docId: 'stmt_1', ticket: 't' })).toBe(
      'wss://rt.example/prod?doc=stmt_1&ticket=t',
    );
    expect(ticketUrl({ gateway: 'wss://rt.example/prod?v=1', docId: 'd', ticket: 't' })).toBe(
      'wss://rt.example/prod?v=1&doc=d&ticket=t',
    );
  });

  it('encodes the ticket and document id', () => {
    expect(ticketUrl({ gateway: undefined, docId: 'a b', ticket: 'x+/=' })).toBe('/ws?doc=a+b&ticket=x%2B%2F%3D');
  });
});

describe('toWebSocketUrl', () => {
  it('resolves a path against the page and switches to ws: or wss:', () => {
    expect(toWebSocketUrl({ url: '/ws?doc=d&ticket=t', pageUrl: 'http://127.0.0.1:3000/statements/d' })).toBe(
      'ws://127.0.0.1:3000/ws?doc=d&ticket=t',
    );
    expect(toWebSocketUrl({ url: '/ws?doc=d', pageUrl: 'https://concord.example/statements/d' })).toBe(
      'wss://concord.example/ws?doc=d',
    );
  });

  it('keeps an absolute gateway URL as it is', () => {
    expect(toWebSocketUrl({ url: 'wss://rt.example/prod?doc=d', pageUrl: 'https://concord.example/' })).toBe(
      'wss://rt.example/prod?doc=d',
    );
  });

  it('refuses anything that is not a WebSocket URL', () => {
    expect(() => toWebSocketUrl({ url: 'ftp://x/ws', pageUrl: 'https://concord.example/' })).toThrow(TypeError);
  });
});
