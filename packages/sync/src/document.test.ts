import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkStateVector, checkUpdate, documentFrom, mergeUpdateRuns } from './document.ts';
import type { ClientMessage } from './protocol.ts';
import { decodesButDoesNotApply, docWithText, updateWithText } from './testing/fixtures.ts';

/** A document edited by two clients, with every incremental update it emitted. */
function editedDocument(): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  doc.clientID = 1;
  const other = new Y.Doc();
  other.clientID = 2;
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText('text');
  text.insert(0, 'The coalition ');
  text.insert(text.length, 'calls for action.');
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  other.getText('text').insert(4, 'whole ');
  other.getMap('meta').set('title', 'Statement');
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)));
  text.delete(0, 4);
  text.insert(0, 'A ');
  other.destroy();
  return { doc, updates };
}

describe('checkUpdate', () => {
  it('accepts a real update', () => {
    expect(checkUpdate(updateWithText('hello', 7))).toBe('ok');
  });

  it('accepts an update that only deletes', () => {
    const doc = docWithText('hello', 7);
    const before = Y.encodeStateVector(doc);
    doc.getText('text').delete(0, 2);
    const deletion = Y.encodeStateAsUpdate(doc, before);
    expect(Y.decodeUpdate(deletion).structs).toHaveLength(0);
    expect(checkUpdate(deletion)).toBe('ok');
  });

  it('calls an update with no insertions and no deletions empty', () => {
    expect(checkUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toBe('empty');
    const doc = docWithText('hello', 7);
    expect(checkUpdate(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)))).toBe('empty');
  });

  it.each([1, 2, 3, 4, 5])('calls random bytes malformed (seed %i)', (seed) => {
    const gen = prng.create(seed);
    expect(checkUpdate(prng.uint8Array(gen, prng.int32(gen, 1, 200)))).toBe('malformed');
  });

  it('calls every truncation of a real update malformed', () => {
    const update = updateWithText('a statement long enough to matter', 7);
    for (let length = 1; length < update.length; length++) {
      expect(checkUpdate(update.subarray(0, length)), `truncated to ${length} bytes`).toBe('malformed');
    }
  });

  it('applies to a scratch document unless told the guard does (then it only decodes)', () => {
    expect(checkUpdate(decodesButDoesNotApply)).toBe('malformed');
    expect(checkUpdate(decodesButDoesNotApply, { scratch: false })).toBe('ok');
    expect(checkUpdate(updateWithText('hello', 7).subarray(0, 6), { scratch: false })).toBe('malformed');
  });

  it('calls an empty byte array malformed', () => {
    expect(checkUpdate(new Uint8Array(0))).toBe('malformed');
  });
});

describe('checkStateVector', () => {
  it('accepts a real state vector and the empty one', () => {
    expect(checkStateVector(Y.encodeStateVector(docWithText('x', 3)))).toBe(true);
    expect(checkStateVector(Y.encodeStateVector(new Y.Doc()))).toBe(true);
  });

  it('refuses a truncated state vector', () => {
    expect(checkStateVector(new Uint8Array([1, 5]))).toBe(false);
    expect(checkStateVector(new Uint8Array(0))).toBe(false);
  });
});

describe('documentFrom', () => {
  it('rebuilds the original from a snapshot plus updates that overlap it', () => {
    const { doc, updates } = editedDocument();
    const midway = new Y.Doc();
    for (const update of updates.slice(0, 3)) Y.applyUpdate(midway, update);
    const snapshot = Y.encodeStateAsUpdate(midway);
    // Every update, including the three the snapshot already holds.
    const rebuilt = documentFrom({ snapshot, version: 1, updates: updates.map((update, i) => ({ key: `u${i}`, update })) });
    expect(rebuilt.getText('text').toString()).toBe(doc.getText('text').toString());
    expect(rebuilt.getMap('meta').get('title')).toBe('Statement');
    expect(Y.encodeStateVector(rebuilt)).toEqual(Y.encodeStateVector(doc));
    expect(Y.encodeStateAsUpdate(rebuilt)).toEqual(Y.encodeStateAsUpdate(doc));
  });

  it('rebuilds the original from updates alone, in any order, before the first snapshot', () => {
    const { doc, updates } = editedDocument();
    const stored = [...updates].reverse().map((update, i) => ({ key: `u${i}`, update }));
    const rebuilt = documentFrom({ snapshot: null, version: 0, updates: stored });
    expect(rebuilt.getText('text').toString()).toBe(doc.getText('text').toString());
    expect(Y.encodeStateVector(rebuilt)).toEqual(Y.encodeStateVector(doc));
  });

  it('rebuilds the original from a snapshot alone', () => {
    const { doc } = editedDocument();
    const rebuilt = documentFrom({ snapshot: Y.encodeStateAsUpdate(doc), version: 3, updates: [] });
    expect(rebuilt.getText('text').toString()).toBe('A whole coalition calls for action.');
    expect(rebuilt.getText('text').toString()).toBe(doc.getText('text').toString());
  });
});

describe('mergeUpdateRuns', () => {
  /** A paragraph-like first edit and a letter typed into it: the second needs the first. */
  function edits() {
    const doc = new Y.Doc();
    doc.clientID = 41;
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const text = doc.getText('t');
    text.insert(0, 'We ');
    text.insert(3, 'affirm');
    text.delete(0, 1);
    doc.destroy();
    return updates;
  }
  const update = (u: Uint8Array): ClientMessage => ({ type: 'update', update: u });

  it('merges a run of updates into one that makes the same document', () => {
    const [a, b, c] = edits();
    const merged = mergeUpdateRuns([update(a!), update(b!), update(c!)]);
    expect(merged).toHaveLength(1);
    const message = merged[0]!;
    if (message.type !== 'update') throw new Error('not an update');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, message.update);
    expect(doc.getText('t').toString()).toBe('e affirm');
    doc.destroy();
  });

  it('keeps other messages where they were, merging each run apart', () => {
    const [a, b, c] = edits();
    const caret: ClientMessage = { type: 'awareness', update: new Uint8Array([1, 0]) };
    const merged = mergeUpdateRuns([update(a!), update(b!), caret, update(c!)]);
    expect(merged.map((m) => m.type)).toEqual(['update', 'awareness', 'update']);
    expect(merged[1]).toBe(caret);
    expect(merged[2]).toEqual(update(c!));
  });

  it('leaves a run as it came when one of its updates does not decode or is empty', () => {
    const [a] = edits();
    const broken = [update(a!), update(new Uint8Array([1, 2, 3]))];
    expect(mergeUpdateRuns(broken)).toEqual(broken);
    const empty = [update(a!), update(Y.encodeStateAsUpdate(new Y.Doc()))];
    expect(mergeUpdateRuns(empty)).toEqual(empty);
  });
});
