/**
 * The browser side of the gateway framing: a WebSocket look-alike that y-websocket uses as its
 * `WebSocketPolyfill`. It fetches a fresh single-use URL (ticket) for every (re)connect, sends
 * each protocol message as base64 text frames (chunked above 24 KB: API Gateway closes binary
 * frames and frames over 32 KB), reassembles chunked messages from the server, and reports the
 * close code the server announced in its `e` frame (API Gateway cannot set close codes itself).
 *
 * Messages sent in the same tick (y-websocket sends an edit and, a moment later in the same
 * task, the caret move it caused) leave as one frame: one Lambda invocation, one API Gateway
 * message. A microtask, not a timer, so nothing waits.
 *
 * Only what y-websocket touches is implemented: `on*` handlers, `send`, `close`, `readyState`.
 */
import { CloseCode, decodeFrame, encodeMessages, joinChunks } from './frames.ts';

/** Ticket refusals the client must not retry (y-websocket stops on 4400–4499). */
export class GatewayRefusal extends Error {
  constructor(
    readonly code: number,
    reason: string,
  ) {
    super(reason);
    this.name = 'GatewayRefusal';
  }
}

interface MinimalSocket {
  readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string; wasClean?: boolean }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

type SocketConstructor = new (url: string) => MinimalSocket;

export interface GatewaySocketOptions {
  /** A fresh gateway URL (with a single-use ticket) for each connection attempt. */
  getUrl: () => Promise<string>;
  /** The WebSocket implementation: the browser's by default; `ws` in Node. */
  WebSocket?: SocketConstructor;
  /** Server messages may be this large once reassembled (default 64 MB). */
  maxMessageBytes?: number;
}

const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;
/** Server frames carry at most 24,000 raw bytes each. */
const rawBytesPerChunk = 24_000;
/** Chunked messages still being received at once; more means something is wrong. */
const maxPendingMessages = 64;

export function createGatewaySocket(options: GatewaySocketOptions) {
  const Impl = options.WebSocket ?? (globalThis.WebSocket as unknown as SocketConstructor);
  const maxChunks = Math.ceil((options.maxMessageBytes ?? 64 * 1024 * 1024) / rawBytesPerChunk);

  return class GatewaySocket {
    static readonly CONNECTING = CONNECTING;
    static readonly OPEN = OPEN;
    static readonly CLOSING = CLOSING;
    static readonly CLOSED = CLOSED;
    readonly CONNECTING = CONNECTING;
    readonly OPEN = OPEN;
    readonly CLOSING = CLOSING;
    readonly CLOSED = CLOSED;

    binaryType = 'arraybuffer';
    readyState = CONNECTING;
    onopen: ((event: unknown) => void) | null = null;
    onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
    onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
    onerror: ((event: unknown) => void) | null = null;

    #socket: MinimalSocket | null = null;
    #announced: { code: number; reason: string } | null = null;
    #pending = new Map<string, { count: number; parts: Map<number, Uint8Array> }>();
    #sequence = 0;
    #outgoing: Uint8Array[] = [];

    constructor(_url?: string) {
      options.getUrl().then(
        (url) => this.#open(url),
        (error: unknown) => {
          if (this.readyState === CLOSED) return;
          const refusal = error instanceof GatewayRefusal ? error : null;
          this.onerror?.({ type: 'error', error });
          this.#finish({ code: refusal?.code ?? 1006, reason: refusal?.message ?? 'no gateway url', wasClean: false });
        },
      );
    }

    send(data: ArrayBuffer | Uint8Array): void {
      if (this.readyState !== OPEN || !this.#socket) return;
      // y-websocket reuses nothing it sends, but a copy keeps a caller's later writes out of the frame.
      const bytes = data instanceof Uint8Array ? data.slice() : new Uint8Array(data.slice(0));
      this.#outgoing.push(bytes);
      if (this.#outgoing.length === 1) queueMicrotask(() => this.#flush());
    }

    #flush(): void {
      const messages = this.#outgoing;
      this.#outgoing = [];
      if (this.readyState !== OPEN || !this.#socket || messages.length === 0) return;
      const newMessageId = () => {
        this.#sequence += 1;
        return `${this.#sequence.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
      };
      for (const frame of encodeMessages({ messages, newMessageId })) this.#socket.send(frame);
    }

    close(code?: number, reason?: string): void {
      if (this.readyState === CLOSED || this.readyState === CLOSING) return;
      this.readyState = CLOSING;
      if (this.#socket) this.#socket.close(code, reason);
      else this.#finish({ code: code ?? 1000, reason: reason ?? '', wasClean: true });
    }

    #open(url: string): void {
      if (this.readyState !== CONNECTING) return;
      const socket = new Impl(url);
      this.#socket = socket;
      socket.onopen = (event) => {
        if (this.readyState !== CONNECTING) return;
        this.readyState = OPEN;
        this.onopen?.(event);
      };
      socket.onmessage = (event) => this.#receive(event.data);
      socket.onerror = (event) => this.onerror?.(event);
      socket.onclose = (event) => {
        const announced = this.#announced;
        this.#finish({
          code: announced?.code ?? event.code,
          reason: announced?.reason ?? event.reason,
          wasClean: event.wasClean ?? false,
        });
      };
    }

    #receive(data: unknown): void {
      const frame = typeof data === 'string' ? decodeFrame(data, { maxChunks }) : null;
      if (!frame) {
        this.#socket?.close(1000, 'unreadable frame');
        this.#announced ??= { code: CloseCode.badFrame, reason: 'sync.frame-malformed' };
        return;
      }
      if (frame.kind === 'error') this.#announced = { code: frame.code, reason: frame.reason };
      else if (frame.kind === 'message') this.#deliver(frame.data);
      else if (frame.kind === 'batch') for (const message of frame.messages) this.#deliver(message);
      else this.#collect(frame);
    }

    #collect(frame: { messageId: string; index: number; count: number; data: Uint8Array }): void {
      let entry = this.#pending.get(frame.messageId);
      if (!entry) {
        if (this.#pending.size >= maxPendingMessages) this.#pending.clear();
        entry = { count: frame.count, parts: new Map() };
        this.#pending.set(frame.messageId, entry);
      }
      if (entry.count !== frame.count) return;
      entry.parts.set(frame.index, frame.data);
      if (entry.parts.size < entry.count) return;
      this.#pending.delete(frame.messageId);
      this.#deliver(joinChunks([...entry.parts.entries()].sort(([a], [b]) => a - b).map(([, part]) => part)));
    }

    #deliver(bytes: Uint8Array): void {
      if (this.readyState !== OPEN) return;
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      this.onmessage?.({ data: buffer });
    }

    #finish(event: { code: number; reason: string; wasClean: boolean }): void {
      if (this.readyState === CLOSED) return;
      this.readyState = CLOSED;
      this.#pending.clear();
      this.onclose?.(event);
    }
  };
}
