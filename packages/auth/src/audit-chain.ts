/**
 * The audit log's hash chain: each entry's hash covers its canonical text, which includes the
 * previous entry's hash, so changing, removing or reordering any entry breaks every hash after it.
 */
import { canonicalAuditText, genesisHash, type AuditEntry } from '@concord/core';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';

export function hashAuditEntry(entry: Omit<AuditEntry, 'hash'>): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(canonicalAuditText(entry))));
}

/** Links a new entry after `previous` (or first in its chain). */
export function chainAuditEntry(input: {
  previous: AuditEntry | null;
  entry: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;
}): AuditEntry {
  const { coalitionId, at, actor, action, subject, details } = input.entry;
  // Exactly these fields: anything else passed in must not slip into the hashed text.
  const linked = { coalitionId, at, actor, action, subject, details, seq: (input.previous?.seq ?? 0) + 1, prevHash: input.previous?.hash ?? genesisHash };
  return { ...linked, hash: hashAuditEntry(linked) };
}

export type ChainVerdict = { ok: true; entries: number } | { ok: false; seq: number; problem: string };

/** Checks a whole chain, in order: numbering without gaps, links, and every hash. */
export function verifyAuditChain(entries: readonly AuditEntry[]): ChainVerdict {
  let previous: AuditEntry | null = null;
  for (const entry of entries) {
    const expectedSeq = (previous?.seq ?? 0) + 1;
    if (entry.seq !== expectedSeq) return { ok: false, seq: expectedSeq, problem: `entry ${expectedSeq} is missing` };
    if (entry.prevHash !== (previous?.hash ?? genesisHash)) return { ok: false, seq: entry.seq, problem: 'does not follow the entry before it' };
    const { hash, ...rest } = entry;
    if (hashAuditEntry(rest) !== hash) return { ok: false, seq: entry.seq, problem: 'was changed after it was written' };
    previous = entry;
  }
  return { ok: true, entries: entries.length };
}
