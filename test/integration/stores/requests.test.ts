import { countRequests } from '@concord/data';
import { deleteIf, getOne, key, putIfAbsent, putItem, queryPrefix, queryRange, updateIf, updateItem } from '@concord/data/requests';
import { describe, expect, it } from 'vitest';
import { startDynalite } from '../../support/dynalite.ts';

describe('the request helpers', () => {
  it('put an item only where none has its key, and read it back', async () => {
    const table = await startDynalite();
    const item = { ...key({ pk: 'P#1', sk: 'A' }), n: 1 };
    expect(await putIfAbsent({ ...table, item })).toBe(true);
    expect(await putIfAbsent({ ...table, item: { ...item, n: 2 } })).toBe(false);
    expect(await getOne({ ...table, key: key({ pk: 'P#1', sk: 'A' }) })).toMatchObject({ n: 1 });
    expect(await getOne({ ...table, key: key({ pk: 'P#1', sk: 'B' }) })).toBeNull();
  });

  it('update under a condition: false, or null with attributes asked for, when it fails', async () => {
    const table = await startDynalite();
    const at = key({ pk: 'P#1', sk: 'A' });
    await putItem({ ...table, item: { ...at, n: 1 } });
    const bump = (from: number) => ({ ...table, key: at, update: 'SET n = :to', condition: 'n = :from', values: { ':from': from, ':to': from + 1 } });
    expect(await updateIf(bump(1))).toBe(true);
    expect(await updateIf(bump(1))).toBe(false);
    expect(await updateIf({ ...bump(2), returning: 'UPDATED_NEW' })).toEqual({ n: 3 });
    expect(await updateIf({ ...bump(2), returning: 'ALL_NEW' })).toBeNull();
    // `#ttl` and `#sk` are named without being declared.
    expect(await updateItem({ ...table, key: at, update: 'SET #ttl = :t', values: { ':t': 9 }, returning: 'ALL_NEW' })).toMatchObject({ n: 3, expiresAt: 9 });
    expect(await deleteIf({ ...table, key: at, condition: 'attribute_exists(#sk) AND n = :n', values: { ':n': 2 } })).toBe(false);
    expect(await deleteIf({ ...table, key: at, condition: 'attribute_exists(#sk) AND n = :n', values: { ':n': 3 } })).toBe(true);
  });

  it('query a partition by prefix or range, in order or newest first, stopping at a limit in one request', async () => {
    const table = await startDynalite();
    for (const sk of ['A#1', 'A#2', 'A#3', 'B#1']) await putItem({ ...table, item: key({ pk: 'P#1', sk }) });
    const sks = (items: Record<string, unknown>[]) => items.map((item) => item.sk);
    expect(sks(await queryPrefix({ ...table, pk: 'P#1', prefix: 'A#' }))).toEqual(['A#1', 'A#2', 'A#3']);
    expect(sks(await queryPrefix({ ...table, pk: 'P#1' }))).toEqual(['A#1', 'A#2', 'A#3', 'B#1']);
    expect(sks(await queryRange({ ...table, pk: 'P#1', from: 'A#2', through: 'B#1' }))).toEqual(['A#2', 'A#3', 'B#1']);
    expect(sks(await queryRange({ ...table, pk: 'P#1', through: 'A#2' }))).toEqual(['A#1', 'A#2']);
    const counts = countRequests(table.client);
    expect(sks(await queryPrefix({ ...table, pk: 'P#1', prefix: 'A#', descending: true, limit: 2 }))).toEqual(['A#3', 'A#2']);
    expect(counts.requests).toBe(1);
  });

  it('query the listing index, never consistently', async () => {
    const table = await startDynalite();
    await putItem({ ...table, item: { ...key({ pk: 'X#1', sk: 'X' }), gsi1pk: 'LIST', gsi1sk: 'E#1' } });
    await putItem({ ...table, item: { ...key({ pk: 'X#2', sk: 'X' }), gsi1pk: 'LIST', gsi1sk: 'F#1' } });
    expect((await queryPrefix({ ...table, index: 'gsi1', pk: 'LIST', prefix: 'E#' })).map((item) => item.pk)).toEqual(['X#1']);
    expect((await queryPrefix({ ...table, index: 'gsi1', pk: 'LIST', descending: true })).map((item) => item.pk)).toEqual(['X#2', 'X#1']);
  });
});
