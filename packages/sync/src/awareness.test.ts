import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  AWARENESS_STATE_MAX_BYTES,
  decodeAwarenessUpdate,
  encodeAwarenessUpdate,
  ownEntry,
  stampState,
} from './awareness.ts';
import type { AwarenessEntry } from './ports.ts';
import { principalFor } from './testing/fixtures.ts';

const awarenesses: awarenessProtocol.Awareness[] = [];
afterEach(() => {
  for (const awareness of awarenesses.splice(0)) {
    awareness.destroy();
    awareness.doc.destroy();
  }
});

function awarenessOf(clientId: number): awarenessProtocol.Awareness {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const awareness = new awarenessProtocol.Awareness(doc);
  awarenesses.push(awareness);
  return awareness;
}

const entry = (clientId: number, state: unknown = { user: { color: '#123456' } }, clock = 1): AwarenessEntry => ({
  clientId,
  clock,
  state: JSON.stringify(state),
});

describe('decodeAwarenessUpdate', () => {
  it('reads y-protocols’ awareness update into entries with JSON states and clocks', () => {
    const ada = awarenessOf(11);
    ada.setLocalState({ user: { name: 'Ada', color: '#ff0000' }, cursor: { anchor: 3, head: 5 } });
    const bob = awarenessOf(22);
    bob.setLocalState({ user: { name: 'Bob' } });
    bob.setLocalState(null);
    awarenessProtocol.applyAwarenessUpdate(ada, awarenessProtocol.encodeAwarenessUpdate(bob, [22]), 'test');

    const entries = decodeAwarenessUpdate(awarenessProtocol.encodeAwarenessUpdate(ada, [11, 22]));

    expect(entries.map(({ clientId, clock }) => ({ clientId, clock }))).toEqual([
      { clientId: 11, clock: ada.meta.get(11)!.clock },
      { clientId: 22, clock: bob.meta.get(22)!.clock },
    ]);
    expect(JSON.parse(entries[0]!.state!)).toEqual({ user: { name: 'Ada', color: '#ff0000' }, cursor: { anchor: 3, head: 5 } });
    expect(entries[1]!.state).toBeNull();
  });

  it('throws on trailing bytes, a truncated entry and an absurd entry count', () => {
    const valid = encodeAwarenessUpdate([entry(1)]);
    expect(decodeAwarenessUpdate(valid)).toHaveLength(1);
    expect(() => decodeAwarenessUpdate(new Uint8Array([...valid, 0]))).toThrow();
    expect(() => decodeAwarenessUpdate(valid.subarray(0, valid.length - 1))).toThrow();
    const many = encoding.createEncoder();
    encoding.writeVarUint(many, 1_001);
    expect(() => decodeAwarenessUpdate(encoding.toUint8Array(many))).toThrow();
  });
});

describe('encodeAwarenessUpdate', () => {
  it('writes an update y-protocols applies, with the given clocks and states', () => {
    const receiver = awarenessOf(99);
    const entries = [entry(11, { user: { name: 'Ada' }, cursor: 4 }, 7), entry(22, { user: { name: 'Bob' } }, 3)];
    awarenessProtocol.applyAwarenessUpdate(receiver, encodeAwarenessUpdate(entries), 'server');
    expect(receiver.getStates().get(11)).toEqual({ user: { name: 'Ada' }, cursor: 4 });
    expect(receiver.getStates().get(22)).toEqual({ user: { name: 'Bob' } });
    expect(receiver.meta.get(11)?.clock).toBe(7);
  });

  it('writes a null state as a removal y-protocols applies', () => {
    const receiver = awarenessOf(99);
    awarenessProtocol.applyAwarenessUpdate(receiver, encodeAwarenessUpdate([entry(11, { cursor: 1 }, 4)]), 'server');
    expect(receiver.getStates().has(11)).toBe(true);
    awarenessProtocol.applyAwarenessUpdate(receiver, encodeAwarenessUpdate([{ clientId: 11, clock: 5, state: null }]), 'server');
    expect(receiver.getStates().has(11)).toBe(false);
  });

  it('round-trips through decodeAwarenessUpdate', () => {
    const entries = [entry(1, { a: 1 }, 0), { clientId: 2 ** 31, clock: 300, state: null }, entry(3, { b: 'ü' }, 2)];
    expect(decodeAwarenessUpdate(encodeAwarenessUpdate(entries))).toEqual(entries);
  });
});

describe('ownEntry', () => {
  it('keeps only the entry of the client id the connection is bound to', () => {
    const entries = [entry(1), entry(2), entry(3)];
    expect(ownEntry({ entries, boundClientId: 2, othersClientIds: new Set() })).toEqual(entries[1]);
  });

  it('finds nothing when the bound client id is not among the entries', () => {
    const entries = [entry(1), entry(3)];
    expect(ownEntry({ entries, boundClientId: 2, othersClientIds: new Set() })).toBeNull();
  });

  it('drops relays of client ids that belong to other live connections', () => {
    const entries = [entry(1), entry(2)];
    expect(ownEntry({ entries, boundClientId: null, othersClientIds: new Set([1, 2]) })).toBeNull();
  });

  it('binds the single entry no other live connection claims', () => {
    const entries = [entry(1), entry(3), entry(2)];
    expect(ownEntry({ entries, boundClientId: null, othersClientIds: new Set([1, 2]) })).toEqual(entries[1]);
  });

  it('refuses to guess between two unclaimed entries', () => {
    const entries = [entry(3), entry(4)];
    expect(ownEntry({ entries, boundClientId: null, othersClientIds: new Set([1]) })).toBeNull();
  });

  it('finds nothing in an empty update', () => {
    expect(ownEntry({ entries: [], boundClientId: null, othersClientIds: new Set() })).toBeNull();
  });
});

describe('stampState', () => {
  const principal = principalFor('ada', { userId: 'usr_ada', userName: 'Ada Lovelace', organisationName: 'Analytical' });

  it('overwrites the claimed name, organisation and user id with the principal’s, keeping cursor and colour', () => {
    const claimed = {
      user: { name: 'Mallory', organisation: 'Evil Corp', userId: 'usr_mallory', color: '#ff00aa' },
      cursor: { anchor: { type: 'x', item: [1, 2] }, head: 9 },
    };
    const stamped = stampState({ state: JSON.stringify(claimed), principal });
    expect(JSON.parse(stamped!)).toEqual({
      user: { name: 'Ada Lovelace', organisation: 'Analytical', userId: 'usr_ada', color: '#ff00aa' },
      cursor: { anchor: { type: 'x', item: [1, 2] }, head: 9 },
    });
  });

  it('adds the identity to a state without a user', () => {
    expect(JSON.parse(stampState({ state: '{"cursor":null}', principal })!)).toEqual({
      cursor: null,
      user: { name: 'Ada Lovelace', organisation: 'Analytical', userId: 'usr_ada' },
    });
  });

  it('replaces a user that is not an object with the identity alone', () => {
    expect(JSON.parse(stampState({ state: '{"user":"Mallory"}', principal })!).user).toEqual({
      name: 'Ada Lovelace',
      organisation: 'Analytical',
      userId: 'usr_ada',
    });
  });

  it.each([
    ['text that is not JSON', '{user: 1}'],
    ['an array', '[{"user":{}}]'],
    ['a string', '"state"'],
    ['a number', '42'],
    ['a boolean', 'true'],
    ['null', 'null'],
  ])('refuses %s', (_, state) => {
    expect(stampState({ state, principal })).toBeNull();
  });

  it('accepts a state of exactly AWARENESS_STATE_MAX_BYTES and refuses one byte more', () => {
    const padded = (length: number) => JSON.stringify({ pad: 'x'.repeat(length - '{"pad":""}'.length) });
    expect(padded(AWARENESS_STATE_MAX_BYTES)).toHaveLength(AWARENESS_STATE_MAX_BYTES);
    expect(stampState({ state: padded(AWARENESS_STATE_MAX_BYTES), principal })).not.toBeNull();
    expect(stampState({ state: padded(AWARENESS_STATE_MAX_BYTES + 1), principal })).toBeNull();
  });
});
