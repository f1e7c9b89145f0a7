import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { authorsOf, RemoteChangeAnnouncer, type ChangeAuthor } from './remote-changes.ts';

function typedBy(clientID: number, text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

const states = new Map<number, unknown>([
  [11, { user: { userId: 'u-ghana', name: 'Elena Demir', organisation: 'Ghana' } }],
  [12, { user: { userId: 'u-ghana', name: 'Elena Demir', organisation: 'Ghana' } }],
  [13, { user: { userId: 'u-canada', name: 'Kenji Tamm', organisation: 'Canada' } }],
]);

describe('who wrote a remote update', () => {
  it('names the people behind the clients whose content it carries, once each', () => {
    const merged = Y.mergeUpdates([typedBy(11, 'a'), typedBy(12, 'b'), typedBy(13, 'c')]);
    expect(authorsOf({ update: merged, states }).map((a) => a.name).sort()).toEqual(['Elena Demir', 'Kenji Tamm']);
  });

  it('says someone when the client is not known, or the update only deletes', () => {
    expect(authorsOf({ update: typedBy(99, 'x'), states })).toEqual([{ key: '', name: null, organisation: null }]);
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'abc');
    const before = Y.encodeStateVector(doc);
    doc.getText('t').delete(0, 1);
    expect(authorsOf({ update: Y.encodeStateAsUpdate(doc, before), states })).toEqual([{ key: '', name: null, organisation: null }]);
  });

  it('reads a malformed update as no author, without throwing', () => {
    expect(authorsOf({ update: new Uint8Array([255, 255, 255]), states })).toEqual([]);
  });
});

describe('announcing remote changes', () => {
  const ghana: ChangeAuthor = { key: 'u-ghana', name: 'Elena Demir', organisation: 'Ghana' };
  const canada: ChangeAuthor = { key: 'u-canada', name: 'Kenji Tamm', organisation: 'Canada' };

  it('announces a person once while they type, and again after a quiet period', () => {
    const announcer = new RemoteChangeAnnouncer(1_000);
    expect(announcer.next({ authors: [ghana], now: 0 })).toEqual(['Elena Demir (Ghana) changed the text.']);
    // Steady typing keeps restarting the quiet period: nothing more is said.
    for (const now of [400, 800, 1_200, 1_600]) expect(announcer.next({ authors: [ghana], now })).toEqual([]);
    expect(announcer.next({ authors: [ghana], now: 2_600 })).toEqual(['Elena Demir (Ghana) changed the text.']);
  });

  it('counts each person on their own', () => {
    const announcer = new RemoteChangeAnnouncer(1_000);
    announcer.next({ authors: [ghana], now: 0 });
    expect(announcer.next({ authors: [ghana, canada], now: 100 })).toEqual(['Kenji Tamm (Canada) changed the text.']);
    expect(announcer.next({ authors: [{ key: '', name: null, organisation: null }], now: 200 })).toEqual(['Someone changed the text.']);
  });
});
