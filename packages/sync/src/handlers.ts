/**
 * The sync core: the y-websocket protocol as three stateless handlers, `connect`, `message` and
 * `disconnect`, over ports. Each call loads what it needs, checks, persists, then fans out —
 * nothing is kept in memory between calls, so any process (a Lambda, the local host) can handle
 * any message of any connection. See PROTOCOL.md for the message flow.
 */
import type { Principal } from '@concord/core';
import { isDomainError } from '@concord/core';
import * as Y from 'yjs';
import { decodeAwarenessUpdate, encodeAwarenessUpdate, ownEntry, stampState } from './awareness.ts';
import { compact, defaultCompactionSettings, needsCompaction, type CompactionSettings } from './compaction.ts';
import { checkStateVector, checkUpdate, documentFrom } from './document.ts';
import { CHUNK_MAX_COUNT, CloseCode, decodeFrame, joinChunks, MESSAGE_MAX_BYTES } from './frames.ts';
import { createOutbox } from './outbox.ts';
import type { ChunkStore, ConnectionAccess, ConnectionRecord, ConnectionRegistry, DocumentStore, Gateway } from './ports.ts';
import {
  decodeMessage,
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  type ClientMessage,
} from './protocol.ts';

export interface SyncLogEntry {
  level: 'warn' | 'error';
  code: string;
  connectionId?: string;
  docId?: string;
  error?: unknown;
}

export interface SyncDependencies {
  documents: DocumentStore;
  connections: ConnectionRegistry;
  chunks: ChunkStore;
  gateway: Gateway;
  now?: () => number;
  /** Unique ids for chunked messages and compaction leases: `[A-Za-z0-9]{1,16}`. */
  newId?: () => string;
  compaction?: Partial<CompactionSettings>;
  /** How long a connection record lives: API Gateway closes connections after 2 h. */
  connectionTtlMs?: number;
  log?: (entry: SyncLogEntry) => void;
}

/** What became of a message: for logs, tests and the fuzzer. */
export type MessageOutcome =
  | 'handled'
  | 'pending-chunks'
  | 'ignored'
  | 'refused-read-only'
  | { closed: (typeof CloseCode)[keyof typeof CloseCode]; reason: string };

export interface SyncHandlers {
  /** `$connect`: registers an authenticated connection. Sends nothing (API Gateway cannot yet). */
  connect(input: {
    connectionId: string;
    docId: string;
    principal: Principal;
    access: ConnectionAccess;
    sessionId?: string | null;
  }): Promise<void>;
  /** `$default`: one text frame from a client. Never throws: failures close the connection. */
  message(input: { connectionId: string; frame: unknown }): Promise<MessageOutcome>;
  /** `$disconnect`, or a connection found gone: forgets it and clears its presence. */
  disconnect(input: { connectionId: string }): Promise<void>;
  /** Compacts a document now (e.g. from a scheduled task); safe to call at any time. */
  compact(input: { docId: string }): Promise<void>;
  /**
   * Closes a connection from the server's side (access revoked, sharing changed): tells the
   * client why with an `e` frame, closes it, and forgets it at once — its next frame, if any
   * is already in flight, meets an unknown connection.
   */
  evict(input: { connectionId: string; code: number; reason: string }): Promise<void>;
}

const defaultConnectionTtlMs = (2 * 60 + 10) * 60_000;
/** A `$connect` handler finishes well within this; API Gateway's own timeout is 29 s. */
const connectGraceMs = 30_000;

export function createSyncHandlers(deps: SyncDependencies): SyncHandlers {
  const { documents, connections, chunks } = deps;
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? randomId;
  const settings = { ...defaultCompactionSettings, ...deps.compaction };
  const connectionTtlMs = deps.connectionTtlMs ?? defaultConnectionTtlMs;
  const log = deps.log ?? (() => {});
  const outbox = createOutbox({
    gateway: deps.gateway,
    newId,
    onError: ({ code, connectionId, error }) => log({ level: 'warn', code, connectionId, error }),
  });

  async function closeWith(record: { connectionId: string }, code: (typeof CloseCode)[keyof typeof CloseCode], reason: string): Promise<MessageOutcome> {
    await outbox.close({ connectionId: record.connectionId, code, reason });
    await disconnect({ connectionId: record.connectionId });
    return { closed: code, reason };
  }

  /**
   * Forgets a connection a post found gone — unless it is still connecting: API Gateway answers
   * 410 to posts made while `$connect` runs, and that connection is about to open. Its own sync
   * step 1 brings it what it missed; if it never opens, `$disconnect` or the TTL removes it.
   */
  async function forgetGone(record: ConnectionRecord): Promise<void> {
    if (now() - record.connectedAt < connectGraceMs) return;
    await disconnect({ connectionId: record.connectionId });
  }

  async function sendTo(record: ConnectionRecord, data: Uint8Array): Promise<void> {
    if ((await outbox.send({ connectionId: record.connectionId, data })) === 'gone') await forgetGone(record);
  }

  async function fanOut(peers: readonly ConnectionRecord[], data: Uint8Array): Promise<void> {
    const gone = new Set(await outbox.fanOut({ connectionIds: peers.map((p) => p.connectionId), data }));
    for (const peer of peers) if (gone.has(peer.connectionId)) await forgetGone(peer);
  }

  async function compactQuietly(docId: string): Promise<void> {
    try {
      await compact({ documents, docId, owner: newId(), now: now(), settings });
    } catch (error) {
      log({ level: 'error', code: 'sync.compaction-failed', docId, error });
    }
  }

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
    if (needsCompaction({ tail, settings })) await compactQuietly(record.docId);
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
    const tail = await documents.appendUpdate({ docId: record.docId, update, origin: record.connectionId });
    // Consistent read after the write: a joiner either gets the update here or finds it stored.
    const peers = await connections.listForDocument({ docId: record.docId, now: now() });
    await fanOut(peers.filter((p) => p.connectionId !== record.connectionId), encodeUpdate(update));
    if (needsCompaction({ tail, settings })) await compactQuietly(record.docId);
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

  /** The whole message a frame completes, a close outcome, or null while chunks are pending. */
  async function assemble(record: ConnectionRecord, frame: unknown): Promise<Uint8Array | MessageOutcome> {
    // Decoded without a chunk-count bound, so a paste over the limit is 'too large', not 'malformed'.
    const decoded = typeof frame === 'string' ? decodeFrame(frame, { maxChunks: Number.MAX_SAFE_INTEGER }) : null;
    if (!decoded || decoded.kind === 'error') return closeWith(record, CloseCode.badFrame, 'sync.frame-malformed');
    if (decoded.kind === 'message') return decoded.data;
    if (decoded.count > CHUNK_MAX_COUNT) return closeWith(record, CloseCode.tooLarge, 'sync.message-too-large');
    try {
      const parts = await chunks.putChunk({ connectionId: record.connectionId, ...decoded, now: now() });
      if (!parts) return 'pending-chunks';
      const data = joinChunks(parts);
      return data.length > MESSAGE_MAX_BYTES ? closeWith(record, CloseCode.tooLarge, 'sync.message-too-large') : data;
    } catch (error) {
      if (isDomainError(error) && error.kind === 'input') return closeWith(record, CloseCode.badFrame, error.code);
      throw error;
    }
  }

  async function message(input: { connectionId: string; frame: unknown }): Promise<MessageOutcome> {
    const { connectionId } = input;
    try {
      const record = await connections.get({ connectionId, now: now() });
      if (!record) {
        await outbox.close({ connectionId, code: CloseCode.unauthorized, reason: 'sync.connection-unknown' });
        return { closed: CloseCode.unauthorized, reason: 'sync.connection-unknown' };
      }
      const data = await assemble(record, input.frame);
      if (!(data instanceof Uint8Array)) return data;
      const decoded = decodeMessage(data);
      if (!decoded) return closeWith(record, CloseCode.badFrame, 'sync.message-malformed');
      return await dispatch(record, decoded);
    } catch (error) {
      // A store or gateway failure: the client reconnects and re-syncs, so nothing is lost.
      log({ level: 'error', code: 'sync.message-failed', connectionId, error });
      await outbox.close({ connectionId, code: CloseCode.internal, reason: 'sync.internal-error' });
      await disconnect({ connectionId }).catch((cause: unknown) => {
        log({ level: 'error', code: 'sync.disconnect-failed', connectionId, error: cause });
      });
      return { closed: CloseCode.internal, reason: 'sync.internal-error' };
    }
  }

  async function connect(input: Parameters<SyncHandlers['connect']>[0]) {
    const connectedAt = now();
    await connections.add({ ...input, sessionId: input.sessionId ?? null, connectedAt, expiresAt: connectedAt + connectionTtlMs, awareness: null });
  }

  async function disconnect({ connectionId }: { connectionId: string }): Promise<void> {
    const record = await connections.remove({ connectionId });
    if (!record) return;
    const peers = await connections.listForDocument({ docId: record.docId, now: now() });
    const awareness = record.awareness;
    // A reconnected client may already speak for this client id again: then it has not left.
    const stillHere = peers.some((p) => p.awareness?.clientId === awareness?.clientId);
    if (awareness && awareness.state !== null && peers.length > 0 && !stillHere) {
      const gone = { clientId: awareness.clientId, clock: awareness.clock + 1, state: null };
      await fanOut(peers, encodeAwareness(encodeAwarenessUpdate([gone])));
    }
    // The last editor leaving is a quiet moment to fold the tail into a snapshot.
    if (record.access === 'write' && !peers.some((p) => p.access === 'write')) await compactQuietly(record.docId);
  }

  async function evict(input: { connectionId: string; code: number; reason: string }): Promise<void> {
    await outbox.close(input);
    await disconnect({ connectionId: input.connectionId });
  }

  return { connect, message, disconnect, compact: ({ docId }) => compactQuietly(docId), evict };
}

const idAlphabet = '0123456789abcdefghijklmnopqrstuvwxyz';

/** 16 characters of base36 randomness: enough to never collide within a document's lifetime. */
function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let id = '';
  for (const byte of bytes) id += idAlphabet[byte % 36];
  return id;
}
