/**
 * The live connection of one statement: a Y.Doc kept in sync by y-websocket over the gateway
 * socket (base64 text frames with chunking, a fresh single-use ticket per (re)connect), plus the
 * reactive state the editor shows — connection, saved/unsaved, who is here, announcements.
 *
 * Message flow (y-websocket): on open the client sends SyncStep1 and its awareness; the server
 * answers SyncStep2 (→ synced) and, for writers, its own SyncStep1, which the client answers with
 * its missing edits. Two of the provider's message handlers are wrapped, without changing what
 * they do, to observe that answer and the server's echo of our awareness (see save-tracker.ts).
 */
import { createGatewaySocket, GatewayRefusal } from '@concord/sync/client';
import { sendOwnAwarenessOnly } from '@concord/sync/own-awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { readAwarenessClocks, readVarBytes, type ByteCursor } from './awareness-clock.ts';
import { participantsFrom, presenceChanges, type AwarenessUser, type Participant } from './presence.ts';
import { authorsOf, RemoteChangeAnnouncer } from './remote-changes.ts';
import { disconnected, echoed, localEdit, saved, uploaded, type SaveState } from './save-tracker.ts';
import { connectionFrom, rateLimitedClose, refusalMessage, shouldReconnect, statusAnnouncement, type Connection, type StatusInput } from './status.ts';
import { m } from '../paraglide/messages.js';
import { deviceCopyName, keepOnDevice, readWaiting, writeWaiting } from './device-copy.ts';
import { createGapWatch, resyncEveryMs, syncRequest } from './gap-resync.ts';
import type { IndexeddbPersistence } from 'y-indexeddb';

const messageSync = 0;
const messageAwareness = 1;
const syncStep1 = 0;
/** After an edit the cursor usually moves (an awareness message); if not, send one after this. */
const confirmDelayMs = 300;
const keptAnnouncements = 5;

type MessageHandler = (encoder: unknown, decoder: ByteCursor, provider: unknown, emitSynced: boolean, type: number) => void;

export interface Announcement {
  id: number;
  text: string;
}

export class StatementConnection {
  connection = $state<Connection>('connecting');
  synced = $state(false);
  /** The server's text arrived at least once; from then on editing offline is safe. */
  everSynced = $state(false);
  save = $state<SaveState>(saved);
  /** Changes made here not yet saved by the server (kept on the device meanwhile). */
  waiting = $state(0);
  participants = $state.raw<Participant[]>([]);
  announcements = $state.raw<Announcement[]>([]);
  /** Set when the server refused the connection for good (no access, signed out): no more retries. */
  refusal = $state.raw<{ code: number; reason: string } | null>(null);

  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly canWrite: boolean;
  #hadTrouble = false;
  #confirmTimer: ReturnType<typeof setTimeout> | undefined;
  #announced = 0;
  readonly #remoteChanges = new RemoteChangeAnnouncer();
  /** The last ticket request was refused: the close that follows is final. */
  #refused = false;
  /** The writer's copy on this device (device-copy.ts); null for readers. */
  readonly #device: IndexeddbPersistence | null = null;
  readonly #deviceName: string;
  /** Asks the server again when an update arrived that builds on one we never got. */
  readonly #gaps = createGapWatch({ doc: this.doc, ask: () => this.#askServer() });

  constructor(input: { docId: string; user: AwarenessUser; canWrite: boolean; getUrl: () => Promise<string> }) {
    this.canWrite = input.canWrite;
    this.#deviceName = deviceCopyName({ userId: input.user.userId, docId: input.docId });
    if (this.canWrite) this.waiting = readWaiting(this.#deviceName);
    const getUrl = async () => {
      try {
        const url = await input.getUrl();
        this.#refused = false;
        return url;
      } catch (error) {
        if (error instanceof GatewayRefusal) this.#refused = true;
        throw error;
      }
    };
    const WebSocketPolyfill = createGatewaySocket({ getUrl });
    // The URL is ignored by the gateway socket (it asks getUrl for a fresh ticket each time).
    this.provider = new WebsocketProvider('ws://concord', input.docId, this.doc, {
      connect: false,
      disableBc: true,
      WebSocketPolyfill: WebSocketPolyfill as unknown as typeof WebSocket,
      shouldReconnect: (event) => shouldReconnect({ code: event.code, refused: this.#refused }),
      // Asks for what it lacks now and then, not only on connecting: a missed update heals (gap-resync.ts).
      resyncInterval: resyncEveryMs,
    });
    // One keystroke must not make every other editor re-send our caret (bench/README.md).
    sendOwnAwarenessOnly(this.provider);
    this.provider.awareness.setLocalStateField('user', input.user);
    this.#observeMessages();
    this.#listen();
    // Readers make no edits to keep; a writer's copy loads beside the connection, and what it
    // holds that the server lacks is uploaded like any other unsaved edit.
    if (this.canWrite) this.#device = keepOnDevice({ name: this.#deviceName, doc: this.doc });
    this.provider.connect();
  }

  get status(): StatusInput {
    return { connection: this.connection, synced: this.synced, save: this.save, canWrite: this.canWrite, waiting: this.waiting };
  }

  /** Disconnects (the server nulls our awareness) and frees the document. */
  destroy(): void {
    clearTimeout(this.#confirmTimer);
    this.#gaps.stop();
    void this.#device?.destroy();
    this.provider.destroy();
    this.doc.destroy();
  }

  #listen(): void {
    const { provider, doc } = this;
    provider.on('status', ({ status }) => {
      if (status === 'disconnected') this.#hadTrouble = true;
      this.#change({ connection: connectionFrom({ providerStatus: status, hadTrouble: this.#hadTrouble }) });
    });
    provider.on('sync', (isSynced: boolean) => this.#change({ synced: isSynced }));
    provider.on('connection-close', (event: CloseEvent | null) => {
      this.#hadTrouble = true;
      if (event?.code === rateLimitedClose) this.#announce(m.editor_rate_limited());
      this.#change({ synced: false, save: disconnected(this.save), connection: 'offline' });
    });
    provider.on('closed', ({ code, reason }) => {
      this.refusal = { code, reason };
      this.#announce(refusalMessage(code).title);
    });
    provider.on('connection-error', () => {
      this.#hadTrouble = true;
      if (!provider.wsconnected) this.#change({ connection: 'offline' });
    });
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== provider) this.#onLocalEdit({ fromDevice: origin === this.#device && origin !== null });
      // Catching up on (re)connection is not news; changes arriving while live are.
      else if (this.synced) for (const text of this.#remoteChanges.next({ authors: authorsOf({ update, states: provider.awareness.getStates() }), now: Date.now() })) this.#announce(text);
    });
    provider.awareness.on('change', () => this.#refreshParticipants());
  }

  #onLocalEdit(input: { fromDevice: boolean }): void {
    if (!this.canWrite) return;
    // The device's copy loading is not a new change; a keystroke is.
    if (!input.fromDevice) this.#setWaiting(this.waiting + 1);
    this.#change({ save: localEdit(this.save, { clock: this.#ownClock(), open: this.provider.wsconnected }) });
    clearTimeout(this.#confirmTimer);
    this.#confirmTimer = setTimeout(() => {
      if (this.save.kind === 'awaiting-echo' && this.#ownClock() === this.save.after) this.#renewAwareness();
    }, confirmDelayMs);
  }

  /** Wraps the sync and awareness handlers to observe, not alter, what they receive. */
  #observeMessages(): void {
    const handlers = this.provider.messageHandlers as MessageHandler[];
    const sync = handlers[messageSync];
    const awareness = handlers[messageAwareness];
    if (!sync || !awareness) return;
    handlers[messageSync] = (encoder, decoder, provider, emitSynced, type) => {
      const isStep1 = decoder.arr[decoder.pos] === syncStep1;
      sync(encoder, decoder, provider, emitSynced, type);
      // y-websocket sends our answer right after this handler returns; confirm after it.
      if (isStep1) queueMicrotask(() => this.#afterUpload());
      else this.#gaps.check();
    };
    handlers[messageAwareness] = (encoder, decoder, provider, emitSynced, type) => {
      this.#onAwarenessMessage({ arr: decoder.arr, pos: decoder.pos });
      awareness(encoder, decoder, provider, emitSynced, type);
    };
  }

  #onAwarenessMessage(cursor: ByteCursor): void {
    if (this.save.kind !== 'awaiting-echo') return;
    try {
      const clock = readAwarenessClocks(readVarBytes(cursor)).get(this.doc.clientID);
      if (clock !== undefined) this.#change({ save: echoed(this.save, { clock }) });
    } catch {
      // A malformed message is y-protocols' to reject; it says nothing about our edits.
    }
  }

  #afterUpload(): void {
    if (this.save.kind !== 'awaiting-upload') return;
    this.#change({ save: uploaded(this.save, { clock: this.#ownClock() }) });
    this.#renewAwareness();
  }

  /** Sync step 1 now, as on connecting: the server answers with everything we lack. */
  #askServer(): void {
    const socket = this.provider.ws;
    if (this.provider.wsconnected && socket) socket.send(syncRequest(this.doc));
  }

  /** Re-publishes our awareness state: a new clock the server will echo back. */
  #renewAwareness(): void {
    const awareness = this.provider.awareness;
    awareness.setLocalState(awareness.getLocalState());
  }

  #ownClock(): number {
    return this.provider.awareness.meta.get(this.doc.clientID)?.clock ?? 0;
  }

  #refreshParticipants(): void {
    const next = participantsFrom({ states: this.provider.awareness.getStates(), selfClientId: this.doc.clientID });
    // Offline, y-websocket drops everyone else's state: that is not them leaving.
    const announce = this.connection === 'live' && this.synced;
    if (announce) for (const text of presenceChanges({ previous: this.participants, next })) this.#announce(text);
    this.participants = next;
  }

  #change(patch: Partial<Pick<StatementConnection, 'connection' | 'synced' | 'save'>>): void {
    const previous = this.status;
    if (patch.connection !== undefined) this.connection = patch.connection;
    if (patch.synced !== undefined) this.synced = patch.synced;
    if (patch.synced) this.everSynced = true;
    if (patch.save !== undefined) this.save = patch.save;
    if (patch.save?.kind === 'saved') this.#setWaiting(0);
    const text = statusAnnouncement({ previous, next: this.status });
    if (text) this.#announce(text);
  }

  #setWaiting(count: number): void {
    if (count === this.waiting) return;
    this.waiting = count;
    writeWaiting(this.#deviceName, count);
  }

  #announce(text: string): void {
    this.#announced += 1;
    this.announcements = [...this.announcements, { id: this.#announced, text }].slice(-keptAnnouncements);
  }
}
