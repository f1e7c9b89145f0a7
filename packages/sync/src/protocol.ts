/**
 * The y-websocket wire protocol (y-protocols), decoded into plain values and encoded back.
 *
 *   [0, 0, stateVector]   sync step 1: "here is what I have"
 *   [0, 1, update]        sync step 2: "here is what you lack"
 *   [0, 2, update]        an update
 *   [1, awarenessUpdate]  awareness (presence, cursors)
 *   [2, 0, reason]        auth: permission denied (server → client only)
 *   [3]                   query awareness
 *   [100, text]           a Concord notice (server → client only): something beside the text
 *                         changed, e.g. comments; y-websocket ignores types it does not know
 *
 * Decoding is strict: a message with trailing bytes, an unknown type or a truncated field is
 * malformed (`null`), so the caller can close the connection instead of guessing.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3, notice: 100 } as const;
export const SyncStep = { step1: 0, step2: 1, update: 2 } as const;

export type ClientMessage =
  | { type: 'sync-step-1'; stateVector: Uint8Array }
  | { type: 'sync-step-2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }
  | { type: 'auth' };

const syncTypes = ['sync-step-1', 'sync-step-2', 'update'] as const;

/** Decodes one whole message, or null when it is malformed in any way. */
export function decodeMessage(data: Uint8Array): ClientMessage | null {
  try {
    const decoder = decoding.createDecoder(data);
    const message = readMessage(decoder);
    return message && !decoding.hasContent(decoder) ? message : null;
  } catch {
    return null;
  }
}

function readMessage(decoder: decoding.Decoder): ClientMessage | null {
  switch (decoding.readVarUint(decoder)) {
    case MessageType.sync: {
      const step = syncTypes[decoding.readVarUint(decoder)];
      if (!step) return null;
      const payload = readBytes(decoder);
      return step === 'sync-step-1' ? { type: step, stateVector: payload } : { type: step, update: payload };
    }
    case MessageType.awareness:
      return { type: 'awareness', update: readBytes(decoder) };
    case MessageType.queryAwareness:
      return { type: 'query-awareness' };
    case MessageType.auth:
      // Clients have nothing to say here; read and ignore whatever follows.
      decoding.readVarUint(decoder);
      decoding.readVarString(decoder);
      return { type: 'auth' };
    default:
      return null;
  }
}

/** A varUint8Array whose declared length must fit in what is left (lib0 would read past it). */
function readBytes(decoder: decoding.Decoder): Uint8Array {
  const length = decoding.readVarUint(decoder);
  if (length > decoder.arr.length - decoder.pos) throw new RangeError('declared length past the end');
  return decoding.readUint8Array(decoder, length);
}

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return encodeSync(SyncStep.step1, stateVector);
}

export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return encodeSync(SyncStep.step2, update);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return encodeSync(SyncStep.update, update);
}

function encodeSync(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export function encodeAwareness(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}

/** `[2, 0, reason]`: y-websocket's permission-denied message. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.auth);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}

/** `[100, text]`: a notice to the clients of a document (server → client only). */
export function encodeNotice(text: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.notice);
  encoding.writeVarString(encoder, text);
  return encoding.toUint8Array(encoder);
}
