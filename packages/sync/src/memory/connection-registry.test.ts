import { describe, expect, it } from 'vitest';
import type { ConnectionRecord } from '../ports.ts';
import { principalFor } from '../testing/fixtures.ts';
import { createMemoryConnectionRegistry } from './connection-registry.ts';

const record = (connectionId: string): ConnectionRecord => ({
  connectionId,
  docId: 'stmt_1',
  principal: principalFor(connectionId),
  access: 'write',
  connectedAt: 0,
  expiresAt: 10_000,
  awareness: null,
});
const entry = (clock: number) => ({ clientId: 7, clock, state: JSON.stringify({ cursor: clock }) });

describe('the memory registry’s live list', () => {
  it('hands out its own records frozen: a caller cannot change what the next reader sees', async () => {
    const registry = createMemoryConnectionRegistry();
    await registry.add(record('c1'));
    const [listed] = registry.listLive!({ docId: 'stmt_1', now: 1 });
    expect(Object.isFrozen(listed)).toBe(true);
    expect(() => {
      (listed as ConnectionRecord).access = 'read';
    }).toThrow(TypeError);
    expect(registry.listLive!({ docId: 'stmt_1', now: 1 })[0]!.access).toBe('write');
  });

  it('replaces a record when its awareness is set: a list taken before keeps what it saw', async () => {
    const registry = createMemoryConnectionRegistry();
    await registry.add(record('c1'));
    const before = registry.listLive!({ docId: 'stmt_1', now: 1 });
    expect(await registry.setAwareness({ connectionId: 'c1', docId: 'stmt_1', entry: entry(1) })).toBe('ok');
    expect(before[0]!.awareness).toBeNull();
    const after = registry.listLive!({ docId: 'stmt_1', now: 1 });
    expect(after[0]!.awareness).toEqual(entry(1));
    expect(Object.isFrozen(after[0]!.awareness)).toBe(true);
    // An older entry is refused and the stored one stays.
    expect(await registry.setAwareness({ connectionId: 'c1', docId: 'stmt_1', entry: entry(0) })).toBe('stale');
    expect((await registry.get({ connectionId: 'c1', now: 1 }))?.awareness).toEqual(entry(1));
  });

  it('lists only the document’s connections that have not expired', async () => {
    const registry = createMemoryConnectionRegistry();
    await registry.add(record('c1'));
    await registry.add({ ...record('c2'), expiresAt: 5 });
    await registry.add({ ...record('c3'), docId: 'stmt_2' });
    expect(registry.listLive!({ docId: 'stmt_1', now: 1 }).map((r) => r.connectionId)).toEqual(['c1', 'c2']);
    expect(registry.listLive!({ docId: 'stmt_1', now: 6 }).map((r) => r.connectionId)).toEqual(['c1']);
    await registry.remove({ connectionId: 'c1' });
    expect(registry.listLive!({ docId: 'stmt_1', now: 1 }).map((r) => r.connectionId)).toEqual(['c2']);
  });
});
