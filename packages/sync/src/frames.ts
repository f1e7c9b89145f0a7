/**
 * Framing between a client and the gateway, shaped by API Gateway's WebSocket limits: text
 * frames only (binary is closed with 1003), at most 32 KB per frame. Every protocol message is
 * base64 text; larger messages travel as numbered chunks and are reassembled on the other side.
 *
 *   m<base64>                               a whole message
 *   b<base64>                               several whole messages sent in one tick (an edit and
 *                                           the caret move it caused): each a varUint8Array
 *   c<messageId>.<index>.<count>.<base64>   chunk `index` (0-based) of `count`
 *   e<code>.<reason>                        a notice sent before the server closes the connection
 *
 * See PROTOCOL.md.
 */
import { fromBase64, toBase64 } from 'lib0/buffer';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export const FRAME_MAX_BYTES = 32 * 1024;
/** Largest message a client may send, assembled. Larger pastes are refused with `tooLarge`. */
export const MESSAGE_MAX_BYTES = 4 * 1024 * 1024;
/** Raw bytes per chunk: base64 of it plus the longest header stays under FRAME_MAX_BYTES. */
export const CHUNK_RAW_BYTES = 24_000;
export const CHUNK_MAX_COUNT = Math.ceil(MESSAGE_MAX_BYTES / CHUNK_RAW_BYTES);

/** Close codes the server uses (4000–4999 are the application's range). */
export const CloseCode = {
  /** A frame or message that does not decode. */
  badFrame: 4400,
  /** No valid ticket at connect, the connection is unknown, or its access was revoked. */
  unauthorized: 4401,
  /** A write the connection's access does not allow is never a close: it is dropped. */
  forbidden: 4403,
  tooLarge: 4413,
  /** An update that would leave the document outside the editor's schema (PROTOCOL.md §3). */
  schema: 4422,
  /** Over the connection's budget of messages or bytes (budget.ts). */
  rateLimited: 4429,
  internal: 4500,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Messages one batch frame may carry: a tick's worth, not a backlog. */
export const BATCH_MAX_MESSAGES = 16;

export type Frame =
  | { kind: 'message'; data: Uint8Array }
  | { kind: 'batch'; messages: Uint8Array[] }
  | { kind: 'chunk'; messageId: string; index: number; count: number; data: Uint8Array }
  | { kind: 'error'; code: number; reason: string };

const chunkHeader = /^c([A-Za-z0-9]{1,16})\.(\d{1,4})\.(\d{1,4})\./;
const base64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Splits one message into the frames that carry it. `messageId` is used only when chunking. */
export function encodeMessage(input: { data: Uint8Array; messageId: string }): string[] {
  const { data, messageId } = input;
  if (data.length <= CHUNK_RAW_BYTES) return ['m' + toBase64(data)];
  const count = Math.ceil(data.length / CHUNK_RAW_BYTES);
  const frames: string[] = [];
  for (let index = 0; index < count; index++) {
    const part = data.subarray(index * CHUNK_RAW_BYTES, (index + 1) * CHUNK_RAW_BYTES);
    frames.push(`c${messageId}.${index}.${count}.${toBase64(part)}`);
  }
  return frames;
}

/**
 * Packs whole messages into as few frames as the limits allow, in order: consecutive messages
 * share a `b` frame while they fit in CHUNK_RAW_BYTES (and BATCH_MAX_MESSAGES); a lone message
 * goes as `m`, a large one as chunks of its own. One frame is one Lambda invocation and one API
 * Gateway message, so a keystroke and its caret move cost one of each, not two.
 */
export function encodeMessages(input: { messages: readonly Uint8Array[]; newMessageId: () => string }): string[] {
  const frames: string[] = [];
  let group: Uint8Array[] = [];
  let groupBytes = 0;
  const flush = () => {
    if (group.length === 1) frames.push(...encodeMessage({ data: group[0]!, messageId: input.newMessageId() }));
    else if (group.length > 1) frames.push('b' + toBase64(packBatch(group)));
    group = [];
    groupBytes = 0;
  };
  for (const data of input.messages) {
    // Each message costs its bytes plus a length prefix of at most 4 bytes (< 2^28).
    const cost = data.length + 4;
    if (group.length > 0 && (groupBytes + cost > CHUNK_RAW_BYTES || group.length === BATCH_MAX_MESSAGES)) flush();
    group.push(data);
    groupBytes += cost;
  }
  flush();
  return frames;
}

function packBatch(messages: readonly Uint8Array[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const message of messages) encoding.writeVarUint8Array(encoder, message);
  return encoding.toUint8Array(encoder);
}

/** The messages of a batch payload; null unless it is 2…BATCH_MAX_MESSAGES exact varUint8Arrays. */
function unpackBatch(payload: Uint8Array): Uint8Array[] | null {
  const decoder = decoding.createDecoder(payload);
  const messages: Uint8Array[] = [];
  try {
    while (decoding.hasContent(decoder)) {
      if (messages.length === BATCH_MAX_MESSAGES) return null;
      const length = decoding.readVarUint(decoder);
      if (length > payload.length - decoder.pos) return null;
      messages.push(decoding.readUint8Array(decoder, length));
    }
  } catch {
    return null;
  }
  return messages.length >= 2 ? messages : null;
}

export function encodeError(input: { code: number; reason: string }): string {
  return `e${input.code}.${input.reason}`;
}

/**
 * Decodes one text frame. Returns null for anything malformed — bad prefix, bad base64,
 * out-of-range chunk numbers, oversized frames — so the caller can close with `badFrame`.
 * `maxChunks` bounds the assembled size: the server holds clients to MESSAGE_MAX_BYTES, while a
 * client accepts larger messages from the server (a first sync of a very long document).
 */
export function decodeFrame(frame: string, options: { maxChunks?: number } = {}): Frame | null {
  const maxChunks = options.maxChunks ?? CHUNK_MAX_COUNT;
  if (typeof frame !== 'string' || frame.length === 0 || frame.length > FRAME_MAX_BYTES) return null;
  const kind = frame[0];
  if (kind === 'm') {
    const data = decodeBase64(frame.slice(1));
    return data ? { kind: 'message', data } : null;
  }
  if (kind === 'b') {
    const payload = decodeBase64(frame.slice(1));
    const messages = payload && payload.length <= CHUNK_RAW_BYTES ? unpackBatch(payload) : null;
    return messages ? { kind: 'batch', messages } : null;
  }
  if (kind === 'c') {
    const header = chunkHeader.exec(frame);
    if (!header) return null;
    const index = Number(header[2]);
    const count = Number(header[3]);
    if (count < 2 || count > maxChunks || index >= count) return null;
    const data = decodeBase64(frame.slice(header[0].length));
    if (!data || data.length === 0 || data.length > CHUNK_RAW_BYTES) return null;
    return { kind: 'chunk', messageId: header[1] as string, index, count, data };
  }
  if (kind === 'e') {
    const dot = frame.indexOf('.');
    const code = Number(frame.slice(1, dot));
    if (dot < 2 || !Number.isInteger(code)) return null;
    return { kind: 'error', code, reason: frame.slice(dot + 1) };
  }
  return null;
}

function decodeBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !base64.test(text)) return null;
  try {
    return fromBase64(text);
  } catch {
    return null;
  }
}

/** Joins chunks received in index order into the message they carry. */
export function joinChunks(chunks: Uint8Array[]): Uint8Array {
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
