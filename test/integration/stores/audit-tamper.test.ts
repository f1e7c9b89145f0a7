/**
 * Issue 12 §5 on dynalite: tampering with a coalition's audit log behind the store's back —
 * deleting the newest entry, truncating, deleting and re-chaining the rest without the key, and,
 * with the key, rewriting before an anchor noted outside the table — is detected, and the first
 * broken entry named. Also: an append that stopped between its two writes is completed by the
 * next one, and the head's conditional write notices a head changed under it.
 */
import { DeleteItemCommand } from '@aws-sdk/client-dynamodb';
import { auditChainKey, chainAuditEntry, sealAuditHead, type AuditHead } from '@concord/auth/audit-chain';
import type { AuditEntry } from '@concord/core';
import { createAuditLog } from '@concord/data';
import { auditItem } from '@concord/data/account-shapes';
import { describe, expect, it } from 'vitest';
import { testAuditKey } from '../../support/audit-key.ts';
import { putRawItem, startDynalite, type TestDynamo } from '../../support/dynalite.ts';

const coalitionId = 'coal_1';
const pk = `AUDIT#${coalitionId}`;
const sk = (seq: number) => `E#${String(seq).padStart(12, '0')}`;
const attackerKey = auditChainKey({ secretKeyBase64: Buffer.alloc(32, 9).toString('base64') });

const act = (n: number) => ({
  coalitionId,
  at: 1_700_000_000_000 + n,
  actor: { userId: 'usr_1', organisationId: 'org_1' },
  action: 'organisation.tier-changed',
  subject: { kind: 'organisation', id: `org_${n}` },
  details: { n },
});

async function logOf(length: number) {
  const dynamo = await startDynalite();
  const audit = createAuditLog({ ...dynamo, key: testAuditKey });
  const entries: AuditEntry[] = [];
  for (let n = 1; n <= length; n++) entries.push(await audit.append({ entry: act(n) }));
  return { dynamo, audit, entries };
}

async function remove(dynamo: TestDynamo, ...seqs: number[]) {
  for (const seq of seqs) await dynamo.client.send(new DeleteItemCommand({ TableName: dynamo.tableName, Key: { pk: { S: pk }, sk: { S: sk(seq) } } }));
}

const put = (dynamo: TestDynamo, item: Record<string, unknown>) => putRawItem({ dynamo, item });

const putEntry = (dynamo: TestDynamo, entry: AuditEntry) => put(dynamo, { pk, sk: sk(entry.seq), ...auditItem(entry) });
const putHead = (dynamo: TestDynamo, head: AuditHead) => put(dynamo, { pk, sk: 'HEAD', ...head });

/** Deletes entries `from`…`to` and re-chains the later ones after `from - 1`, under `key`; returns the new chain. */
async function deleteAndRechain(input: { dynamo: TestDynamo; entries: AuditEntry[]; from: number; to: number; key: Uint8Array }): Promise<AuditEntry[]> {
  const { dynamo, entries, from, to, key } = input;
  await remove(dynamo, ...entries.slice(from - 1).map((e) => e.seq));
  const chain = entries.slice(0, from - 1);
  for (const old of entries.slice(to)) {
    const { seq: _seq, prevHash: _prev, hash: _hash, ...content } = old;
    const linked = chainAuditEntry({ previous: chain.at(-1) ?? null, entry: content, key });
    chain.push(linked);
    await putEntry(dynamo, linked);
  }
  return chain;
}

describe('audit log tamper evidence', () => {
  it('detects the newest entry deleted', async () => {
    const { dynamo, audit } = await logOf(5);
    await remove(dynamo, 5);
    expect(await audit.verify({ coalitionId })).toEqual({ ok: false, seq: 5, problem: 'missing' });
  });

  it('detects a truncation, naming the first entry gone', async () => {
    const { dynamo, audit } = await logOf(6);
    await remove(dynamo, 4, 5, 6);
    expect(await audit.verify({ coalitionId })).toEqual({ ok: false, seq: 4, problem: 'missing' });
  });

  it('detects two entries deleted and the rest re-chained without the key, even with the head re-pointed', async () => {
    const { dynamo, audit, entries } = await logOf(6);
    const chain = await deleteAndRechain({ dynamo, entries, from: 3, to: 4, key: attackerKey });
    expect(await audit.verify({ coalitionId })).toEqual({ ok: false, seq: 3, problem: 'changed' });
    // The head copied from a genuine point of the chain and shortened: its MAC no longer matches.
    await putHead(dynamo, { ...(await audit.head({ coalitionId }))!, count: chain.length, hash: chain.at(-1)!.hash });
    expect(await audit.verify({ coalitionId })).toMatchObject({ ok: false, seq: 3 });
  });

  it('with the key and a resealed head, a rewrite verifies alone but not against an anchor noted before it', async () => {
    const { dynamo, audit, entries } = await logOf(6);
    const anchor = { count: 4, hash: entries[3]!.hash };
    const chain = await deleteAndRechain({ dynamo, entries, from: 3, to: 4, key: testAuditKey });
    await putHead(dynamo, sealAuditHead({ coalitionId, count: chain.length, hash: chain.at(-1)!.hash, keyedFrom: 1, key: testAuditKey }));
    expect(await audit.verify({ coalitionId })).toMatchObject({ ok: true, entries: 4 });
    expect(await audit.verify({ coalitionId, anchors: [anchor] })).toEqual({ ok: false, seq: 4, problem: 'anchor' });
    // An anchor noted before the rewritten part still holds: the rewrite started after it.
    expect(await audit.verify({ coalitionId, anchors: [{ count: 2, hash: entries[1]!.hash }] })).toMatchObject({ ok: true });
  });

  it('detects, with the key, a truncation below an anchor', async () => {
    const { dynamo, audit, entries } = await logOf(5);
    await remove(dynamo, 4, 5);
    await putHead(dynamo, sealAuditHead({ coalitionId, count: 3, hash: entries[2]!.hash, keyedFrom: 1, key: testAuditKey }));
    expect(await audit.verify({ coalitionId, anchors: [{ count: 5, hash: entries[4]!.hash }] })).toEqual({ ok: false, seq: 4, problem: 'missing' });
  });

  it('completes an append that stopped between writing its entry and moving the head', async () => {
    const { dynamo, audit, entries } = await logOf(3);
    // Entry 4 written as append writes it, the head left at 3 (a crash in between).
    await putEntry(dynamo, chainAuditEntry({ previous: entries[2]!, entry: act(4), key: testAuditKey }));
    expect(await audit.verify({ coalitionId })).toMatchObject({ ok: true, entries: 4, head: { count: 3 } });
    const fifth = await audit.append({ entry: act(5) });
    expect(fifth.seq).toBe(5);
    expect(await audit.verify({ coalitionId })).toMatchObject({ ok: true, entries: 5, head: { count: 5, hash: fifth.hash } });
  });

  it('refuses to move the head onto an entry it did not write', async () => {
    const { dynamo, audit, entries } = await logOf(3);
    await putEntry(dynamo, chainAuditEntry({ previous: entries[2]!, entry: act(4), key: attackerKey }));
    await expect(audit.append({ entry: act(5) })).rejects.toMatchObject({ kind: 'conflict', code: 'audit.chain-broken' });
    expect((await audit.head({ coalitionId }))?.count).toBe(3);
  });

  it('keeps entries from before the key verifiable, and keys every entry after them', async () => {
    const dynamo = await startDynalite();
    // Two entries as the unkeyed chain wrote them (no head), then the keyed log takes over.
    const { hashAuditEntry } = await import('@concord/auth/audit-chain');
    let previous: AuditEntry | null = null;
    for (const n of [1, 2]) {
      const linked: Omit<AuditEntry, 'hash'> = { ...act(n), seq: n, prevHash: previous?.hash ?? '0'.repeat(64) };
      const entry: AuditEntry = { ...linked, hash: hashAuditEntry({ entry: linked, key: null }) };
      previous = entry;
      await putEntry(dynamo, entry);
    }
    const audit = createAuditLog({ ...dynamo, key: testAuditKey });
    await audit.append({ entry: act(3) });
    expect(await audit.head({ coalitionId })).toMatchObject({ count: 3, keyedFrom: 3 });
    expect(await audit.verify({ coalitionId })).toMatchObject({ ok: true, entries: 3 });
  });
});
