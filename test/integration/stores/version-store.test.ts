/** The VersionStore contract, over the in-memory store and the DynamoDB store on dynalite. */
import { isDomainError } from '@concord/core';
import { createVersionStore } from '@concord/data';
import { createMemoryVersionStore } from '@concord/versions/memory';
import type { NewVersion, VersionStore } from '@concord/versions/ports';
import { describe, expect, it } from 'vitest';
import { startDynalite } from '../../support/dynalite.ts';

const docId = 'stmt_versions';
const T0 = Date.UTC(2026, 2, 1);
const alice = { userId: 'usr_alice', organisationId: 'org_a' };
const bob = { userId: 'usr_bob', organisationId: 'org_b' };

const stores: [string, () => Promise<VersionStore>][] = [
  ['memory', async () => createMemoryVersionStore({ pause: () => new Promise((resolve) => setTimeout(resolve, Math.random() * 3)) })],
  ['dynalite', async () => { const { client, tableName } = await startDynalite({ jitterMs: 3 }); return createVersionStore({ client, tableName }); }],
];

function checkpoint(fields: Partial<NewVersion> = {}): NewVersion {
  return { kind: 'checkpoint', name: null, hash: 'a'.repeat(64), createdAt: T0, createdBy: null, authors: [alice, bob], restoredFrom: null, ...fields };
}
const named = (name: string, fields: Partial<NewVersion> = {}) => checkpoint({ kind: 'named', name, createdBy: alice, authors: [], ...fields });
const bytes = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) % 251);

describe.each(stores)('the version store (%s)', (_name, make) => {
  it('numbers versions 1, 2, 3…, lists them newest first and gives each back with its state', async () => {
    const store = await make();
    expect(await store.latest({ docId })).toBeNull();
    expect(await store.list({ docId })).toEqual([]);
    const first = await store.append({ docId, version: checkpoint(), state: bytes(10, 1) });
    const second = await store.append({ docId, version: named('Rev. 1', { hash: 'b'.repeat(64), createdAt: T0 + 1 }), state: bytes(20, 2) });
    const third = await store.append({ docId, version: checkpoint({ restoredFrom: 1, createdBy: bob, authors: [bob] }), state: bytes(30, 3) });
    expect([first?.seq, second?.seq, third?.seq]).toEqual([1, 2, 3]);
    expect(second).toEqual({ docId, seq: 2, kind: 'named', name: 'Rev. 1', hash: 'b'.repeat(64), createdAt: T0 + 1, createdBy: alice, authors: [], restoredFrom: null, bytes: 20 });
    expect(await store.latest({ docId })).toEqual(third);
    expect(await store.list({ docId })).toEqual([third, second, first]);
    expect(await store.list({ docId, limit: 2 })).toEqual([third, second]);
    expect(await store.get({ docId, seq: 2 })).toEqual({ ...second, state: bytes(20, 2) });
    expect(await store.get({ docId, seq: 4 })).toBeNull();
    expect(await store.list({ docId: 'stmt_other' })).toEqual([]);
  });

  it('keeps a state far over the 400 KB item limit whole', async () => {
    const store = await make();
    const state = bytes(1_000_000, 7);
    const version = await store.append({ docId, version: checkpoint(), state });
    expect(version?.bytes).toBe(1_000_000);
    const stored = await store.get({ docId, seq: 1 });
    expect(stored?.state.length).toBe(1_000_000);
    expect(Buffer.from(stored!.state).equals(Buffer.from(state))).toBe(true);
  });

  it('stores nothing when `when` says no, after seeing the latest version', async () => {
    const store = await make();
    await store.append({ docId, version: checkpoint(), state: bytes(5, 1) });
    const seen: (number | null)[] = [];
    const result = await store.append({ docId, version: checkpoint(), state: bytes(5, 2), when: (latest) => (seen.push(latest?.seq ?? null), false) });
    expect(result).toBeNull();
    expect(seen).toEqual([1]);
    expect((await store.list({ docId })).map((v) => v.seq)).toEqual([1]);
  });

  it('gives ten appends racing for one number ten distinct numbers, each with its own state', async () => {
    const store = await make();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => store.append({ docId, version: checkpoint({ createdAt: T0 + i }), state: bytes(100 + i, i) })));
    expect(results.map((v) => v!.seq).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const version of results) {
      const i = version!.createdAt - T0;
      expect((await store.get({ docId, seq: version!.seq }))?.state).toEqual(bytes(100 + i, i));
    }
  });

  it('refuses a name the statement already has, whatever its case or spacing, and stores nothing', async () => {
    const store = await make();
    await store.append({ docId, version: named('Rev. 1'), state: bytes(5, 1) });
    for (const name of ['Rev. 1', 'rev. 1', 'REV.  1']) {
      await expect(store.append({ docId, version: named(name), state: bytes(5, 2) })).rejects.toSatisfy(
        (error: unknown) => isDomainError(error) && error.kind === 'conflict' && error.code === 'versions.name-taken',
      );
    }
    expect(await store.append({ docId: 'stmt_other', version: named('Rev. 1'), state: bytes(5, 3) })).toMatchObject({ seq: 1 });
    expect((await store.list({ docId })).map((v) => v.name)).toEqual(['Rev. 1']);
  });

  it('stores exactly one of five delegates naming the same version at once', async () => {
    const store = await make();
    await store.append({ docId, version: checkpoint(), state: bytes(5, 0) });
    const results = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => store.append({ docId, version: named('Zero draft', { createdAt: T0 + i }), state: bytes(5, i) })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(isDomainError(r.reason) && r.reason.code).toBe('versions.name-taken');
    expect((await store.list({ docId })).map((v) => v.name)).toEqual(['Zero draft', null]);
  });
});
