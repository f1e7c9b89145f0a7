import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  decodeMessage,
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MessageType,
} from './protocol.ts';
import { docWithText, textOf } from './testing/fixtures.ts';

const disposables: { destroy(): void }[] = [];
afterEach(() => {
  for (const d of disposables.splice(0)) d.destroy();
});

function track<T extends { destroy(): void }>(value: T): T {
  disposables.push(value);
  return value;
}

function written(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

const withTrailingByte = (data: Uint8Array): Uint8Array => new Uint8Array([...data, 0]);

describe('decodeMessage', () => {
  it('decodes sync step 1 written by y-protocols into its state vector', () => {
    const doc = track(docWithText('hello', 5));
    const data = written((e) => {
      encoding.writeVarUint(e, MessageType.sync);
      syncProtocol.writeSyncStep1(e, doc);
    });
    expect(decodeMessage(data)).toEqual({ type: 'sync-step-1', stateVector: Y.encodeStateVector(doc) });
  });

  it('decodes sync step 2 written by y-protocols into the update it carries', () => {
    const doc = track(docWithText('hello', 5));
    const data = written((e) => {
      encoding.writeVarUint(e, MessageType.sync);
      syncProtocol.writeSyncStep2(e, doc, Y.encodeStateVector(new Y.Doc()));
    });
    const message = decodeMessage(data);
    expect(message?.type).toBe('sync-step-2');
    expect(message?.type === 'sync-step-2' && textOf(message.update)).toBe('hello');
  });

  it('decodes an update written by y-protocols', () => {
    const update = Y.encodeStateAsUpdate(track(docWithText('typed', 6)));
    const data = written((e) => {
      encoding.writeVarUint(e, MessageType.sync);
      syncProtocol.writeUpdate(e, update);
    });
    expect(decodeMessage(data)).toEqual({ type: 'update', update });
  });

  it('decodes an awareness message carrying y-protocols’ awareness update', () => {
    const awareness = track(new awarenessProtocol.Awareness(track(new Y.Doc())));
    awareness.setLocalState({ user: { name: 'Ada' } });
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]);
    const data = written((e) => {
      encoding.writeVarUint(e, MessageType.awareness);
      encoding.writeVarUint8Array(e, update);
    });
    expect(decodeMessage(data)).toEqual({ type: 'awareness', update });
  });

  it('decodes query awareness', () => {
    expect(decodeMessage(new Uint8Array([MessageType.queryAwareness]))).toEqual({ type: 'query-awareness' });
  });

  it('decodes an auth message written by y-protocols, whose content it ignores', () => {
    const data = written((e) => {
      encoding.writeVarUint(e, MessageType.auth);
      authProtocol.writePermissionDenied(e, 'no');
    });
    expect(decodeMessage(data)).toEqual({ type: 'auth' });
  });

  it('round-trips the messages its own encoders write', () => {
    const update = Y.encodeStateAsUpdate(track(docWithText('x', 9)));
    const stateVector = Y.encodeStateVector(track(docWithText('y', 10)));
    expect(decodeMessage(encodeSyncStep1(stateVector))).toEqual({ type: 'sync-step-1', stateVector });
    expect(decodeMessage(encodeSyncStep2(update))).toEqual({ type: 'sync-step-2', update });
    expect(decodeMessage(encodeUpdate(update))).toEqual({ type: 'update', update });
    expect(decodeMessage(encodeAwareness(new Uint8Array([0])))).toEqual({ type: 'awareness', update: new Uint8Array([0]) });
  });

  it.each<[string, number[]]>([
    ['an empty message', []],
    ['an unknown message type', [4]],
    ['a large unknown message type', [0x7f]],
    ['an unknown sync step', [0, 3, 0]],
    ['a sync message without a step', [0]],
    ['a sync message without a payload', [0, 2]],
    ['a truncated message type varint', [0x80]],
    ['a truncated sync step varint', [0, 0x81]],
    ['a truncated payload length varint', [0, 2, 0x85]],
    ['a payload length past the end', [0, 2, 10, 1, 2, 3]],
    ['an awareness message without its update', [1]],
    ['an awareness update length past the end', [1, 4, 0, 0]],
    ['an auth message without content', [2]],
    ['an auth message whose reason length is past the end', [2, 0, 5, 97, 98]],
  ])('returns null for %s', (_, data) => {
    expect(decodeMessage(new Uint8Array(data))).toBeNull();
  });

  it.each<[string, Uint8Array]>([
    ['sync step 1', encodeSyncStep1(new Uint8Array([0]))],
    ['an update', encodeUpdate(new Uint8Array([0, 0]))],
    ['awareness', encodeAwareness(new Uint8Array([0]))],
    ['query awareness', new Uint8Array([MessageType.queryAwareness])],
    ['auth', encodePermissionDenied('x')],
  ])('returns null for %s followed by trailing bytes', (_, data) => {
    expect(decodeMessage(data)).not.toBeNull();
    expect(decodeMessage(withTrailingByte(data))).toBeNull();
  });

  it('returns null when a declared length runs past the message into the bytes after it', () => {
    // A view into a larger buffer: lib0 alone would read the neighbouring bytes as payload.
    const buffer = new Uint8Array([0, 2, 5, 1, 2, 9, 9, 9, 9]);
    expect(decodeMessage(buffer.subarray(0, 5))).toBeNull();
    expect(decodeMessage(buffer.subarray(0, 8))).toEqual({ type: 'update', update: new Uint8Array([1, 2, 9, 9, 9]) });
  });
});

describe('the encoders', () => {
  /** Reads a sync message the way a y-websocket client does; returns the step and its reply. */
  function readAsClient(data: Uint8Array, doc: Y.Doc): { step: number; reply: Uint8Array } {
    const decoder = decoding.createDecoder(data);
    expect(decoding.readVarUint(decoder)).toBe(MessageType.sync);
    const reply = encoding.createEncoder();
    const step = syncProtocol.readSyncMessage(decoder, reply, doc, 'server');
    expect(decoding.hasContent(decoder)).toBe(false);
    return { step, reply: encoding.toUint8Array(reply) };
  }

  it('write a sync step 1 that y-protocols answers with the update the server lacks', () => {
    const server = track(docWithText('server', 1));
    const client = track(docWithText('client', 2));
    const { step, reply } = readAsClient(encodeSyncStep1(Y.encodeStateVector(server)), client);
    expect(step).toBe(syncProtocol.messageYjsSyncStep1);
    const answer = decoding.createDecoder(reply);
    expect(decoding.readVarUint(answer)).toBe(syncProtocol.messageYjsSyncStep2);
    syncProtocol.readSyncStep2(answer, server, 'client');
    expect(server.getText('text').toString()).toMatch(/^(serverclient|clientserver)$/);
  });

  it('write a sync step 2 that y-protocols applies', () => {
    const client = track(new Y.Doc());
    const { step } = readAsClient(encodeSyncStep2(Y.encodeStateAsUpdate(track(docWithText('stored', 3)))), client);
    expect(step).toBe(syncProtocol.messageYjsSyncStep2);
    expect(client.getText('text').toString()).toBe('stored');
  });

  it('write an update that y-protocols applies', () => {
    const client = track(new Y.Doc());
    const { step } = readAsClient(encodeUpdate(Y.encodeStateAsUpdate(track(docWithText('live', 4)))), client);
    expect(step).toBe(syncProtocol.messageYjsUpdate);
    expect(client.getText('text').toString()).toBe('live');
  });

  it('write an awareness message that y-protocols applies', () => {
    const sender = track(new awarenessProtocol.Awareness(track(new Y.Doc())));
    sender.setLocalState({ user: { name: 'Ada' }, cursor: 7 });
    const receiver = track(new awarenessProtocol.Awareness(track(new Y.Doc())));
    const decoder = decoding.createDecoder(
      encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(sender, [sender.clientID])),
    );
    expect(decoding.readVarUint(decoder)).toBe(MessageType.awareness);
    awarenessProtocol.applyAwarenessUpdate(receiver, decoding.readVarUint8Array(decoder), 'server');
    expect(receiver.getStates().get(sender.clientID)).toEqual({ user: { name: 'Ada' }, cursor: 7 });
  });

  it('write a permission-denied message that y-protocols reads with its reason', () => {
    const decoder = decoding.createDecoder(encodePermissionDenied('read-only'));
    expect(decoding.readVarUint(decoder)).toBe(MessageType.auth);
    const reasons: string[] = [];
    authProtocol.readAuthMessage(decoder, track(new Y.Doc()), (_doc, reason) => reasons.push(reason));
    expect(reasons).toEqual(['read-only']);
    expect(decoding.hasContent(decoder)).toBe(false);
  });
});
