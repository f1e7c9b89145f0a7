/**
 * Small builders for the unit tests: principals, Yjs updates, client messages written with
 * y-protocols' own encoders, and a recording Gateway whose posted frames are decoded the way a
 * y-websocket client would read them. Independent of the modules under test except for the
 * framing (frames.ts), which has its own tests.
 */
import type { Principal } from '@concord/core';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { decodeFrame, encodeMessage, joinChunks } from '../frames.ts';
import type { Gateway } from '../ports.ts';

/** 2026-01-01T00:00:00Z: the clock every test starts from. */
export const T0 = Date.UTC(2026, 0, 1);

export function principalFor(name: string, overrides: Partial<Principal> = {}): Principal {
  return {
    userId: `usr_${name}`,
    userName: name,
    organisationId: `org_${name}`,
    organisationName: `Org ${name}`,
    coalitionId: 'coal_test',
    tier: 'member',
    isChair: false,
    roles: [],
    ...overrides,
  };
}

/** A document of one client holding `text` in its 'text' type. */
export function docWithText(text: string, clientId: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  doc.getText('text').insert(0, text);
  return doc;
}

/** The whole state of a one-client document holding `text`, as a Yjs update v1. */
export function updateWithText(text: string, clientId: number): Uint8Array {
  const doc = docWithText(text, clientId);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

export function textOf(...updates: (Uint8Array | null)[]): string {
  const doc = new Y.Doc();
  for (const update of updates) if (update) Y.applyUpdate(doc, update);
  const text = doc.getText('text').toString();
  doc.destroy();
  return text;
}

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** `[0,0,sv]` as y-websocket writes it. */
export function syncStep1Message(doc: Y.Doc): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, 0);
    syncProtocol.writeSyncStep1(e, doc);
  });
}

/** `[0,1,update]` as y-websocket writes it. */
export function syncStep2Message(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, 0);
    syncProtocol.writeSyncStep2(e, doc, stateVector);
  });
}

/** `[0,2,update]` as y-websocket writes it. */
export function updateMessage(update: Uint8Array): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, 0);
    syncProtocol.writeUpdate(e, update);
  });
}

/** One awareness entry as the test means it: `state` is a value (JSON-encoded on the wire). */
export interface TestAwarenessEntry {
  clientId: number;
  clock: number;
  state: unknown;
}

/** An awareness update in y-protocols' layout: count, then clientId, clock, JSON state each. */
export function awarenessUpdate(entries: readonly TestAwarenessEntry[]): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, entries.length);
    for (const entry of entries) {
      encoding.writeVarUint(e, entry.clientId);
      encoding.writeVarUint(e, entry.clock);
      encoding.writeVarString(e, JSON.stringify(entry.state));
    }
  });
}

/** `[1,awarenessUpdate]` as y-websocket writes it. */
export function awarenessMessage(entries: readonly TestAwarenessEntry[]): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, awarenessUpdate(entries));
  });
}

export const queryAwarenessMessage = (): Uint8Array => new Uint8Array([3]);

/** The single `m` frame carrying a small message. */
export function frameOf(data: Uint8Array): string {
  const frames = encodeMessage({ data, messageId: 'unused' });
  if (frames.length !== 1) throw new Error(`expected one frame, got ${frames.length}`);
  return frames[0]!;
}

/** What a y-websocket client makes of one server message. */
export type ServerMessage =
  | { type: 'sync-step-1'; stateVector: Uint8Array }
  | { type: 'sync-step-2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; entries: TestAwarenessEntry[] }
  | { type: 'permission-denied'; reason: string }
  | { type: 'notice'; text: string };

export function readServerMessage(data: Uint8Array): ServerMessage {
  const decoder = decoding.createDecoder(data);
  const type = decoding.readVarUint(decoder);
  let result: ServerMessage;
  if (type === 0) {
    const step = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (step === syncProtocol.messageYjsSyncStep1) result = { type: 'sync-step-1', stateVector: payload };
    else if (step === syncProtocol.messageYjsSyncStep2) result = { type: 'sync-step-2', update: payload };
    else if (step === syncProtocol.messageYjsUpdate) result = { type: 'update', update: payload };
    else throw new Error(`unknown sync step ${step}`);
  } else if (type === 1) {
    result = { type: 'awareness', entries: readAwarenessEntries(decoding.readVarUint8Array(decoder)) };
  } else if (type === 2) {
    const reasons: string[] = [];
    authProtocol.readAuthMessage(decoder, new Y.Doc(), (_doc, reason) => reasons.push(reason));
    if (reasons.length !== 1) throw new Error('auth message without a permission-denied reason');
    result = { type: 'permission-denied', reason: reasons[0]! };
  } else if (type === 100) {
    result = { type: 'notice', text: decoding.readVarString(decoder) };
  } else {
    throw new Error(`unknown message type ${type}`);
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes in a server message');
  return result;
}

function readAwarenessEntries(update: Uint8Array): TestAwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  return Array.from({ length: count }, () => ({
    clientId: decoding.readVarUint(decoder),
    clock: decoding.readVarUint(decoder),
    state: JSON.parse(decoding.readVarString(decoder)) as unknown,
  }));
}

export type GatewayEvent =
  | { kind: 'post'; connectionId: string; frame: string }
  | { kind: 'close'; connectionId: string; code: number; reason: string };

export interface RecordingGateway extends Gateway {
  /** Delivered posts and closes, in the order they happened. */
  readonly events: GatewayEvent[];
  /** Connections whose posts are answered 'gone' (API Gateway's 410). */
  readonly gone: Set<string>;
  /** Connection ids of every post answered 'gone'. */
  readonly goneAnswers: string[];
  /** Runs before each post is answered (e.g. to look at the store at that moment). */
  beforePost: ((input: { connectionId: string; frame: string }) => Promise<void>) | null;
  framesTo(connectionId: string): string[];
  /** Every whole message posted to a connection, chunks rejoined, decoded as a client would. */
  messagesTo(connectionId: string): ServerMessage[];
  closesOf(connectionId: string): { code: number; reason: string }[];
  clear(): void;
}

export function createRecordingGateway(): RecordingGateway {
  const events: GatewayEvent[] = [];
  const gone = new Set<string>();
  const goneAnswers: string[] = [];

  const gateway: RecordingGateway = {
    events,
    gone,
    goneAnswers,
    beforePost: null,
    async post({ connectionId, frame }) {
      await gateway.beforePost?.({ connectionId, frame });
      if (gone.has(connectionId)) {
        goneAnswers.push(connectionId);
        return 'gone';
      }
      events.push({ kind: 'post', connectionId, frame });
      return 'ok';
    },
    async close({ connectionId, code, reason }) {
      events.push({ kind: 'close', connectionId, code, reason });
    },
    framesTo: (connectionId) =>
      events.flatMap((e) => (e.kind === 'post' && e.connectionId === connectionId ? [e.frame] : [])),
    messagesTo: (connectionId) => rejoin(gateway.framesTo(connectionId)).map(readServerMessage),
    closesOf: (connectionId) =>
      events.flatMap((e) => (e.kind === 'close' && e.connectionId === connectionId ? [{ code: e.code, reason: e.reason }] : [])),
    clear() {
      events.length = 0;
      goneAnswers.length = 0;
    },
  };
  return gateway;
}

/** Whole messages carried by `frames` (chunks rejoined in index order); `e` frames are skipped. */
export function rejoin(frames: readonly string[]): Uint8Array[] {
  const messages: Uint8Array[] = [];
  const pending = new Map<string, Uint8Array[]>();
  for (const text of frames) {
    const frame = decodeFrame(text, { maxChunks: 10_000 });
    if (!frame) throw new Error(`unreadable frame ${text.slice(0, 40)}`);
    if (frame.kind === 'message') messages.push(frame.data);
    if (frame.kind === 'batch') messages.push(...frame.messages);
    if (frame.kind !== 'chunk') continue;
    const parts = pending.get(frame.messageId) ?? [];
    parts[frame.index] = frame.data;
    pending.set(frame.messageId, parts);
    if (parts.filter(Boolean).length === frame.count) {
      pending.delete(frame.messageId);
      messages.push(joinChunks(parts));
    }
  }
  return messages;
}

/** Byte equality that stays fast on megabytes (deep equality walks element by element). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

/**
 * A hostile update found by mutating bytes of a typing update: Yjs decodes it (Y.decodeUpdate)
 * but applying it throws ("Unexpected case"). Only an apply catches it.
 */
export const decodesButDoesNotApply: Uint8Array = Buffer.from('AAQHAMQBBAEFAm5lAAcBAQUHdyB3b3JkAMYBAwEEBGJvbGQEdHJ1ZcYHAQcCBGJvbGQEbnVsbAEBAQIC', 'base64');
