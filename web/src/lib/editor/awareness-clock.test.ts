import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readAwarenessClocks, readVarBytes, readVarUint } from './awareness-clock.ts';

describe('readAwarenessClocks', () => {
  it('reads the client ids and clocks that y-protocols encoded', () => {
    const a = new Awareness(new Y.Doc());
    const b = new Awareness(new Y.Doc());
    a.setLocalState({ user: { name: 'Kadri', organisation: 'Estonia' } });
    a.setLocalStateField('cursor', { anchor: 1 });
    b.setLocalState({ user: { name: '李明' } });
    b.getStates().forEach((state, clientId) => a.getStates().set(clientId, state));
    a.meta.set(b.clientID, { clock: 7, lastUpdated: 0 });

    const clocks = readAwarenessClocks(encodeAwarenessUpdate(a, [a.clientID, b.clientID]));
    expect(clocks.get(a.clientID)).toBe(2);
    expect(clocks.get(b.clientID)).toBe(7);
    a.destroy();
    b.destroy();
  });

  it('throws on a truncated update instead of reading past it', () => {
    const a = new Awareness(new Y.Doc());
    a.setLocalState({ user: { name: 'Kadri' } });
    const update = encodeAwarenessUpdate(a, [a.clientID]);
    expect(() => readAwarenessClocks(update.subarray(0, update.length - 3))).toThrow(RangeError);
    a.destroy();
  });
});

describe('readVarUint', () => {
  it('reads multi-byte values and advances the cursor', () => {
    const cursor = { arr: new Uint8Array([0xac, 0x02, 0x05]), pos: 0 };
    expect(readVarUint(cursor)).toBe(300);
    expect(readVarUint(cursor)).toBe(5);
    expect(cursor.pos).toBe(3);
  });
});

describe('readVarBytes', () => {
  it('reads a length-prefixed byte string from the middle of a buffer', () => {
    const cursor = { arr: new Uint8Array([9, 2, 0xaa, 0xbb, 1]), pos: 1 };
    expect([...readVarBytes(cursor)]).toEqual([0xaa, 0xbb]);
    expect(cursor.pos).toBe(4);
  });
});
