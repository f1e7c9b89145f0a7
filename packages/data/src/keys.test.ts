import { describe, expect, it } from 'vitest';
import { auditKeys, callKeys, chunkKeys, documentKeys, entityKeys, invitationKeys, keyPart, negotiationKeys, pad, rateKeyPart, rateKeys, sessionKeys, ttlSeconds, userConnectionKeys } from './keys.ts';

describe('keyPart', () => {
  it('leaves ordinary ids unchanged', () => {
    expect(keyPart('stmt_01J8Z3X4Y5')).toBe('stmt_01J8Z3X4Y5');
  });

  it('escapes the separator and the escape character so ids cannot split into two components', () => {
    expect(keyPart('a#b')).toBe('a%23b');
    expect(keyPart('a%23b')).toBe('a%2523b');
    expect(chunkKeys.pk({ connectionId: 'a#b', messageId: 'c' })).not.toBe(chunkKeys.pk({ connectionId: 'a', messageId: 'b#c' }));
  });
});

describe('pad', () => {
  it('makes string order equal numeric order', () => {
    const values = [0, 9, 10, 99, 100, 1234];
    const padded = values.map((value) => pad({ value, width: 6 }));
    expect([...padded].sort()).toEqual(padded);
  });

  it('refuses negative, fractional and too-wide values', () => {
    expect(() => pad({ value: -1, width: 4 })).toThrow(RangeError);
    expect(() => pad({ value: 1.5, width: 4 })).toThrow(RangeError);
    expect(() => pad({ value: 12345, width: 4 })).toThrow(RangeError);
  });
});

describe('documentKeys', () => {
  it('puts every item of a document in one partition', () => {
    expect(documentKeys.pk('stmt_1')).toBe('DOC#stmt_1');
    expect(documentKeys.connection('conn=')).toBe('CONN#conn=');
  });

  it('sorts the parts of a split update together and in index order', () => {
    const keys = [2, 0, 1].map((index) => documentKeys.updatePart({ id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', index }));
    expect([...keys].sort()).toEqual([0, 1, 2].map((index) => documentKeys.updatePart({ id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', index })));
    expect(keys.every((key) => key.startsWith(documentKeys.updatePrefix))).toBe(true);
  });

  it('bounds the snapshots of a version and older below every newer version', () => {
    const bound = documentKeys.snapshotsThrough(4);
    const old = documentKeys.snapshotPart({ version: 4, attempt: '01ARZ3NDEKTSV4RRFFQ69G5FAV', index: 12 });
    const older = documentKeys.snapshotPart({ version: 3, attempt: 'ZZZZZZZZZZZZZZZZZZZZZZZZZZ', index: 0 });
    const newer = documentKeys.snapshotPart({ version: 5, attempt: '00000000000000000000000000', index: 0 });
    expect(old <= bound && older <= bound).toBe(true);
    expect(newer > bound).toBe(true);
    expect(old >= documentKeys.snapshotPrefix).toBe(true);
  });

  it('keeps update and snapshot items apart by prefix', () => {
    const snapshot = documentKeys.snapshotPart({ version: 1, attempt: 'A', index: 0 });
    expect(snapshot.startsWith(documentKeys.updatePrefix)).toBe(false);
    expect(documentKeys.update('X').startsWith(documentKeys.snapshotPrefix)).toBe(false);
  });
});

describe('entityKeys', () => {
  it('lists a coalition’s members by kind', () => {
    expect(entityKeys.member({ kind: 'ORG', id: 'org_1' })).toBe('ORG#org_1');
    expect(entityKeys.coalitionMembers('coal_1')).toBe('COAL#coal_1');
  });
});

describe('account and session keys', () => {
  it('keeps per-person index partitions apart from a coalition’s, whatever the ids hold', () => {
    expect(sessionKeys.byUser('a#SESSIONS')).not.toBe(sessionKeys.byUser('a'));
    expect(sessionKeys.byUser('usr_1')).not.toBe(userConnectionKeys.byUser('usr_1'));
    expect(invitationKeys.byCoalition('coal_1')).not.toBe(entityKeys.coalitionMembers('coal_1'));
    expect(invitationKeys.byCoalition('coal_1#INVITES')).not.toBe(invitationKeys.byCoalition('coal_1'));
  });

  it('sorts invitations by creation time, then id', () => {
    const keys = [
      invitationKeys.entry({ createdAt: 10_000, id: 'a' }),
      invitationKeys.entry({ createdAt: 9_999, id: 'z' }),
      invitationKeys.entry({ createdAt: 10_000, id: 'b' }),
    ];
    expect([...keys].sort()).toEqual([keys[1], keys[0], keys[2]]);
  });
});

describe('auditKeys', () => {
  it('sorts entries in sequence order', () => {
    const keys = [10, 2, 1, 100].map(auditKeys.entry);
    expect([...keys].sort()).toEqual([1, 2, 10, 100].map(auditKeys.entry));
    expect(keys.every((k) => k.startsWith(auditKeys.entryPrefix))).toBe(true);
  });
});

describe('rateKeyPart', () => {
  it('escapes a key like an id, so odd characters cannot reach another counter', () => {
    expect(rateKeyPart('ada@example.org')).toBe('ada@example.org');
    expect(rateKeyPart('2001:db8::1')).toBe('2001:db8::1');
    expect(rateKeyPart('a#b')).toBe('a%23b');
    const windowStart = 0;
    expect(rateKeys.pk({ bucket: 'a#b', key: 'c', windowStart })).not.toBe(rateKeys.pk({ bucket: 'a', key: 'b#c', windowStart }));
  });

  it('hashes keys too long for a key attribute, and never confuses a hash with a key', () => {
    const long = 'x'.repeat(10_000);
    const part = rateKeyPart(long);
    expect(part).toMatch(/^%H[0-9a-f]{64}$/);
    expect(rateKeyPart(part)).not.toBe(part);
    expect(rateKeyPart(`${long}y`)).not.toBe(part);
  });

  it('hashes a key that is not valid Unicode, which a key attribute could not hold', () => {
    expect(rateKeyPart('a\uD800b')).toMatch(/^%H[0-9a-f]{64}$/);
    expect(rateKeyPart('emoji 😀')).toBe('emoji 😀');
  });
});

describe('ttlSeconds', () => {
  it('rounds milliseconds up to whole seconds so an item never expires early', () => {
    expect(ttlSeconds(1_000)).toBe(1);
    expect(ttlSeconds(1_001)).toBe(2);
  });
});

describe('prefixes and range bounds', () => {
  it('hold exactly the keys they stand for', () => {
    expect(entityKeys.member({ kind: 'ORG', id: 'org_1' }).startsWith(entityKeys.memberPrefix('ORG'))).toBe(true);
    const change = negotiationKeys.positionChange({ amendmentId: 'am#1', changeId: 'ch_1' });
    expect(change.startsWith(negotiationKeys.positionChangePrefix('am#1'))).toBe(true);
    expect(change.startsWith(negotiationKeys.positionChangePrefix('am'))).toBe(false);
    const due = callKeys.dueEntry({ deadline: 1_000, callId: 'call_~1' });
    expect(due <= callKeys.dueThrough(1_000) && callKeys.dueThrough(999) < due).toBe(true);
    const update = documentKeys.updatePart({ id: '01J0000000000000000000000Z', index: 9 });
    expect(update > documentKeys.updatePrefix && update <= documentKeys.updatesEnd && documentKeys.head < documentKeys.updatePrefix).toBe(true);
  });
});
