/**
 * The y-websocket messages a connection sends, each handled statelessly: sync step 1 loads the
 * document; an update is fanned out once the store admits it (freeze checked) and acknowledged
 * once durable; awareness is filtered to the sender's own entry, stamped with who they are,
 * echoed, and stored only when it must be. See PROTOCOL.md §3.
 */
import { isDomainError } from '@concord/core';
import * as Y from 'yjs';
import { encodeAwarenessUpdate } from './awareness.ts';
import { needsCompaction, type CompactionSettings } from './compaction.ts';
import { checkStateVector, checkUpdate, documentFrom, mergeUpdateRuns } from './document.ts';
import { CloseCode } from './frames.ts';
import type { CompactionReason, MessageOutcome } from './handlers.ts';
import { judgeAwareness, mustStore } from './presence.ts';
import { createSyncDocuments } from './sync-documents.ts';
import { appendThenReadRoom } from './room-read-append.ts';
import type { AwarenessEntry, ConnectionRecord, ConnectionRegistry, DocumentStore, RoomRead, UpdateGuard } from './ports.ts';
import {
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  type ClientMessage,
} from './protocol.ts';

/** What the message handlers share with the rest of the sync core. */
export interface MessageCore {
  documents: DocumentStore;
  connections: ConnectionRegistry;
  settings: CompactionSettings;
  now: () => number;
  sendTo(record: ConnectionRecord, data: Uint8Array, room?: Room): Promise<void>;
  /** Several messages go to each peer in as few frames as fit (one batch frame, usually). */
  fanOut(peers: readonly ConnectionRecord[], data: Uint8Array | readonly Uint8Array[], room?: Room): Promise<void>;
  closeWith(record: { connectionId: string }, code: (typeof CloseCode)[keyof typeof CloseCode], reason: string): Promise<MessageOutcome>;
  /** Runs work that must not hold up the connection's next message (compaction). */
  later(input: { key: string; task: () => Promise<void> }, room?: Room): Promise<void>;
  compactQuietly(docId: string, reason: CompactionReason): Promise<void>;
  guard?: UpdateGuard;
  beforeLargeDeletion(docId: string): Promise<void>;
}

/**
 * One frame's view of the document's connections: read at most once per frame from a store
 * registry (an update and the caret move in the same batch frame share the read), always fresh
 * from an in-memory one.
 */
export interface Room {
  peers(): Promise<ConnectionRecord[]>;
  /** The connections at once, from a registry in memory that lists them synchronously; else null. */
  peersNow(): readonly ConnectionRecord[] | null;
  /** After a write: read again (a store registry's first read comes after it anyway). */
  refresh(): Promise<ConnectionRecord[]>;
  /** After a write, with the document's head (`freezeCheck: 'room-read'`): one read, kept for the frame. */
  refreshWithHead(): Promise<RoomRead>;
  /**
   * With a store registry, what the frame sends is held and posted once per recipient when the
   * frame is done (an update and its caret: one API Gateway message per peer, not two). Nothing
   * waits for it there: the store path fans out after the write anyway. Null: post at once.
   */
  readonly held: Map<string, { record: ConnectionRecord; messages: Uint8Array[] }> | null;
  /** Work to run once the frame's posts went out (compaction inside a Lambda invocation). */
  readonly after: (() => Promise<void>)[];
}

export function createRoom(input: { connections: ConnectionRegistry; docId: string; now: () => number }): Room {
  const { connections, docId, now } = input;
  let read: Promise<ConnectionRecord[]> | null = null;
  const load = () => (read = connections.listForDocument({ docId, now: now() }));
  return {
    peers: () => (connections.inMemory ? load() : (read ?? load())),
    peersNow: () => connections.listLive?.({ docId, now: now() }) ?? null,
    refresh: load,
    refreshWithHead: async () => {
      if (!connections.readRoom) throw new Error('a room-read freeze check needs a registry that reads the head (readRoom)');
      const withHead = connections.readRoom({ docId, now: now() });
      read = withHead.then((room) => room.connections);
      return withHead;
    },
    held: connections.inMemory ? null : new Map(),
    after: [],
  };
}

/** Characters one update may delete before the text as it was is checkpointed first (a wipe). */
export const LARGE_DELETION = 500;

/** How many characters (items) an update deletes. */
function deletedCount(update: Uint8Array): number {
  let count = 0;
  for (const ranges of Y.decodeUpdate(update).ds.clients.values()) for (const range of ranges) count += range.len;
  return count;
}

export function createMessageHandlers(core: MessageCore) {
  const { documents, connections, settings, now, sendTo, fanOut, closeWith, compactQuietly, later, guard, beforeLargeDeletion } = core;
  const checkAfterWrite = documents.freezeCheck === 'room-read';
  const syncDocuments = createSyncDocuments();
  if (checkAfterWrite && (!connections.readRoom || connections.inMemory)) {
    throw new Error("freezeCheck 'room-read' needs a store registry that reads the room with the head (readRoom)");
  }

  /** Sync step 1: answer with what the client lacks; writers also get ours, to upload theirs. */
  async function onSyncStep1(record: ConnectionRecord, stateVector: Uint8Array, room: Room): Promise<MessageOutcome> {
    if (!checkStateVector(stateVector)) return closeWith(record, CloseCode.badFrame, 'sync.state-vector-malformed');
    const state = await documents.load({ docId: record.docId });
    const { diff, ours } = syncDocuments.answer(record.docId, state, stateVector);
    await sendTo(record, encodeSyncStep2(diff), room);
    if (record.access === 'write') await sendTo(record, encodeSyncStep1(ours), room);
    const present = (await room.peers()).filter((p) => p.connectionId !== record.connectionId && p.awareness?.state);
    if (present.length > 0) {
      await sendTo(record, encodeAwareness(encodeAwarenessUpdate(present.map((p) => p.awareness!))), room);
    }
    // A long-lived host's guard keeps the document for the first keystroke: built beside the
    // message path, after the newcomer was answered.
    const prepare = connections.inMemory ? guard?.prepare?.bind(guard) : undefined;
    if (prepare) await later({ key: `guard ${record.docId}`, task: async () => prepare({ docId: record.docId, state }) }, room);
    const tail = { count: state.updates.length, bytes: state.updates.reduce((n, u) => n + u.update.length, 0) };
    if (needsCompaction({ tail, settings })) await later({ key: `compact ${record.docId}`, task: () => compactQuietly(record.docId, 'tail') }, room);
    return 'handled';
  }

  /**
   * An update (or a sync step 2). Shown to the others as soon as the store admits it (the text is
   * not frozen), acknowledged to the sender only once durable: the handler returns — and the
   * connection's next message, the awareness echo that tells the editor "saved", goes out — after
   * the write. A joiner that registered while the write was in flight is caught by a second look
   * at the room after it.
   */
  async function onUpdate(record: ConnectionRecord, update: Uint8Array, room: Room, caret?: Uint8Array): Promise<MessageOutcome> {
    if (record.access !== 'write') {
      await sendTo(record, encodePermissionDenied('read-only'));
      return 'refused-read-only';
    }
    const check = checkUpdate(update, { scratch: guard?.appliesUpdates !== true });
    if (check === 'malformed') return closeWith(record, CloseCode.badFrame, 'sync.update-malformed');
    if (check === 'empty') return 'ignored';
    const judged = await guard?.check({ docId: record.docId, update, load: () => documents.load({ docId: record.docId }) });
    if (judged && !judged.ok) {
      if (judged.reason === 'sync.update-malformed') return closeWith(record, CloseCode.badFrame, judged.reason);
      if (judged.reason !== 'schema.unresolved') return closeWith(record, CloseCode.schema, judged.reason);
      // It overtook an update we lack: our state vector makes the client send both together.
      const state = documentFrom(await documents.load({ docId: record.docId }));
      const ours = Y.encodeStateVector(state);
      state.destroy();
      await sendTo(record, encodeSyncStep1(ours));
      return 'refused-unresolved';
    }
    if (deletedCount(update) >= LARGE_DELETION) await beforeLargeDeletion(record.docId);
    const updateMessage = encodeUpdate(update);
    // The sender's caret move of the same frame, when it rides along (`onUpdateWithCaret`).
    const message = caret ? [updateMessage, caret] : updateMessage;
    const others = (peers: readonly ConnectionRecord[]) => peers.filter((p) => p.connectionId !== record.connectionId);
    if (checkAfterWrite) return storeThenCheck({ record, update, message: updateMessage, room, others });
    let early: Promise<ReadonlySet<string>> | null = null;
    const admitted = () => {
      if (!connections.inMemory) return;
      const send = async (peers: readonly ConnectionRecord[]) => {
        await fanOut(others(peers), message, room);
        return new Set(peers.map((p) => p.connectionId));
      };
      // Posted in this call when the registry lists at once: before the store's write begins.
      const listed = room.peersNow();
      early = listed ? send(listed) : room.peers().then(send);
    };
    let tail;
    try {
      tail = await documents.appendUpdate({ docId: record.docId, update, origin: record.connectionId, author: authorOf(record), admitted });
    } catch (error) {
      await (early as Promise<unknown> | null)?.catch(() => undefined);
      // A consensus call froze the text: refused like a reader's write, the client told why.
      if (!isDomainError(error) || error.code !== 'sync.document-frozen') throw error;
      await sendTo(record, encodePermissionDenied('frozen'));
      return 'refused-frozen';
    }
    const reached = early ? await (early as Promise<ReadonlySet<string>>) : new Set<string>();
    // Consistent read after the write: a joiner either gets the update here or finds it stored.
    const latecomers = others(await room.refresh()).filter((p) => !reached.has(p.connectionId));
    if (latecomers.length > 0) await fanOut(latecomers, message, room);
    if (needsCompaction({ tail, settings })) await later({ key: `compact ${record.docId}`, task: () => compactQuietly(record.docId, 'tail') }, room);
    return 'handled';
  }

  /** Lambda's path (`freezeCheck: 'room-read'`): stored, then the room read with the head (room-read-append.ts). */
  async function storeThenCheck(input: {
    record: ConnectionRecord;
    update: Uint8Array;
    message: Uint8Array;
    room: Room;
    others: (peers: readonly ConnectionRecord[]) => ConnectionRecord[];
  }): Promise<MessageOutcome> {
    const { record, update, room } = input;
    const { docId } = record;
    const appended = await appendThenReadRoom({ documents, docId, update, origin: record.connectionId, author: authorOf(record), readRoom: room.refreshWithHead });
    if (appended.frozen) {
      await sendTo(record, encodePermissionDenied('frozen'));
      return 'refused-frozen';
    }
    // A joiner is in this read (made after the write), or registered after it and finds the update when it loads.
    await fanOut(input.others(appended.room.connections), input.message, room);
    if (needsCompaction({ tail: appended.tail, settings })) await later({ key: `compact ${docId}`, task: () => compactQuietly(docId, 'tail') }, room);
    return 'handled';
  }

  /** Presence: the sender's own entry, judged (presence.ts), recorded when it must be, echoed to everyone. */
  async function onAwareness(record: ConnectionRecord, update: Uint8Array, room: Room): Promise<MessageOutcome> {
    const peers = await room.peers();
    const judged = judgeAwareness({ record, update, peers });
    if (!judged.ok) return judged.close ? closeWith(record, CloseCode.badFrame, judged.close) : 'ignored';
    if (!(await recordAwareness(record, judged.entry, judged.stored))) return 'ignored';
    const recipients = peers.some((p) => p.connectionId === record.connectionId) ? peers : [...peers, record];
    await fanOut(recipients, encodeAwareness(encodeAwarenessUpdate([judged.entry])), room);
    return 'handled';
  }

  /**
   * A keystroke and the caret move of the same frame, on a registry in memory (the local host):
   * the caret rides to the others in the update's own frame, posted once the store admits the
   * update, and is echoed to the sender — its "saved" — only once the update is durable. One post
   * per peer instead of two. Anything but a stored update (refused, frozen, empty) sends the caret
   * as it would have gone alone; a caret that would not go out alone (malformed, older, another's
   * client id) is handled after the update, in the frame's order.
   */
  async function onUpdateWithCaret(record: ConnectionRecord, update: Uint8Array, caret: Uint8Array, room: Room): Promise<MessageOutcome> {
    const peers = room.peersNow() ?? (await room.peers());
    const judged = judgeAwareness({ record, update: caret, peers });
    if (!judged.ok || !(await recordAwareness(record, judged.entry, judged.stored))) {
      const outcome = await onUpdate(record, update, room);
      if (typeof outcome === 'object') return outcome;
      return judged.ok ? 'ignored' : onAwareness(record, caret, room);
    }
    const caretMessage = encodeAwareness(encodeAwarenessUpdate([judged.entry]));
    const outcome = await onUpdate(record, update, room, caretMessage);
    if (typeof outcome === 'object') return outcome;
    if (outcome === 'handled') await sendTo(record, caretMessage, room);
    else await fanOut([...peers.filter((p) => p.connectionId !== record.connectionId), record], caretMessage, room);
    return 'handled';
  }

  /**
   * Stored only when it must be — to bind the client id, when it leaves, when its `user` part
   * changes, and every AWARENESS_STORE_EVERY ticks so a joiner's carets are close — and otherwise
   * forwarded without a write: carets move far more often than anyone joins. False: not passed on.
   */
  async function recordAwareness(record: ConnectionRecord, entry: AwarenessEntry, stored: AwarenessEntry | null): Promise<boolean> {
    if (!mustStore({ entry, stored }) && !connections.inMemory) return true;
    return (await connections.setAwareness({ connectionId: record.connectionId, docId: record.docId, entry })) === 'ok';
  }

  async function onQueryAwareness(record: ConnectionRecord, room: Room): Promise<MessageOutcome> {
    const entries = (await room.peers()).flatMap((p) => (p.awareness?.state ? [p.awareness] : []));
    if (entries.length > 0) await sendTo(record, encodeAwareness(encodeAwarenessUpdate(entries)), room);
    return 'handled';
  }

  function dispatch(record: ConnectionRecord, message: ClientMessage, room: Room): Promise<MessageOutcome> {
    switch (message.type) {
      case 'sync-step-1':
        return onSyncStep1(record, message.stateVector, room);
      case 'sync-step-2':
      case 'update':
        return onUpdate(record, message.update, room);
      case 'awareness':
        return onAwareness(record, message.update, room);
      case 'query-awareness':
        return onQueryAwareness(record, room);
      case 'auth':
        return Promise.resolve('ignored');
    }
  }

  /**
   * A frame's messages in order, until one closes the connection; its consecutive updates as one
   * (`mergeUpdateRuns`). On a registry in memory an update followed by its caret move is handled
   * as one (`onUpdateWithCaret`).
   */
  async function handleFrame(record: ConnectionRecord, frame: readonly ClientMessage[], room: Room): Promise<MessageOutcome> {
    const messages = mergeUpdateRuns(frame);
    let outcome: MessageOutcome = 'ignored';
    for (let i = 0; i < messages.length; i++) {
      const one = messages[i]!;
      const next = messages[i + 1];
      if (connections.inMemory && one.type === 'update' && next?.type === 'awareness') {
        outcome = await onUpdateWithCaret(record, one.update, next.update, room);
        i += 1;
      } else outcome = await dispatch(record, one, room);
      if (typeof outcome === 'object') break;
    }
    return outcome;
  }

  return { handleFrame };
}

function authorOf(record: ConnectionRecord): string {
  return `${record.principal.userId} ${record.principal.organisationId}`;
}
