import { describe, expect, it } from 'vitest';
import { documentKeys } from './keys.ts';
import { parseUpdateSortKey, sortKeysOfUpdate, updateKey, visibleUpdates, type UpdatePiece } from './update-groups.ts';

const idA = '01ARZ3NDEKTSV4RRFFQ69G5FAA';
const idB = '01ARZ3NDEKTSV4RRFFQ69G5FAB';
const idC = '01ARZ3NDEKTSV4RRFFQ69G5FAC';

const whole = (id: string, byte: number): UpdatePiece => ({ id, index: 0, parts: 1, bytes: Uint8Array.of(byte), sealed: true });
const part = (id: string, index: number, parts: number, sealed = true): UpdatePiece => ({
  id,
  index,
  parts,
  bytes: Uint8Array.of(index + 10),
  sealed,
});

describe('parseUpdateSortKey', () => {
  it('reads whole updates and parts, and nothing else', () => {
    expect(parseUpdateSortKey(documentKeys.update(idA))).toEqual({ id: idA, index: null });
    expect(parseUpdateSortKey(documentKeys.updatePart({ id: idA, index: 3 }))).toEqual({ id: idA, index: 3 });
    expect(parseUpdateSortKey('HEAD')).toBeNull();
    expect(parseUpdateSortKey('U#not-a-ulid')).toBeNull();
  });
});

describe('update keys', () => {
  it('name the one item of a whole update', () => {
    expect(sortKeysOfUpdate(updateKey({ id: idA, parts: 1 }))).toEqual([documentKeys.update(idA)]);
  });

  it('name every part of a split update', () => {
    expect(sortKeysOfUpdate(updateKey({ id: idA, parts: 3 }))).toEqual([0, 1, 2].map((index) => documentKeys.updatePart({ id: idA, index })));
  });

  it('refuse keys this store never hands out', () => {
    expect(sortKeysOfUpdate('U#000000000001#conn')).toBeNull();
    expect(sortKeysOfUpdate(`U#${idA}/1`)).toBeNull();
    expect(sortKeysOfUpdate('HEAD')).toBeNull();
  });
});

describe('visibleUpdates', () => {
  it('returns whole updates and complete groups in id order, parts joined in index order', () => {
    const visible = visibleUpdates([whole(idC, 3), part(idB, 1, 2), whole(idA, 1), part(idB, 0, 2)]);
    expect(visible.map((u) => u.key)).toEqual([updateKey({ id: idA, parts: 1 }), updateKey({ id: idB, parts: 2 }), updateKey({ id: idC, parts: 1 })]);
    expect([...(visible[1]?.update ?? [])]).toEqual([10, 11]);
  });

  it('hides a group with a missing part', () => {
    expect(visibleUpdates([part(idA, 0, 3), part(idA, 2, 3)])).toEqual([]);
  });

  it('hides a group with an unsealed part', () => {
    expect(visibleUpdates([part(idA, 0, 2), part(idA, 1, 2, false)])).toEqual([]);
  });

  it('hides a group whose parts disagree on their count', () => {
    expect(visibleUpdates([part(idA, 0, 2), part(idA, 1, 3)])).toEqual([]);
  });
});
