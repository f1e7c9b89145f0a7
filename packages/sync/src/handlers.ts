/**
 * The sync core: the y-websocket protocol as three stateless handlers, `connect`, `message` and
 * `disconnect`, over ports. Each call loads what it needs, checks, persists, then fans out —
 * nothing is kept in memory between calls, so any process (a Lambda, the local host) can handle
 * any message of any connection. See PROTOCOL.md for the message flow.
 */
import type { Principal } from '@concord/core';
import { fail, isDomainError } from '@concord/core';
import { compact, defaultCompactionSettings, type CompactionSettings, type MergeState } from './compaction.ts';
import { createIds } from './ids.ts';
import { createIncompleteChunks } from './budget.ts';
import { CHUNK_MAX_COUNT, CHUNK_RAW_BYTES, CloseCode, decodeFrame, joinChunks, MESSAGE_MAX_BYTES } from './frames.ts';
import { createConnectionBudgets, defaultBudget, type BudgetSettings } from './budget.ts';
import { createServerChanges } from './server-change.ts';
import { createMessageHandlers, createRoom, type Room } from './message-handlers.ts';
import { AWARENESS_STORE_EVERY } from './presence.ts';
import { createOutbox } from './outbox.ts';
import { shareNext } from './share-next.ts';
import type { ChunkStore, ConnectionAccess, ConnectionContext, ConnectionRecord, ConnectionRegistry, DocumentState, DocumentStore, Gateway, UpdateGuard } from './ports.ts';
import { decodeMessage, encodeAwareness, encodeNotice, type ClientMessage } from './protocol.ts';
import { encodeAwarenessUpdate } from './awareness.ts';

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
  /**
   * Called after a document was compacted (or its last writer left): a quiet moment, e.g. for an
   * automatic version checkpoint. Failures are logged, never passed on.
   */
  afterCompaction?: (input: { docId: string; reason: CompactionReason; state?: DocumentState }) => Promise<void>;
  /**
   * Where a compaction merges the snapshot and its tail: in this process by default. A host with
   * many connections on one event loop (the local host) moves it to a worker thread: a large
   * document's merge is milliseconds in which no keystroke is passed on.
   */
  mergeState?: MergeState;
  /**
   * Called before an update that deletes at least LARGE_DELETION characters is stored, with the
   * text still as it was: a checkpoint of it (a wipe must never take the last unnamed edits with
   * it). A failure refuses nothing; it is logged.
   */
  beforeLargeDeletion?: (input: { docId: string }) => Promise<void>;
  /** How long a connection record lives: API Gateway closes connections after 2 h. */
  connectionTtlMs?: number;
  /** Judges every client update (and server change) before it is stored; none by default. */
  guard?: UpdateGuard;
  /** Each person's budget of messages and bytes, across their connections (budget.ts); `false` for none. */
  budget?: BudgetSettings | false;
  /** Live connections one person may hold at once, across documents (tabs, devices); 20 by default. */
  maxConnectionsPerPerson?: number;
  /**
   * Runs work that must not hold up a connection's next message (compaction after a long tail).
   * Lambda awaits it (nothing may outlive the invocation), which is the default; the local host
   * runs it beside the message path.
   */
  later?: (input: { key: string; task: () => Promise<void> }) => Promise<void>;
  log?: (entry: SyncLogEntry) => void;
}

/** What became of a message: for logs, tests and the fuzzer. */
export type MessageOutcome =
  | 'handled'
  | 'pending-chunks'
  | 'ignored'
  | 'refused-read-only'
  | 'refused-frozen'
  /** An update placed after content the server lacks: the client was asked to sync again. */
  | 'refused-unresolved'
  | { closed: (typeof CloseCode)[keyof typeof CloseCode]; reason: string };

export type CompactionReason = 'tail' | 'last-writer-left' | 'requested' | 'large-deletion';

export interface SyncHandlers {
  /** `$connect`: registers an authenticated connection. Sends nothing (API Gateway cannot yet). */
  connect(input: {
    connectionId: string;
    docId: string;
    principal: Principal;
    access: ConnectionAccess;
    sessionId?: string | null;
  }): Promise<void>;
  /**
   * `$default`: one text frame from a client. Never throws: failures close the connection.
   * `connection` is who the connection is, as the gateway carries it (API Gateway's authorizer
   * context); without it the registry is asked.
   */
  message(input: { connectionId: string; frame: unknown; connection?: ConnectionContext | null; receivedAt?: number; admitted?: boolean }): Promise<MessageOutcome>;
  /**
   * Spends one message of `bytes` from this person's budget as the frame arrives; false when they
   * are over it (the cooldown starts). A gateway that queues a connection's frames (the local
   * one) asks at arrival and passes `admitted` to `message`, which then does not spend again; an
   * over-budget frame goes to `message` unadmitted, which closes the connection.
   */
  admit(input: { userId: string; bytes: number; at: number }): boolean;
  /**
   * Milliseconds before this person may connect again, having been closed for their budget (0
   * when they may). `connect` refuses them meanwhile; the gateway's authorizer asks first, so a
   * reconnecting script costs one ticket lookup, not a connection.
   */
  coolingFor(input: { userId: string }): number;
  /** `$disconnect` (with its document, when the context says it), or a connection found gone: forgets it, clears its presence. */
  disconnect(input: { connectionId: string; docId?: string }): Promise<void>;
  /** Compacts a document now (e.g. from a scheduled task); safe to call at any time. */
  compact(input: { docId: string }): Promise<void>;
  /**
   * Closes a connection from the server's side (access revoked, sharing changed): tells the
   * client why with an `e` frame, closes it, and forgets it at once — its next frame, if any
   * is already in flight, meets an unknown connection.
   */
  evict(input: { connectionId: string; code: number; reason: string }): Promise<void>;
  /**
   * A change made by the server itself (an accepted amendment, a restored version): stored, then
   * sent to every connection of the document. Refuses (throws an `input` DomainError) an update
   * that does not apply.
   */
  broadcastUpdate(input: { docId: string; update: Uint8Array; author: string }): Promise<void>;
  /** Sends a notice (`[100, text]`) to every connection of the document. */
  notify(input: { docId: string; notice: string }): Promise<void>;
}

const defaultConnectionTtlMs = (2 * 60 + 10) * 60_000;
/** A `$connect` handler finishes well within this; API Gateway's own timeout is 29 s. */
const connectGraceMs = 30_000;

export function createSyncHandlers(deps: SyncDependencies): SyncHandlers {
  const { documents, connections, chunks } = deps;
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? createIds();
  const settings = { ...defaultCompactionSettings, ...deps.compaction };
  const connectionTtlMs = deps.connectionTtlMs ?? defaultConnectionTtlMs;
  const log = deps.log ?? (() => {});
  const budgetSettings = deps.budget === false ? defaultBudget : (deps.budget ?? defaultBudget);
  const budgets = deps.budget === false ? null : createConnectionBudgets(budgetSettings);
  const maxConnectionsPerPerson = deps.maxConnectionsPerPerson ?? 20;
  const incomplete = createIncompleteChunks(MESSAGE_MAX_BYTES + CHUNK_RAW_BYTES);
  // Lambda's way unless the host has one: inside the invocation, after the frame's posts went out.
  const later = (input: { key: string; task: () => Promise<void> }, room?: Room): Promise<void> => {
    if (deps.later) return deps.later(input);
    if (!room) return input.task();
    room.after.push(input.task);
    return Promise.resolve();
  };
  const outbox = createOutbox({ gateway: deps.gateway, newId, onError: ({ code, connectionId, error }) => log({ level: 'warn', code, connectionId, error }) });

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

  async function sendTo(record: ConnectionRecord, data: Uint8Array, room?: Room): Promise<void> {
    if (room?.held) return hold(room.held, record, data);
    if ((await outbox.send({ connectionId: record.connectionId, data })) === 'gone') await forgetGone(record);
  }

  async function fanOut(peers: readonly ConnectionRecord[], data: Uint8Array | readonly Uint8Array[], room?: Room): Promise<void> {
    const held = room?.held;
    if (held) return peers.forEach((peer) => (data instanceof Uint8Array ? [data] : data).forEach((one) => hold(held, peer, one)));
    const gone = new Set(await outbox.fanOut({ connectionIds: peers.map((p) => p.connectionId), data }));
    for (const peer of peers) if (gone.has(peer.connectionId)) await forgetGone(peer);
  }

  function hold(held: NonNullable<Room['held']>, record: ConnectionRecord, data: Uint8Array): void {
    const entry = held.get(record.connectionId) ?? { record, messages: [] };
    entry.messages.push(data);
    held.set(record.connectionId, entry);
  }

  /** Posts what a frame held: one batch frame per recipient, in the order it was sent. */
  async function flush(room: Room, except: string | null): Promise<void> {
    if (!room.held || room.held.size === 0) return;
    const entries = [...room.held.values()].filter((entry) => entry.record.connectionId !== except);
    room.held.clear();
    await Promise.all(
      entries.map(async ({ record, messages }) => {
        if ((await outbox.sendMany({ connectionId: record.connectionId, messages })) === 'gone') await forgetGone(record);
      }),
    );
  }

  // Function declarations below are hoisted: the message handlers share them.
  const beforeLargeDeletion = async (docId: string) => {
    await deps.beforeLargeDeletion?.({ docId }).catch((error: unknown) => log({ level: 'error', code: 'sync.checkpoint-failed', docId, error }));
  };
  const { handleFrame } = createMessageHandlers({ documents, connections, settings, now, sendTo, fanOut, closeWith, compactQuietly, later, guard: deps.guard, beforeLargeDeletion });

  /** Last editors leaving at one moment (a meeting ends) share one compaction and checkpoint, begun after they left. */
  const lastWriterLeft = shareNext((docId) => compactQuietly(docId, 'last-writer-left'));

  /** Documents this process is compacting: a long tail asks again with every update until the commit lands. */
  const compacting = new Map<string, number>();

  async function compactQuietly(docId: string, reason: CompactionReason): Promise<void> {
    // Another 'tail' attempt would only find the lease taken (a request for nothing); the other
    // reasons still run, for the checkpoint their moment calls for.
    if (reason === 'tail' && compacting.has(docId)) return;
    compacting.set(docId, (compacting.get(docId) ?? 0) + 1);
    try {
      let state: DocumentState | undefined;
      const result = await compact({ documents, docId, owner: newId(), now: now(), settings, merge: deps.mergeState, committed: (committed) => (state = committed) });
      if (deps.afterCompaction && (result === 'compacted' || reason !== 'tail')) await deps.afterCompaction({ docId, reason, ...(state ? { state } : {}) });
    } catch (error) {
      log({ level: 'error', code: 'sync.compaction-failed', docId, error });
    } finally {
      const left = (compacting.get(docId) ?? 1) - 1;
      if (left > 0) compacting.set(docId, left);
      else compacting.delete(docId);
    }
  }

  /** The whole messages a frame carries or completes, a close outcome, or 'pending-chunks'. */
  async function assemble(record: ConnectionRecord, frame: unknown): Promise<Uint8Array[] | MessageOutcome> {
    // Decoded without a chunk-count bound, so a paste over the limit is 'too large', not 'malformed'.
    const decoded = typeof frame === 'string' ? decodeFrame(frame, { maxChunks: Number.MAX_SAFE_INTEGER }) : null;
    if (!decoded || decoded.kind === 'error') return closeWith(record, CloseCode.badFrame, 'sync.frame-malformed');
    if (decoded.kind === 'message') return [decoded.data];
    if (decoded.kind === 'batch') return decoded.messages;
    if (decoded.count > CHUNK_MAX_COUNT) return closeWith(record, CloseCode.tooLarge, 'sync.message-too-large');
    // Only an update needs chunks; a reader has none to send, so its chunks are never stored.
    if (record.access !== 'write') return closeWith(record, CloseCode.badFrame, 'sync.read-only-chunks');
    // Chunks of messages never finished are stored until they expire: a writer may hold at most
    // MESSAGE_MAX_BYTES of them at once (one large paste on its way), not a stream of them.
    if (!incomplete.add({ connectionId: record.connectionId, messageId: decoded.messageId, bytes: decoded.data.length })) {
      return closeWith(record, CloseCode.tooLarge, 'sync.incomplete-too-large');
    }
    try {
      const parts = await chunks.putChunk({ connectionId: record.connectionId, ...decoded, now: now() });
      if (!parts) return 'pending-chunks';
      incomplete.done({ connectionId: record.connectionId, messageId: decoded.messageId });
      const data = joinChunks(parts);
      return data.length > MESSAGE_MAX_BYTES ? closeWith(record, CloseCode.tooLarge, 'sync.message-too-large') : [data];
    } catch (error) {
      if (isDomainError(error) && error.kind === 'input') return closeWith(record, CloseCode.badFrame, error.code);
      throw error;
    }
  }

  /** The connection as its context says (no read), else as the registry has it. */
  async function recordOf(input: { connectionId: string; connection?: ConnectionContext | null }): Promise<ConnectionRecord | null> {
    const { connectionId, connection } = input;
    if (!connection) return connections.get({ connectionId, now: now() });
    const expiresAt = connection.connectedAt + connectionTtlMs;
    return expiresAt > now() ? { ...connection, connectionId, expiresAt, awareness: null } : null;
  }

  async function message(input: Parameters<SyncHandlers['message']>[0]): Promise<MessageOutcome> {
    const { connectionId } = input;
    try {
      const record = await recordOf(input);
      if (!record) {
        await outbox.close({ connectionId, code: CloseCode.unauthorized, reason: 'sync.connection-unknown' });
        return { closed: CloseCode.unauthorized, reason: 'sync.connection-unknown' };
      }
      const bytes = typeof input.frame === 'string' ? input.frame.length : 0;
      // Counted at arrival: a gateway that queues a flood must not refill the budget while it waits.
      // Per person, not per connection: reconnecting does not refill it.
      if (!input.admitted && !admit({ userId: record.principal.userId, bytes, at: input.receivedAt ?? now() })) return closeWith(record, CloseCode.rateLimited, 'sync.rate-limited');
      const messages = await assemble(record, input.frame);
      if (!Array.isArray(messages)) return messages;
      const decoded = messages.map(decodeMessage).filter((m): m is ClientMessage => m !== null);
      if (decoded.length !== messages.length) return closeWith(record, CloseCode.badFrame, 'sync.message-malformed');
      // One room per frame: an edit and its caret move read the document's connections once.
      const room = createRoom({ connections, docId: record.docId, now });
      const outcome = await handleFrame(record, decoded, room);
      // A connection closed mid-frame gets nothing more; the others get what was stored.
      await flush(room, typeof outcome === 'object' ? connectionId : null);
      for (const task of room.after) await task();
      return outcome;
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
    const cooling = coolingFor({ userId: input.principal.userId });
    if (cooling > 0) throw fail.conflict('sync.rate-limited', `closed for sending too much; try again in ${Math.ceil(cooling / 1000)} s`);
    if (budgets && !budgets.spend({ connectionId: input.principal.userId, bytes: 0, now: connectedAt, messages: budgetSettings.connectMessages })) {
      throw fail.conflict('sync.rate-limited', 'too many connections opened in a short while');
    }
    const held = (await connections.countForUser?.({ userId: input.principal.userId, now: connectedAt })) ?? 0;
    if (held >= maxConnectionsPerPerson) throw fail.conflict('sync.too-many-connections', `at most ${maxConnectionsPerPerson} connections per person`);
    await connections.add({ ...input, sessionId: input.sessionId ?? null, connectedAt, expiresAt: connectedAt + connectionTtlMs, awareness: null });
  }

  const admit: SyncHandlers['admit'] = ({ userId, bytes, at }) => budgets?.spend({ connectionId: userId, bytes, now: at }) ?? true;
  const coolingFor: SyncHandlers['coolingFor'] = ({ userId }) => budgets?.coolingFor({ key: userId, now: now() }) ?? 0;

  async function disconnect({ connectionId, docId }: Parameters<SyncHandlers['disconnect']>[0]): Promise<void> {
    incomplete.forget(connectionId);
    const record = await connections.remove({ connectionId, ...(docId ? { docId } : {}) });
    if (!record) return;
    const peers = await connections.listForDocument({ docId: record.docId, now: now() });
    const awareness = record.awareness;
    // A reconnected client may already speak for this client id again: then it has not left.
    const stillHere = peers.some((p) => p.awareness?.clientId === awareness?.clientId);
    if (awareness && awareness.state !== null && peers.length > 0 && !stillHere) {
      // A store registry keeps an entry only every AWARENESS_STORE_EVERY ticks: clients saw at
      // most that many more, and y-protocols ignores a removal older than what it holds.
      const clock = awareness.clock + (connections.inMemory ? 1 : AWARENESS_STORE_EVERY);
      const gone = { clientId: awareness.clientId, clock, state: null };
      await fanOut(peers, encodeAwareness(encodeAwarenessUpdate([gone])));
    }
    // The last editor leaving is a quiet moment to fold the tail into a snapshot.
    if (record.access === 'write' && !peers.some((p) => p.access === 'write')) await lastWriterLeft(record.docId);
  }

  async function notify(input: { docId: string; notice: string }): Promise<void> {
    await fanOut(await connections.listForDocument({ docId: input.docId, now: now() }), encodeNotice(input.notice));
  }

  async function evict(input: { connectionId: string; code: number; reason: string }): Promise<void> {
    await outbox.close(input);
    await disconnect({ connectionId: input.connectionId });
  }

  const broadcastUpdate = createServerChanges({ documents, connections, guard: deps.guard, settings, now, fanOut, later, compactQuietly });

  return { connect, message, admit, coolingFor, disconnect, compact: ({ docId }) => compactQuietly(docId, 'requested'), evict, broadcastUpdate, notify };
}
