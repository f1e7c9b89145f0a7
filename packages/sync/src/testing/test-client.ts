/**
 * A client that behaves like y-websocket's provider on the wire — sync step 1 and its awareness
 * on open, updates as they happen, answers to the server's sync step 1, and (like y-websocket)
 * re-sends every awareness change it receives, other people's included — without timers or
 * sockets, so a seeded scheduler decides when each frame travels.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CloseCode, decodeFrame, encodeMessage, joinChunks } from '../frames.ts';
import { MessageType } from '../protocol.ts';

export class TestClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Frames waiting to reach the server. */
  outbound: string[] = [];
  connectionId: string | null = null;
  closedWith: number | null = null;
  permissionDenied = 0;
  notices: string[] = [];
  #pending = new Map<string, Uint8Array[]>();
  #sequence = 0;

  constructor(readonly name: string) {
    this.awareness.setLocalStateField('user', { name, organisation: 'claimed by the client', color: '#1f5fa8' });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this && this.connectionId) this.#send(syncMessage((e) => syncProtocol.writeUpdate(e, update)));
    });
    this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>) => {
      if (!this.connectionId) return;
      const changed = [...(added ?? []), ...(updated ?? []), ...(removed ?? [])];
      this.#send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)));
    });
  }

  get text(): string {
    return this.doc.getText('text').toString();
  }

  /** The socket opened as `connectionId`: send sync step 1 and our own awareness, as y-websocket does. */
  opened(connectionId: string): void {
    this.connectionId = connectionId;
    this.closedWith = null;
    this.#send(syncMessage((e) => syncProtocol.writeSyncStep1(e, this.doc)));
    this.#send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID])));
  }

  /** The socket closed: undelivered frames are lost; others' presence is dropped locally. */
  closed(code: number | null): void {
    this.connectionId = null;
    this.closedWith = code;
    this.outbound = [];
    this.#pending.clear();
    const others = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID);
    awarenessProtocol.removeAwarenessStates(this.awareness, others, this);
  }

  /** One frame from the server. */
  receive(frame: string): void {
    const decoded = decodeFrame(frame, { maxChunks: 10_000 });
    if (!decoded) throw new Error(`${this.name} received an unreadable frame`);
    if (decoded.kind === 'error') {
      this.closedWith = decoded.code;
      return;
    }
    if (decoded.kind === 'message') return this.#handle(decoded.data);
    if (decoded.kind === 'batch') return decoded.messages.forEach((message) => this.#handle(message));
    const parts = this.#pending.get(decoded.messageId) ?? [];
    parts[decoded.index] = decoded.data;
    this.#pending.set(decoded.messageId, parts);
    if (parts.filter(Boolean).length < decoded.count) return;
    this.#pending.delete(decoded.messageId);
    this.#handle(joinChunks(parts));
  }

  #handle(data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.sync) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MessageType.sync);
      syncProtocol.readSyncMessage(decoder, reply, this.doc, this);
      if (encoding.length(reply) > 1) this.#send(encoding.toUint8Array(reply));
    } else if (type === MessageType.awareness) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this);
    } else if (type === MessageType.auth) {
      this.permissionDenied += 1;
    } else if (type === MessageType.notice) {
      this.notices.push(decoding.readVarString(decoder));
    } else {
      throw new Error(`${this.name} received message type ${type}`);
    }
  }

  #send(data: Uint8Array): void {
    this.#sequence += 1;
    this.outbound.push(...encodeMessage({ data, messageId: `${this.name}${this.#sequence}`.slice(-16) }));
  }
}

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export { CloseCode };
