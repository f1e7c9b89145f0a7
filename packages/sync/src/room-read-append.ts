/**
 * Lambda's append (`DocumentStore.freezeCheck: 'room-read'`, PROTOCOL.md §3): one write, then one
 * read. The update is stored without asking (one PutItem); the room is read with the document's
 * head after it (one Query). If a call froze the text meanwhile, the update is taken back before
 * anyone was shown it. The head's author set changes once per author between versions, so adding
 * a missing author is rarely a request at all.
 */
import type { DocumentStore, RoomRead, TailStats } from './ports.ts';

export type RoomReadAppend = { frozen: true } | { frozen: false; room: RoomRead; tail: TailStats };

export async function appendThenReadRoom(input: {
  documents: DocumentStore;
  docId: string;
  update: Uint8Array;
  origin: string;
  author: string;
  readRoom: () => Promise<RoomRead>;
}): Promise<RoomReadAppend> {
  const { documents, docId, author } = input;
  const { retract, addAuthor } = documents;
  if (!retract || !addAuthor) throw new Error("a store whose freezeCheck is 'room-read' must retract and add authors");
  const stored = await documents.appendUpdate({ docId, update: input.update, origin: input.origin });
  const room = await input.readRoom();
  if (room.frozenBy !== null) {
    if (!stored.key) throw new Error("a store whose freezeCheck is 'room-read' must say where it stored an update");
    await retract({ docId, key: stored.key });
    return { frozen: true };
  }
  if (!room.authors.has(author)) await addAuthor({ docId, author });
  return { frozen: false, room, tail: stored };
}
