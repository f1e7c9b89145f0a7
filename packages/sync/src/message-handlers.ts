/**
 * The y-websocket messages a connection sends, each handled statelessly: sync step 1 loads the
 * document; updates are stored, then fanned out; awareness is filtered to the sender's own entry,
 * stamped with who they are, and echoed. See PROTOCOL.md §3.
 */
import { isDomainError } from '@concord/core';
import * as Y from 'yjs';
import { decodeAwarenessUpdate, encodeAwarenessUpdate, ownEntry, stampState } from './awareness.ts';
import { needsCompaction, type CompactionSettings } from './compaction.ts';
import { checkStateVector, checkUpdate, documentFrom } from './document.ts';
import { CloseCode } from './frames.ts';
import type { CompactionReason, MessageOutcome } from './handlers.ts';
import type { ConnectionRecord, ConnectionRegistry, DocumentStore } from './ports.ts';
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
  sendTo(record: ConnectionRecord, data: Uint8Array): Promise<void>;
  fanOut(peers: readonly ConnectionRecord[], data: Uint8Array): Promise<void>;
  closeWith(record: { connectionId: string }, code: (typeof CloseCode)[keyof typeof CloseCode], reason: string): Promise<MessageOutcome>;
  compactQuietly(docId: string, reason: CompactionReason): Promise<void>;
}

export function createMessageHandlers(core: MessageCore) {
  const { documents, connections, settings, now, sendTo, fanOut, closeWith, compactQuietly } = core;

  /** Sync step 1: answer with what the client lacks; writers also get ours, to upload theirs. */
  async function onSyncStep1(record: ConnectionRecord, stateVector: Uint8Array): Promise<MessageOutcome> {
    if (!checkStateVector(stateVector)) return closeWith(record, CloseCode.badFrame, 'sync.state-vector-malformed');
    const state = await documents.load({ docId: record.docId });
    const doc = documentFrom(state);
    const diff = Y.encodeStateAsUpdate(doc, stateVector);
    const ours = Y.encodeStateVector(doc);
    doc.destroy();
    await sendTo(record, encodeSyncStep2(diff));
    if (record.access === 'write') await sendTo(record, encodeSyncStep1(ours));
    const peers = await connections.listForDocument({ docId: record.docId, now: now() });
    const present = peers.filter((p) => p.connectionId !== record.connectionId && p.awareness?.state);
    if (present.length > 0) {
      await sendTo(record, encodeAwareness(encodeAwarenessUpdate(present.map((p) => p.awareness!))));
    }
    const tail = { count: state.updates.length, bytes: state.updates.reduce((n, u) => n + u.update.length, 0) };
    if (needsCompaction({ tail, settings })) await compactQuietly(record.docId, 'tail');
    return 'handled';
  }

  /** An update (or a sync step 2): store it, then pass it on to everyone else on the document. */
  async function onUpdate(record: ConnectionRecord, update: Uint8Array): Promise<MessageOutcome> {
    if (record.access !== 'write') {
      await sendTo(record, encodePermissionDenied('read-only'));
      return 'refused-read-only';
    }
    const check = checkUpdate(update);
    if (check === 'malformed') return closeWith(record, CloseCode.badFrame, 'sync.update-malformed');
    if (check === 'empty') return 'ignored';
    const author = `${record.principal.userId} ${record.principal.organisationId}`;
    let tail;
    try {
      tail = await documents.appendUpdate({ docId: record.docId, update, origin: record.connectionId, author });
    } catch (error) {
      // A consensus call froze the text: refused like a reader's write, the client told why.
      if (!isDomainError(error) || error.code !== 'sync.document-frozen') throw error;
      await sendTo(record, encodePermissionDenied('frozen'));
      return 'refused-frozen';
    }
    // Consistent read after the write: a joiner either gets the update here or finds it stored.
    const peers = await connections.listForDocument({ docId: record.docId, now: now() });
    await fanOut(peers.filter((p) => p.connectionId !== record.connectionId), encodeUpdate(update));
    if (needsCompaction({ tail, settings })) await compactQuietly(record.docId, 'tail');
    return 'handled';
  }

  /** Presence: keep only the sender's own entry, stamped with who it is; echo it to everyone. */
  async function onAwareness(record: ConnectionRecord, update: Uint8Array): Promise<MessageOutcome> {
    let entries;
    try {
      entries = decodeAwarenessUpdate(update);
    } catch {
      return closeWith(record, CloseCode.badFrame, 'sync.awareness-malformed');
    }
    const peers = await connections.listForDocument({ docId: record.docId, now: now() });
    // Only another person's connection makes an entry a relay: the same person's older
    // connection may still hold this client id (a reconnect before the old one is gone).
    const othersClientIds = new Set(
      peers.flatMap((p) =>
        p.connectionId !== record.connectionId && p.principal.userId !== record.principal.userId && p.awareness
          ? [p.awareness.clientId]
          : [],
      ),
    );
    const entry = ownEntry({ entries, boundClientId: record.awareness?.clientId ?? null, othersClientIds });
    if (!entry) return 'ignored';
    const state = entry.state === null ? null : stampState({ state: entry.state, principal: record.principal });
    if (entry.state !== null && state === null) return closeWith(record, CloseCode.badFrame, 'sync.awareness-state-invalid');
    const stamped = { ...entry, state };
    const result = await connections.setAwareness({ connectionId: record.connectionId, docId: record.docId, entry: stamped });
    // Frames arrive in any order: an older state than the one stored is not passed on.
    if (result !== 'ok') return 'ignored';
    const recipients = peers.some((p) => p.connectionId === record.connectionId) ? peers : [...peers, record];
    await fanOut(recipients, encodeAwareness(encodeAwarenessUpdate([stamped])));
    return 'handled';
  }

  async function onQueryAwareness(record: ConnectionRecord): Promise<MessageOutcome> {
    const peers = await connections.listForDocument({ docId: record.docId, now: now() });
    const entries = peers.flatMap((p) => (p.awareness?.state ? [p.awareness] : []));
    if (entries.length > 0) await sendTo(record, encodeAwareness(encodeAwarenessUpdate(entries)));
    return 'handled';
  }

  function dispatch(record: ConnectionRecord, message: ClientMessage): Promise<MessageOutcome> {
    switch (message.type) {
      case 'sync-step-1':
        return onSyncStep1(record, message.stateVector);
      case 'sync-step-2':
      case 'update':
        return onUpdate(record, message.update);
      case 'awareness':
        return onAwareness(record, message.update);
      case 'query-awareness':
        return onQueryAwareness(record);
      case 'auth':
        return Promise.resolve('ignored');
    }
  }

  return { dispatch };
}
