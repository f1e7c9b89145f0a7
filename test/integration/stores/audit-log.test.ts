import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import type { AuditEntry } from '@concord/core';
import { createAuditLog } from '@concord/data';
import { describe, expect, it } from 'vitest';
import { testAuditKey } from '../../support/audit-key.ts';
import { startDynalite } from '../../support/dynalite.ts';

type NewEntry = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;

const entry = (n: number, overrides: Partial<NewEntry> = {}): NewEntry => ({
  coalitionId: 'coal_1',
  at: 1_700_000_000_000 + n,
  actor: { userId: 'usr_1', organisationId: 'org_1' },
  action: 'organisation.tier-changed',
  subject: { kind: 'organisation', id: `org_${n}` },
  details: { n, from: 'member', to: 'observer', chair: false, note: null },
  ...overrides,
});

async function startAudit(input: { jitterMs?: number } = {}) {
  const dynamo = await startDynalite(input);
  return { dynamo, audit: createAuditLog({ ...dynamo, key: testAuditKey }) };
}

describe('[DC13] AuditLog', () => {
  it('numbers entries from 1 and links each to the one before', async () => {
    const { audit } = await startAudit();
    const first = await audit.append({ entry: entry(1) });
    const second = await audit.append({ entry: entry(2, { actor: null, details: {} }) });
    expect(first).toMatchObject({ seq: 1, prevHash: '0'.repeat(64) });
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash, actor: null });
    expect(await audit.all({ coalitionId: 'coal_1' })).toStrictEqual([first, second]);
    expect(await audit.verify({ coalitionId: 'coal_1' })).toEqual({ ok: true, entries: 2, head: { count: 2, hash: second.hash } });
  });

  it('keeps one chain per coalition', async () => {
    const { audit } = await startAudit();
    await audit.append({ entry: entry(1) });
    const other = await audit.append({ entry: entry(1, { coalitionId: 'coal_2' }) });
    expect(other.seq).toBe(1);
    expect(await audit.all({ coalitionId: 'coal_2' })).toStrictEqual([other]);
    expect(await audit.all({ coalitionId: 'coal_none' })).toEqual([]);
  });

  it('orders 20 concurrent appends into one chain, 1 to 20 with no gaps, that verifies', async () => {
    const { audit } = await startAudit({ jitterMs: 5 });
    const appended = await Promise.all(Array.from({ length: 20 }, (_, n) => audit.append({ entry: entry(n) })));
    expect(appended.map((e) => e.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, n) => n + 1));
    const chain = await audit.all({ coalitionId: 'coal_1' });
    expect(chain.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, n) => n + 1));
    expect(new Set(chain.map((e) => e.details.n)).size).toBe(20);
    expect(await audit.verify({ coalitionId: 'coal_1' })).toMatchObject({ ok: true, entries: 20, head: { count: 20, hash: chain[19]!.hash } });
  });

  it('stores entries so that a change made behind its back breaks verification', async () => {
    const { dynamo, audit } = await startAudit();
    for (let n = 1; n <= 5; n++) await audit.append({ entry: entry(n) });
    await dynamo.client.send(
      new UpdateItemCommand({
        TableName: dynamo.tableName,
        Key: { pk: { S: 'AUDIT#coal_1' }, sk: { S: 'E#000000000003' } },
        UpdateExpression: 'SET details.#to = :to',
        ExpressionAttributeNames: { '#to': 'to' },
        ExpressionAttributeValues: { ':to': { S: 'member' } },
      }),
    );
    expect(await audit.verify({ coalitionId: 'coal_1' })).toEqual({ ok: false, seq: 3, problem: 'changed' });
  });

  it('pages newest first, before a sequence number', async () => {
    const { audit } = await startAudit();
    for (let n = 1; n <= 7; n++) await audit.append({ entry: entry(n) });
    const seqs = async (input: { beforeSeq?: number; limit: number }) => (await audit.page({ coalitionId: 'coal_1', ...input })).map((e) => e.seq);
    expect(await seqs({ limit: 3 })).toEqual([7, 6, 5]);
    expect(await seqs({ beforeSeq: 5, limit: 3 })).toEqual([4, 3, 2]);
    expect(await seqs({ beforeSeq: 2, limit: 3 })).toEqual([1]);
    expect(await seqs({ beforeSeq: 1, limit: 3 })).toEqual([]);
    expect(await seqs({ limit: 100 })).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(await seqs({ limit: 0 })).toEqual([]);
  });

  it('reads the whole chain and full pages past the 1 MB page of a query', async () => {
    const { audit } = await startAudit();
    const note = 'x'.repeat(100_000);
    for (let n = 1; n <= 12; n++) await audit.append({ entry: entry(n, { details: { note } }) });
    expect((await audit.all({ coalitionId: 'coal_1' })).map((e) => e.seq)).toEqual(Array.from({ length: 12 }, (_, n) => n + 1));
    expect((await audit.page({ coalitionId: 'coal_1', limit: 11 })).map((e) => e.seq)).toEqual(Array.from({ length: 11 }, (_, n) => 12 - n));
  });

  it('gives up with a conflict after a bounded number of lost races', async () => {
    const dynamo = await startDynalite();
    const audit = createAuditLog({ ...dynamo, key: testAuditKey, maxAttempts: 3 });
    // Every write finds its sequence number taken: another appender always wins.
    dynamo.client.middlewareStack.add(
      (next) => async (args) => {
        const input = args.input as { ConditionExpression?: string; Item?: Record<string, unknown> };
        if (input.ConditionExpression?.includes('attribute_not_exists') && input.Item) await next({ ...args });
        return next(args);
      },
      { step: 'initialize', name: 'alwaysBeaten' },
    );
    await expect(audit.append({ entry: entry(1) })).rejects.toMatchObject({ kind: 'conflict', code: 'audit.append-contended' });
  });
});
