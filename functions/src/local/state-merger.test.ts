import { mergeHere, type DocumentState } from '@concord/sync';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startStateMerger, type StateMerger } from './state-merger.ts';

/** A snapshot of a few paragraphs and a tail of typing from two clients. */
function stateWithTail(): DocumentState {
  const doc = new Y.Doc();
  doc.clientID = 1;
  doc.getText('t').insert(0, 'The coalition affirms. ');
  const snapshot = Y.encodeStateAsUpdate(doc);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (const word of ['Members ', 'call ', 'for ', 'an open internet.']) doc.getText('t').insert(doc.getText('t').length, word);
  doc.getText('t').delete(0, 4);
  return { snapshot, version: 1, updates: updates.map((update, i) => ({ key: `U#${i}`, update })) };
}

const textOf = (update: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
};

describe('the local host’s merge worker', () => {
  let merger: StateMerger | null = null;
  afterEach(async () => merger?.close());

  it('merges a snapshot and its tail into the same document as a merge in this process', async () => {
    merger = startStateMerger();
    const state = stateWithTail();
    const merged = await merger.merge(state);
    expect(textOf(merged)).toBe('coalition affirms. Members call for an open internet.');
    expect(Y.encodeStateVectorFromUpdate(merged)).toEqual(Y.encodeStateVectorFromUpdate(await mergeHere(state)));
  });

  it('fails a merge whose update does not apply, and goes on merging the next', async () => {
    merger = startStateMerger();
    const state = stateWithTail();
    const broken = { ...state, updates: [{ key: 'U#x', update: Uint8Array.from([1, 2, 3]) }] };
    await expect(merger.merge(broken)).rejects.toThrow();
    expect(textOf(await merger.merge(state))).toBe('coalition affirms. Members call for an open internet.');
  });

  it('merges in this process once the worker is gone', async () => {
    merger = startStateMerger();
    await merger.close();
    expect(textOf(await merger.merge(stateWithTail()))).toBe('coalition affirms. Members call for an open internet.');
  });
});
