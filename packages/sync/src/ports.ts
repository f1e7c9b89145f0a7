/**
 * The ports the sync core consumes. Implementations: in memory (`memory/`, for tests and the
 * seeded network) and DynamoDB (`@concord/data`). Every method is one or a few single-item
 * conditional writes or consistent reads — no transactions (dynalite has none).
 */
import type { Principal } from '@concord/core';

/** One update as stored, before compaction merges it into a snapshot. */
export interface StoredUpdate {
  /** Store-specific key; `commitSnapshot` deletes exactly the keys it was given. */
  key: string;
  update: Uint8Array;
}

/** Snapshot plus every update not yet merged into it; overlap between the two is harmless. */
export interface DocumentState {
  /** The compacted state (Yjs update v1), or null before the first compaction. */
  snapshot: Uint8Array | null;
  /** Monotonic snapshot version the state was read at; 0 before the first compaction. */
  version: number;
  updates: StoredUpdate[];
}

export interface TailStats {
  /** Updates appended since the current snapshot (approximate under races, never negative). */
  count: number;
  bytes: number;
}

/** What `appendUpdate` answers: the tail after it, and the key it was stored under. */
export interface AppendResult extends TailStats {
  /** Its `StoredUpdate.key`: what `retract` takes back. */
  key?: string;
}

export interface DocumentStore {
  /**
   * Where the freeze is checked (PROTOCOL.md §3). `'append'` (the default): `appendUpdate`
   * refuses while the text is frozen. `'room-read'` (Lambda's adapters): `appendUpdate` stores
   * without asking — one request — and the caller must read the room *with its head*
   * (`ConnectionRegistry.readRoom`) after the write, and `retract` the update if the text is
   * frozen, before anyone was shown it; authors are then added only when the head lacks them.
   */
  readonly freezeCheck?: 'append' | 'room-read';
  /**
   * Durably appends one update (Yjs update v1). Resolves only once the write is acknowledged:
   * after that the update must survive a crash of any process. Updates of any size up to the
   * message limit must be accepted (a store with an item limit splits them). Refused with a
   * `conflict` DomainError (`sync.document-frozen`) while the text is frozen.
   */
  appendUpdate(input: {
    docId: string;
    update: Uint8Array;
    origin: string;
    /** Who wrote it (`<userId> <organisationId>`), remembered until `takeAuthors` (versions' authors). */
    author?: string;
    /**
     * Called once, as soon as the update can no longer be refused (the freeze check passed), and
     * before it is durable: from then on it may be shown to others. If the append then fails the
     * sender is never told it was saved, and re-uploads it when it reconnects (PROTOCOL.md §3).
     */
    admitted?: () => void;
  }): Promise<AppendResult>;
  /** Takes back an update stored into a frozen text (`freezeCheck: 'room-read'`); a no-op when gone. */
  retract?(input: { docId: string; key: string }): Promise<void>;
  /** Adds an author to the record `takeAuthors` reads (`freezeCheck: 'room-read'`, when the head lacks it). */
  addAuthor?(input: { docId: string; author: string }): Promise<void>;
  /**
   * Freezes the text (a consensus call runs on it): from then on `appendUpdate` throws a
   * `conflict` DomainError `sync.document-frozen` and stores nothing. False when already frozen.
   */
  freeze(input: { docId: string; by: string }): Promise<boolean>;
  /** Lifts the freeze set by `by` (a no-op otherwise). */
  unfreeze(input: { docId: string; by: string }): Promise<void>;
  /** Who froze the text, or null. */
  frozenBy(input: { docId: string }): Promise<string | null>;
  /**
   * The authors of the updates appended since the last call, removed from the record as they
   * are returned; authors added meanwhile stay for the next call.
   */
  takeAuthors(input: { docId: string }): Promise<string[]>;
  /**
   * Consistent read of the snapshot and the updates not merged into it. Must never miss an
   * acknowledged update, even while a compaction commits concurrently (retry internally).
   */
  load(input: {
    docId: string;
    /**
     * Told whether the head this load read last named a freeze (a consistent read made during
     * the load): the freeze fence learns from it that a text is open (freeze-fence.ts). A store
     * that reads no head need not call it.
     */
    sawFreeze?: (frozen: boolean) => void;
  }): Promise<DocumentState>;
  /**
   * Takes the compaction lease; false when another owner holds an unexpired one, or the text is
   * frozen: a frozen text is not compacted (a `'room-read'` writer may still be taking back an
   * update it stored into it, which a snapshot would keep for good).
   */
  acquireLease(input: { docId: string; owner: string; now: number; ttlMs: number }): Promise<boolean>;
  /**
   * Writes `snapshot` as version `baseVersion + 1`, moves the head (only if it is still at
   * `baseVersion`, `owner` still holds the lease and the text is not frozen), then deletes exactly `merged`.
   * Throws a `conflict` DomainError when the head moved or the lease was lost; then nothing
   * visible changed.
   */
  commitSnapshot(input: {
    docId: string;
    owner: string;
    baseVersion: number;
    snapshot: Uint8Array;
    merged: StoredUpdate[];
  }): Promise<void>;
  releaseLease(input: { docId: string; owner: string }): Promise<void>;
}

/** A room read with the document's head: who is there, whether the text is frozen, its authors. */
export interface RoomRead {
  connections: ConnectionRecord[];
  frozenBy: string | null;
  /** Authors recorded since the last `takeAuthors`. */
  authors: ReadonlySet<string>;
}

/** What a connection may do; fixed at `$connect`. */
export type ConnectionAccess = 'read' | 'write';

/** The one awareness entry a connection owns (its Yjs client id), as last seen. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** JSON of the awareness state, or null once the client removed it. */
  state: string | null;
}

export interface ConnectionRecord {
  connectionId: string;
  docId: string;
  principal: Principal;
  access: ConnectionAccess;
  /** The session that asked for the ticket: ending it closes the connection. */
  sessionId?: string | null;
  connectedAt: number;
  /** Epoch ms after which the record is stale (API Gateway drops connections after 2 h). */
  expiresAt: number;
  awareness: AwarenessEntry | null;
}

/**
 * Who a connection is, fixed at `$connect`. API Gateway hands it to every message's invocation
 * (a `$connect` authorizer's context, `$context.authorizer.*`), and the local gateway does the
 * same: identity is never re-read from the store per message.
 */
export interface ConnectionContext {
  docId: string;
  principal: Principal;
  access: ConnectionAccess;
  sessionId: string | null;
  connectedAt: number;
}

export interface ConnectionRegistry {
  /**
   * True when `listForDocument` is answered from this process's memory (the local gateway's own
   * sockets): then an update is fanned out as soon as the store admits it, and the room is read
   * again after the write to catch a joiner. False (a store query per read): read once, after the
   * write. See PROTOCOL.md §3, "Why a joiner never misses an update".
   */
  readonly inMemory?: boolean;
  add(record: ConnectionRecord): Promise<void>;
  get(input: { connectionId: string; now: number }): Promise<ConnectionRecord | null>;
  /** How many live connections a person has, on every document (for the per-person cap). */
  countForUser?(input: { userId: string; now: number }): Promise<number>;
  /**
   * Removes the connection; returns the record it had, or null when already gone. `docId`, when
   * the caller knows it (the gateway's context at `$disconnect`), spares a store registry the
   * lookup of the connection's document.
   */
  remove(input: { connectionId: string; docId?: string }): Promise<ConnectionRecord | null>;
  /** Consistent read of a document's live connections (expired ones filtered out). */
  listForDocument(input: { docId: string; now: number }): Promise<ConnectionRecord[]>;
  /**
   * The same list, answered at once by a registry in this process's memory. An admitted update is
   * then posted to the others before the store's write starts: awaiting the list would put the
   * write's synchronous work (serialising and signing the request) ahead of the fan-out. The
   * registry's own records, frozen: read on every keystroke, so not copied.
   */
  listLive?(input: { docId: string; now: number }): readonly Readonly<ConnectionRecord>[];
  /**
   * The live connections and the document's head in one consistent read: on DynamoDB they are one
   * key range of the document's partition (`CONN#…` to `HEAD`), so one Query. Needed by a store
   * whose `freezeCheck` is `'room-read'`.
   */
  readRoom?(input: { docId: string; now: number }): Promise<RoomRead>;
  /**
   * Records the connection's awareness entry. The first call binds the connection to
   * `entry.clientId`; a later call with another client id (or for a missing connection) returns
   * 'conflict', and one older than the stored entry returns 'stale' — both store nothing.
   * Older means y-protocols' rule: a lower clock, or the same clock unless it removes the state.
   */
  setAwareness(input: { connectionId: string; docId: string; entry: AwarenessEntry }): Promise<'ok' | 'conflict' | 'stale'>;
}

export interface ChunkStore {
  /**
   * Stores one chunk of a message sent in several frames. Exactly one caller — the one whose
   * chunk completes the message — receives all chunks in index order; every other call
   * (including duplicates of a chunk already stored) receives null. A chunk whose `count`
   * differs from the one its message started with throws an `input` DomainError
   * (`sync.chunk-mismatch`). Incomplete messages expire (TTL) and are never delivered.
   */
  putChunk(input: {
    connectionId: string;
    messageId: string;
    index: number;
    count: number;
    data: Uint8Array;
    now: number;
  }): Promise<Uint8Array[] | null>;
}

/** The host's way to reach connected clients: API Gateway's management API, or local sockets. */
export interface Gateway {
  /** Posts one text frame; 'gone' when the connection no longer exists (API Gateway's 410). */
  post(input: { connectionId: string; frame: string }): Promise<'ok' | 'gone'>;
  /** Closes a connection. API Gateway cannot choose the code; the client saw an `e` frame first. */
  close(input: { connectionId: string; code: number; reason: string }): Promise<void>;
}

/**
 * Judges an update against what the document may hold (the editor's schema) before it is stored
 * or sent on. `load` reads the stored document, for a guard that needs it and has no fresher copy.
 * 'unresolved': the update's place depends on content the server does not have yet (it overtook
 * an earlier update); the sender is asked to sync again, nothing is stored.
 */
export interface UpdateGuard {
  /**
   * The guard applies every update it lets through to its own copy of the document, and refuses
   * one that does not apply with 'sync.update-malformed'. The handlers then skip their own
   * scratch document (a Y.Doc built and applied per keystroke, on the path to the others). An
   * update that applies to an empty document can still fail against the real one: this is the
   * stronger check as well as the cheaper.
   */
  readonly appliesUpdates?: boolean;
  check(input: { docId: string; update: Uint8Array; load: () => Promise<DocumentState> }): Promise<{ ok: true } | { ok: false; reason: string }>;
  /**
   * A newcomer's load of the document, for a guard that keeps documents: it may keep this one
   * now, so that the first keystroke after a meeting opened it is judged without a load.
   */
  prepare?(input: { docId: string; state: DocumentState }): void;
}
