import * as prng from 'lib0/prng';
import { describe, expect, it, vi } from 'vitest';
import { createGatewaySocket, GatewayRefusal } from './client.ts';
import { CloseCode, decodeFrame, encodeError, encodeMessage, FRAME_MAX_BYTES } from './frames.ts';
import { rejoin, sameBytes } from './testing/fixtures.ts';

/** A WebSocket stand-in: records what is sent and lets the test play the server's part. */
function fakeWebSocket() {
  const instances: FakeSocket[] = [];
  class FakeSocket {
    readyState = 0;
    onopen: ((event: unknown) => void) | null = null;
    onmessage: ((event: { data: unknown }) => void) | null = null;
    onclose: ((event: { code: number; reason: string; wasClean?: boolean }) => void) | null = null;
    onerror: ((event: unknown) => void) | null = null;
    readonly sent: string[] = [];
    readonly closeCalls: { code?: number; reason?: string }[] = [];

    constructor(readonly url: string) {
      instances.push(this);
    }
    send(data: string): void {
      this.sent.push(data);
    }
    close(code?: number, reason?: string): void {
      this.closeCalls.push({ code, reason });
    }
    /** The server accepted the connection. */
    open(): void {
      this.readyState = 1;
      this.onopen?.({ type: 'open' });
    }
    receive(data: unknown): void {
      this.onmessage?.({ data });
    }
    /** The connection ended, with the code the socket itself reports. */
    end(code: number, reason = ''): void {
      this.readyState = 3;
      this.onclose?.({ code, reason, wasClean: code === 1000 });
    }
  }
  return { FakeSocket, instances };
}

/** Lets the promise from `getUrl` settle and the socket open. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

async function openSocket() {
  const { FakeSocket, instances } = fakeWebSocket();
  const GatewaySocket = createGatewaySocket({ getUrl: async () => 'wss://gateway.test/?doc=d&ticket=t', WebSocket: FakeSocket });
  const socket = new GatewaySocket('wss://ignored');
  const received: ArrayBuffer[] = [];
  const closes: { code: number; reason: string }[] = [];
  socket.onmessage = (event) => received.push(event.data);
  socket.onclose = ({ code, reason }) => closes.push({ code, reason });
  await settle();
  const fake = instances[0]!;
  fake.open();
  return { socket, fake, received, closes, GatewaySocket };
}

const bytes = (length: number, seed = length) => prng.uint8Array(prng.create(seed), length);
const asBytes = (buffer: ArrayBuffer) => new Uint8Array(buffer);

describe('createGatewaySocket', () => {
  it('fetches a fresh URL for every socket and opens exactly that URL', async () => {
    const { FakeSocket, instances } = fakeWebSocket();
    let tickets = 0;
    const getUrl = vi.fn(async () => `wss://gateway.test/?doc=d&ticket=t${(tickets += 1)}`);
    const GatewaySocket = createGatewaySocket({ getUrl, WebSocket: FakeSocket });

    new GatewaySocket('wss://ignored');
    new GatewaySocket('wss://ignored');
    await settle();

    expect(getUrl).toHaveBeenCalledTimes(2);
    expect(instances.map((s) => s.url)).toEqual(['wss://gateway.test/?doc=d&ticket=t1', 'wss://gateway.test/?doc=d&ticket=t2']);
  });

  it('reports open once the underlying socket opens', async () => {
    const { FakeSocket, instances } = fakeWebSocket();
    const GatewaySocket = createGatewaySocket({ getUrl: async () => 'wss://gateway.test/', WebSocket: FakeSocket });
    const socket = new GatewaySocket('wss://ignored');
    const opened = vi.fn();
    socket.onopen = opened;
    await settle();
    expect(socket.readyState).toBe(GatewaySocket.CONNECTING);

    instances[0]!.open();

    expect(socket.readyState).toBe(GatewaySocket.OPEN);
    expect(opened).toHaveBeenCalledTimes(1);
  });

  it('sends a small message as one `m` frame', async () => {
    const { socket, fake } = await openSocket();
    socket.send(new Uint8Array([0, 0, 1, 0]));
    await settle();
    socket.send(new Uint8Array([3]).buffer);
    await settle();
    expect(fake.sent).toEqual(['mAAABAA==', 'mAw==']);
  });

  it('sends the messages of one tick as one `b` frame, in order', async () => {
    const { socket, fake } = await openSocket();
    socket.send(new Uint8Array([0, 2, 1, 7]));
    socket.send(new Uint8Array([1, 1, 0]).buffer);
    expect(fake.sent).toEqual([]);
    await settle();
    expect(fake.sent).toHaveLength(1);
    const frame = decodeFrame(fake.sent[0]!);
    expect(frame).toEqual({ kind: 'batch', messages: [new Uint8Array([0, 2, 1, 7]), new Uint8Array([1, 1, 0])] });
  });

  it('sends a large message as `c` frames of at most 32 KB that rejoin exactly', async () => {
    const { socket, fake } = await openSocket();
    const data = bytes(100_000);

    socket.send(data);
    await settle();

    expect(fake.sent.length).toBe(5);
    for (const frame of fake.sent) {
      expect(frame.startsWith('c')).toBe(true);
      expect(frame.length).toBeLessThanOrEqual(FRAME_MAX_BYTES);
    }
    expect(rejoin(fake.sent).map((message) => sameBytes(message, data))).toEqual([true]);
  });

  it('gives each chunked message its own id', async () => {
    const { socket, fake } = await openSocket();
    socket.send(bytes(30_000, 1));
    socket.send(bytes(30_000, 2));
    await settle();
    const ids = new Set(fake.sent.map((frame) => frame.split('.')[0]));
    expect(ids.size).toBe(2);
    expect(rejoin(fake.sent)).toHaveLength(2);
  });

  it('ignores send before the socket is open', async () => {
    const { FakeSocket, instances } = fakeWebSocket();
    const url = deferred<string>();
    const GatewaySocket = createGatewaySocket({ getUrl: () => url.promise, WebSocket: FakeSocket });
    const socket = new GatewaySocket('wss://ignored');

    socket.send(new Uint8Array([1]));
    url.resolve('wss://gateway.test/');
    await settle();
    socket.send(new Uint8Array([2]));
    instances[0]!.open();
    socket.send(new Uint8Array([3]));
    await settle();

    expect(instances[0]!.sent).toEqual(['mAw==']);
  });

  it('reassembles chunked server messages arriving in any order and delivers ArrayBuffers', async () => {
    const { fake, received } = await openSocket();
    const big = bytes(70_000);
    const other = bytes(30_000);
    const small = new Uint8Array([0, 2, 1, 7]);
    const [b0, b1, b2] = encodeMessage({ data: big, messageId: 'big' });
    const [o0, o1] = encodeMessage({ data: other, messageId: 'other' });

    for (const frame of [b2!, o1!, b0!, ...encodeMessage({ data: small, messageId: 'x' })]) fake.receive(frame);
    expect(received).toHaveLength(1);
    fake.receive(b1!);
    fake.receive(o0!);

    expect(received.every((data) => data instanceof ArrayBuffer)).toBe(true);
    expect(received.map((data) => data.byteLength)).toEqual([small.length, big.length, other.length]);
    expect(asBytes(received[0]!)).toEqual(small);
    expect(sameBytes(asBytes(received[1]!), big)).toBe(true);
    expect(sameBytes(asBytes(received[2]!), other)).toBe(true);
  });

  it('delivers a chunk received twice only once', async () => {
    const { fake, received } = await openSocket();
    const frames = encodeMessage({ data: bytes(50_000), messageId: 'dup' });
    fake.receive(frames[0]!);
    fake.receive(frames[0]!);
    expect(received).toEqual([]);
    for (const frame of frames.slice(1)) fake.receive(frame);
    expect(received).toHaveLength(1);
  });

  it('reports the close code announced in an `e` frame instead of the socket’s own', async () => {
    const { socket, fake, closes, GatewaySocket } = await openSocket();
    fake.receive(encodeError({ code: CloseCode.tooLarge, reason: 'sync.message-too-large' }));
    fake.end(1006);
    expect(closes).toEqual([{ code: CloseCode.tooLarge, reason: 'sync.message-too-large' }]);
    expect(socket.readyState).toBe(GatewaySocket.CLOSED);
  });

  it('reports the socket’s own code when the server announced nothing', async () => {
    const { fake, closes } = await openSocket();
    fake.end(1006, 'gone away');
    expect(closes).toEqual([{ code: 1006, reason: 'gone away' }]);
  });

  it('closes with badFrame on a frame from the server it cannot read', async () => {
    const { fake, closes, received } = await openSocket();
    fake.receive('not a frame');
    expect(fake.closeCalls).toHaveLength(1);
    fake.end(1000);
    expect(closes).toEqual([{ code: CloseCode.badFrame, reason: 'sync.frame-malformed' }]);
    expect(received).toEqual([]);
  });

  it('closes with the refusal’s code when getUrl is refused with a GatewayRefusal', async () => {
    const { FakeSocket, instances } = fakeWebSocket();
    const GatewaySocket = createGatewaySocket({
      getUrl: () => Promise.reject(new GatewayRefusal(4401, 'auth.ticket-refused')),
      WebSocket: FakeSocket,
    });
    const socket = new GatewaySocket('wss://ignored');
    const closes: { code: number; reason: string; wasClean: boolean }[] = [];
    socket.onclose = (event) => closes.push(event);
    const errors = vi.fn();
    socket.onerror = errors;

    await settle();

    expect(closes).toEqual([{ code: 4401, reason: 'auth.ticket-refused', wasClean: false }]);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(instances).toEqual([]);
    expect(socket.readyState).toBe(GatewaySocket.CLOSED);
  });

  it('closes with 1006 when getUrl fails for any other reason', async () => {
    const { FakeSocket, instances } = fakeWebSocket();
    const GatewaySocket = createGatewaySocket({ getUrl: () => Promise.reject(new Error('offline')), WebSocket: FakeSocket });
    const socket = new GatewaySocket('wss://ignored');
    const codes: number[] = [];
    socket.onclose = ({ code }) => codes.push(code);

    await settle();

    expect(codes).toEqual([1006]);
    expect(instances).toEqual([]);
  });

  it('closes without ever opening when close() comes before the URL resolved', async () => {
    const { FakeSocket, instances } = fakeWebSocket();
    const url = deferred<string>();
    const GatewaySocket = createGatewaySocket({ getUrl: () => url.promise, WebSocket: FakeSocket });
    const socket = new GatewaySocket('wss://ignored');
    const closes: { code: number; reason: string }[] = [];
    socket.onclose = ({ code, reason }) => closes.push({ code, reason });

    socket.close(1000, 'navigated away');
    url.resolve('wss://gateway.test/');
    await settle();

    expect(instances).toEqual([]);
    expect(closes).toEqual([{ code: 1000, reason: 'navigated away' }]);
    expect(socket.readyState).toBe(GatewaySocket.CLOSED);
  });

  it('closes the underlying socket on close() once open, reporting its close once', async () => {
    const { socket, fake, closes, GatewaySocket } = await openSocket();
    socket.close(1000, 'bye');
    expect(socket.readyState).toBe(GatewaySocket.CLOSING);
    expect(fake.closeCalls).toEqual([{ code: 1000, reason: 'bye' }]);
    socket.close(1000, 'again');
    expect(fake.closeCalls).toHaveLength(1);
    fake.end(1000, 'bye');
    expect(closes).toEqual([{ code: 1000, reason: 'bye' }]);
  });
});
