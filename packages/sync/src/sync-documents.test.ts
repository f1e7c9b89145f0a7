import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentState, StoredUpdate } from './ports.ts';
import { createSyncDocuments } from './sync-documents.ts';

/** A writer's document: a snapshot of its first words, then one stored update per later edit. */
function writer() {
  const doc = new Y.Doc();
  doc.clientID = 11;
  const text = doc.getText('text');
  text.insert(0, 'The coalition');
  const snapshot = Y.encodeStateAsUpdate(doc);
  let serial = 0;
  const edit = (words: string): StoredUpdate => {
    const before = Y.encodeStateVector(doc);
    text.insert(text.length, words);
    serial += 1;
    return { key: `U#${serial}`, update: Y.encodeStateAsUpdate(doc, before) };
  };
  return { snapshot, edit };
}

const nothing = Y.encodeStateVector(new Y.Doc());

/** What a newcomer would be sent, as text. */
function textOf(documents: ReturnType<typeof createSyncDocuments>, docId: string, state: DocumentState): string {
  const newcomer = new Y.Doc();
  Y.applyUpdate(newcomer, documents.answer(docId, state, nothing).diff);
  return newcomer.getText('text').toString();
}

describe('createSyncDocuments', () => {
  it('answers from the kept document, applying only what was stored since', () => {
    const { snapshot, edit } = writer();
    const documents = createSyncDocuments();
    const first = edit(' calls');
    expect(textOf(documents, 'd', { snapshot, version: 1, updates: [first] })).toBe('The coalition calls');
    // Nothing stored since: the encoded state itself again, not encoded anew.
    const again = documents.answer('d', { snapshot, version: 1, updates: [first] }, nothing);
    expect(documents.answer('d', { snapshot, version: 1, updates: [first] }, nothing).diff).toBe(again.diff);
    const second = edit(' for action.');
    const later = documents.answer('d', { snapshot, version: 1, updates: [first, second] }, nothing);
    expect(later.diff).not.toBe(again.diff);
    expect(textOf(documents, 'd', { snapshot, version: 1, updates: [first, second] })).toBe('The coalition calls for action.');
  });

  it('sends a client only what it lacks, and our state vector', () => {
    const { snapshot, edit } = writer();
    const documents = createSyncDocuments();
    const first = edit(' calls');
    const client = new Y.Doc();
    Y.applyUpdate(client, snapshot);
    const answer = documents.answer('d', { snapshot, version: 1, updates: [first] }, Y.encodeStateVector(client));
    expect(answer.diff.length).toBeLessThan(first.update.length + 8);
    Y.applyUpdate(client, answer.diff);
    expect(client.getText('text').toString()).toBe('The coalition calls');
    expect(answer.ours).toEqual(Y.encodeStateVector(client));
  });

  it('never sends an update the store took back (a freeze caught it): the kept document is rebuilt', () => {
    const { snapshot, edit } = writer();
    const documents = createSyncDocuments();
    const kept = edit(' calls');
    const caught = edit(' — a sentence the freeze refused');
    expect(textOf(documents, 'd', { snapshot, version: 1, updates: [kept, caught] })).toContain('refused');
    expect(textOf(documents, 'd', { snapshot, version: 1, updates: [kept] })).toBe('The coalition calls');
  });

  it('rebuilds when the store hands back another snapshot (a compaction since)', () => {
    const { snapshot, edit } = writer();
    const documents = createSyncDocuments();
    const first = edit(' calls');
    expect(textOf(documents, 'd', { snapshot, version: 1, updates: [first] })).toBe('The coalition calls');
    const other = new Y.Doc();
    other.getText('text').insert(0, 'Another text');
    expect(textOf(documents, 'd', { snapshot: Y.encodeStateAsUpdate(other), version: 2, updates: [] })).toBe('Another text');
  });

  it('keeps at most `limit` documents and still answers for one it let go', () => {
    const documents = createSyncDocuments({ limit: 1 });
    const a = writer();
    const b = writer();
    const first = a.edit(' A');
    expect(textOf(documents, 'a', { snapshot: a.snapshot, version: 1, updates: [first] })).toBe('The coalition A');
    expect(textOf(documents, 'b', { snapshot: b.snapshot, version: 1, updates: [] })).toBe('The coalition');
    expect(textOf(documents, 'a', { snapshot: a.snapshot, version: 1, updates: [first] })).toBe('The coalition A');
  });

  it('keeps nothing half-built when a stored update does not apply', () => {
    const { snapshot, edit } = writer();
    const documents = createSyncDocuments();
    const good = edit(' calls');
    const broken = { key: 'U#broken', update: new Uint8Array([1, 2, 3, 255, 255]) };
    expect(() => documents.answer('d', { snapshot, version: 1, updates: [good, broken] }, nothing)).toThrow();
    expect(textOf(documents, 'd', { snapshot, version: 1, updates: [good] })).toBe('The coalition calls');
  });

  it('builds a document that was never compacted each time', () => {
    const { snapshot, edit } = writer();
    const documents = createSyncDocuments();
    const first = { key: 'U#0', update: snapshot };
    const update = edit(' calls');
    expect(textOf(documents, 'd', { snapshot: null, version: 0, updates: [first, update] })).toBe('The coalition calls');
    expect(textOf(documents, 'd', { snapshot: null, version: 0, updates: [first] })).toBe('The coalition');
  });
});
