import type { AuditEntry } from '@concord/core';
import { describe, expect, it } from 'vitest';
import {
  auditChainKey,
  chainAuditEntry,
  formatAuditAnchor,
  hashAuditEntry,
  parseAuditAnchor,
  sealAuditHead,
  verifyAuditChain,
  type AuditHead,
} from './audit-chain.ts';

const key = auditChainKey({ secretKeyBase64: Buffer.alloc(32, 1).toString('base64') });
const otherKey = auditChainKey({ secretKeyBase64: Buffer.alloc(32, 2).toString('base64') });

const act = (i: number) => ({
  coalitionId: 'coal_1',
  at: 1_000 + i,
  actor: { userId: 'usr_chair', organisationId: 'org_EE' },
  action: 'organisation.added',
  subject: { kind: 'organisation', id: `org_${i}` },
  details: { name: `Organisation ${i}`, tier: 'member' },
});

/** `length` entries chained under `withKey`, from `from` on (earlier ones: re-chained after them). */
function chain(length: number, withKey = key, start: AuditEntry[] = []): AuditEntry[] {
  const entries = [...start];
  for (let i = start.length; i < length; i++) entries.push(chainAuditEntry({ previous: entries.at(-1) ?? null, entry: act(i), key: withKey }));
  return entries;
}

/** `kept`, then the acts `acts` chained after it under `withKey`: what a rewrite of the log looks like. */
function rechain(kept: AuditEntry[], acts: number[], withKey: Uint8Array): AuditEntry[] {
  const entries = [...kept];
  for (const i of acts) entries.push(chainAuditEntry({ previous: entries.at(-1) ?? null, entry: act(i), key: withKey }));
  return entries;
}

const headOf = (entries: readonly AuditEntry[], withKey = key, keyedFrom = 1): AuditHead =>
  sealAuditHead({ coalitionId: 'coal_1', count: entries.length, hash: entries.at(-1)?.hash ?? '0'.repeat(64), keyedFrom, key: withKey });

describe('the keyed audit chain', () => {
  it('numbers entries from 1, links each to the one before, and verifies with its head', () => {
    const entries = chain(3);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(entries[0]!.prevHash).toBe('0'.repeat(64));
    expect(entries[2]!.prevHash).toBe(entries[1]!.hash);
    expect(verifyAuditChain({ entries, head: headOf(entries), key })).toEqual({ ok: true, entries: 3, head: { count: 3, hash: entries[2]!.hash } });
  });

  it('hashes with the key: another key gives other hashes, and the unkeyed hash differs too', () => {
    const [first] = chain(1);
    const { hash, ...rest } = first!;
    expect(hashAuditEntry({ entry: rest, key: otherKey })).not.toBe(hash);
    expect(hashAuditEntry({ entry: rest, key: null })).not.toBe(hash);
  });

  it('detects a changed detail, naming the entry', () => {
    const entries = chain(4);
    entries[1] = { ...entries[1]!, details: { ...entries[1]!.details, tier: 'observer' } };
    expect(verifyAuditChain({ entries, head: headOf(chain(4)), key })).toEqual({ ok: false, seq: 2, problem: 'changed' });
  });

  it('detects the newest entry deleted, and a truncation, by the head', () => {
    const entries = chain(5);
    const head = headOf(entries);
    expect(verifyAuditChain({ entries: entries.slice(0, 4), head, key })).toEqual({ ok: false, seq: 5, problem: 'missing' });
    expect(verifyAuditChain({ entries: entries.slice(0, 2), head, key })).toEqual({ ok: false, seq: 3, problem: 'missing' });
  });

  it('detects entries deleted and the rest re-chained without the key, at the first re-chained entry', () => {
    const entries = chain(6);
    // Entries 3 and 4 removed; 5 and 6 re-chained after 2 (as 3 and 4) with a key of the attacker's own.
    const rechained = rechain(entries.slice(0, 2), [4, 5], otherKey);
    expect(verifyAuditChain({ entries: rechained, head: headOf(rechained, otherKey), key })).toEqual({ ok: false, seq: 3, problem: 'changed' });
    // Even with the old head left in place.
    expect(verifyAuditChain({ entries: rechained, head: headOf(entries), key })).toMatchObject({ ok: false, seq: 3 });
  });

  it('with the key, a rewrite before an anchor shows at the anchor; one after it does not', () => {
    const entries = chain(6);
    const anchor = { count: 4, hash: entries[3]!.hash };
    // The key holder deletes entries 3 and 4, re-chains the rest and seals a new head.
    const rewritten = rechain(entries.slice(0, 2), [4, 5], key);
    expect(verifyAuditChain({ entries: rewritten, head: headOf(rewritten), key })).toMatchObject({ ok: true });
    expect(verifyAuditChain({ entries: rewritten, head: headOf(rewritten), key, anchors: [anchor] })).toEqual({ ok: false, seq: 4, problem: 'anchor' });
    // Truncated below the anchor: the anchored entry is missing.
    const truncated = entries.slice(0, 3);
    expect(verifyAuditChain({ entries: truncated, head: headOf(truncated), key, anchors: [anchor] })).toEqual({ ok: false, seq: 4, problem: 'missing' });
    // Entries after the anchor are not covered by it.
    const later = rechain(entries.slice(0, 5), [9], key);
    expect(verifyAuditChain({ entries: later, head: headOf(later), key, anchors: [anchor] })).toMatchObject({ ok: true });
  });

  it('refuses a head changed without the key, a missing head, and more than one entry past the head', () => {
    const entries = chain(4);
    expect(verifyAuditChain({ entries, head: { ...headOf(entries), count: 3, hash: entries[2]!.hash }, key })).toEqual({ ok: false, seq: 3, problem: 'head' });
    expect(verifyAuditChain({ entries, head: null, key })).toEqual({ ok: false, seq: 1, problem: 'head' });
    expect(verifyAuditChain({ entries, head: headOf(entries.slice(0, 3)), key })).toMatchObject({ ok: true });
    expect(verifyAuditChain({ entries, head: headOf(entries.slice(0, 2)), key })).toEqual({ ok: false, seq: 4, problem: 'head' });
  });

  it('verifies entries from before the key as plain SHA-256, up to where the head says the keyed part starts', () => {
    const legacy: AuditEntry[] = [];
    for (let i = 0; i < 2; i++) {
      const previous = legacy.at(-1);
      const linked = { ...act(i), seq: i + 1, prevHash: previous?.hash ?? '0'.repeat(64) };
      legacy.push({ ...linked, hash: hashAuditEntry({ entry: linked, key: null }) });
    }
    const entries = chain(4, key, legacy);
    expect(verifyAuditChain({ entries, head: headOf(entries, key, 3), key })).toMatchObject({ ok: true, entries: 4 });
    // Claiming the whole chain is legacy needs a head sealed with the key.
    expect(verifyAuditChain({ entries, head: headOf(entries, key, 1), key })).toMatchObject({ ok: false, seq: 1, problem: 'changed' });
  });
});

describe('audit anchors', () => {
  it('read and write as count:hash', () => {
    const hash = 'ab'.repeat(32);
    expect(parseAuditAnchor(` 12 : ${hash.toUpperCase()} `)).toEqual({ count: 12, hash });
    expect(formatAuditAnchor({ count: 12, hash })).toBe(`12:${hash}`);
    for (const bad of ['', '12', `x:${hash}`, `12:${hash.slice(2)}`, `-1:${hash}`]) expect(parseAuditAnchor(bad)).toBeNull();
  });
});
