import type { AuditEntry } from '@concord/core';
import { describe, expect, it } from 'vitest';
import { chainAuditEntry, verifyAuditChain } from './audit-chain.ts';

function chain(length: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let i = 0; i < length; i++) {
    entries.push(
      chainAuditEntry({
        previous: entries.at(-1) ?? null,
        entry: {
          coalitionId: 'coal_1',
          at: 1_000 + i,
          actor: { userId: 'usr_chair', organisationId: 'org_EE' },
          action: 'organisation.added',
          subject: { kind: 'organisation', id: `org_${i}` },
          details: { name: `Organisation ${i}`, tier: 'member' },
        },
      }),
    );
  }
  return entries;
}

describe('the audit chain', () => {
  it('numbers entries from 1 and links each to the one before', () => {
    const entries = chain(3);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(entries[0]!.prevHash).toBe('0'.repeat(64));
    expect(entries[2]!.prevHash).toBe(entries[1]!.hash);
    expect(verifyAuditChain(entries)).toEqual({ ok: true, entries: 3 });
  });

  it('detects a changed detail', () => {
    const entries = chain(4);
    entries[1] = { ...entries[1]!, details: { ...entries[1]!.details, tier: 'observer' } };
    expect(verifyAuditChain(entries)).toEqual({ ok: false, seq: 2, problem: 'was changed after it was written' });
  });

  it('detects a removed entry, and one re-hashed to hide a change', () => {
    const entries = chain(4);
    expect(verifyAuditChain([entries[0]!, entries[2]!, entries[3]!])).toMatchObject({ ok: false, seq: 2 });
    const forged = chainAuditEntry({ previous: entries[0]!, entry: { ...entries[1]!, details: { forged: true } } });
    expect(verifyAuditChain([entries[0]!, forged, entries[2]!, entries[3]!])).toEqual({
      ok: false,
      seq: 3,
      problem: 'does not follow the entry before it',
    });
  });
});
