/**
 * Changes the server makes (an accepted amendment, a chosen alternative, a restored version):
 * checked like a client's update, stored as the store checks freezes — refused with
 * `sync.document-frozen` while frozen — and sent to every connection, readers included.
 * PROTOCOL.md §3, "Changes the server makes".
 */
import { fail } from '@concord/core';
import { needsCompaction, type CompactionSettings } from './compaction.ts';
import { checkUpdate } from './document.ts';
import type { CompactionReason } from './handlers.ts';
import type { ConnectionRecord, ConnectionRegistry, DocumentStore, UpdateGuard } from './ports.ts';
import { encodeUpdate } from './protocol.ts';
import { appendThenReadRoom } from './room-read-append.ts';

export function createServerChanges(core: {
  documents: DocumentStore;
  connections: ConnectionRegistry;
  guard?: UpdateGuard;
  settings: CompactionSettings;
  now: () => number;
  fanOut(peers: readonly ConnectionRecord[], data: Uint8Array): Promise<void>;
  later(input: { key: string; task: () => Promise<void> }): Promise<void>;
  compactQuietly(docId: string, reason: CompactionReason): Promise<void>;
}) {
  const { documents, connections, now } = core;

  /** Stored as the store checks freezes (`DocumentStore.freezeCheck`). */
  async function append(input: { docId: string; update: Uint8Array; author: string }) {
    const { docId } = input;
    if (documents.freezeCheck !== 'room-read') {
      const tail = await documents.appendUpdate({ ...input, origin: 'server' });
      return { tail, peers: await connections.listForDocument({ docId, now: now() }) };
    }
    const readRoom = connections.readRoom;
    if (!readRoom) throw new Error("freezeCheck 'room-read' needs a registry that reads the room with the head (readRoom)");
    const appended = await appendThenReadRoom({ ...input, documents, origin: 'server', readRoom: () => readRoom({ docId, now: now() }) });
    if (appended.frozen) throw fail.conflict('sync.document-frozen', 'the text is frozen for a consensus call');
    return { tail: appended.tail, peers: appended.room.connections };
  }

  return async function broadcastUpdate(input: { docId: string; update: Uint8Array; author: string }): Promise<void> {
    const check = checkUpdate(input.update);
    if (check === 'malformed') throw fail.input('sync.update-malformed', 'the update does not apply');
    if (check === 'empty') return;
    const judged = await core.guard?.check({ docId: input.docId, update: input.update, load: () => documents.load({ docId: input.docId }) });
    if (judged && !judged.ok) throw fail.input('sync.update-schema', `the change does not fit the statement: ${judged.reason}`);
    const { tail, peers } = await append(input);
    await core.fanOut(peers, encodeUpdate(input.update));
    if (needsCompaction({ tail, settings: core.settings })) await core.later({ key: `compact ${input.docId}`, task: () => core.compactQuietly(input.docId, 'tail') });
  };
}
