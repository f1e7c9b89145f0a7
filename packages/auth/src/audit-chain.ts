/**
 * The audit log's tamper evidence (issue 12 §5), three layers:
 *
 * 1. A keyed chain: each entry's hash is an HMAC-SHA-256, under a key derived from the server's
 *    secret key, of its canonical text, which includes the previous entry's hash. Changing,
 *    removing or reordering an entry breaks every hash after it, and someone holding the table
 *    but not the key cannot recompute them.
 * 2. A head: the count and the newest hash, sealed with the same key and written with every
 *    append. Deleting the newest entries (truncation) leaves the head pointing past the end.
 * 3. Anchors: a head published outside the table (the audit page and the public
 *    `/coalitions/<id>/audit-anchor`). Someone holding the key and the table can rewrite the
 *    chain and its head, but not what third parties noted: every entry up to an anchor must still
 *    hash to it.
 *
 * Entries written before the chain was keyed (before the head existed) keep their plain SHA-256;
 * the sealed head says from which entry on the chain is keyed.
 */
import { canonicalAuditText, genesisHash, type AuditEntry } from '@concord/core';
import { hmac } from '@oslojs/crypto/hmac';
import { sha256, SHA256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { decodeBase64, encodeHexLowerCase } from '@oslojs/encoding';

const encoder = new TextEncoder();

/** The chain's key, derived from the server's secret key (`CONCORD_SECRET_KEY`, base64). */
export function auditChainKey(input: { secretKeyBase64: string }): Uint8Array {
  const secret = new Uint8Array(decodeBase64(input.secretKeyBase64));
  if (secret.length !== 32) throw new Error('the secret key must be 32 bytes, base64-encoded');
  // A key of its own, so the audit chain never shares one with the TOTP box.
  return hmac(SHA256, secret, encoder.encode('concord/audit-chain/v1'));
}

/** The entry's hash: keyed (HMAC-SHA-256), or plain SHA-256 for an entry from before the key (`key` null). */
export function hashAuditEntry(input: { entry: Omit<AuditEntry, 'hash'>; key: Uint8Array | null }): string {
  const text = encoder.encode(canonicalAuditText(input.entry));
  return encodeHexLowerCase(input.key ? hmac(SHA256, input.key, text) : sha256(text));
}

/** Links a new entry after `previous` (its seq and hash; null for the first). */
export function chainAuditEntry(input: {
  previous: { seq: number; hash: string } | null;
  entry: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;
  key: Uint8Array;
}): AuditEntry {
  const { coalitionId, at, actor, action, subject, details } = input.entry;
  // Exactly these fields: anything else passed in must not slip into the hashed text.
  const linked = { coalitionId, at, actor, action, subject, details, seq: (input.previous?.seq ?? 0) + 1, prevHash: input.previous?.hash ?? genesisHash };
  return { ...linked, hash: hashAuditEntry({ entry: linked, key: input.key }) };
}

/** A point of the chain: how many entries, and the newest one's hash (count 0: the genesis hash). */
export interface AuditAnchor {
  count: number;
  hash: string;
}

/** The sealed head stored beside the entries: an anchor, from which entry on the chain is keyed, and its MAC. */
export interface AuditHead extends AuditAnchor {
  coalitionId: string;
  keyedFrom: number;
  mac: string;
}

function headMac(input: Omit<AuditHead, 'mac'> & { key: Uint8Array }): string {
  const text = JSON.stringify(['audit-head', input.coalitionId, input.count, input.hash, input.keyedFrom]);
  return encodeHexLowerCase(hmac(SHA256, input.key, encoder.encode(text)));
}

export function sealAuditHead(input: Omit<AuditHead, 'mac'> & { key: Uint8Array }): AuditHead {
  const { coalitionId, count, hash, keyedFrom } = input;
  return { coalitionId, count, hash, keyedFrom, mac: headMac(input) };
}

/** Whether an entry read from the store carries its true hash (keyed from `keyedFrom` on). */
export function entryIsIntact(input: { entry: AuditEntry; key: Uint8Array; keyedFrom: number }): boolean {
  const { hash, ...rest } = input.entry;
  const expected = hashAuditEntry({ entry: rest, key: input.entry.seq >= input.keyedFrom ? input.key : null });
  return constantTimeEqual(encoder.encode(expected), encoder.encode(hash));
}

/**
 * What is wrong, at the first broken entry: `missing` (a gap, or the chain ends before its head or
 * an anchor), `unlinked` (does not follow the entry before), `changed` (its hash is not its
 * content's), `head` (the head is missing, changed, or disagrees with the entries), `anchor`
 * (the entry an anchor points at hashes to something else: the chain was rewritten before it).
 */
export type ChainProblem = 'missing' | 'unlinked' | 'changed' | 'head' | 'anchor';
export type ChainVerdict = { ok: true; entries: number; head: AuditAnchor } | { ok: false; seq: number; problem: ChainProblem };

type Broken = { seq: number; problem: ChainProblem } | null;
const earliest = (a: Broken, b: Broken): Broken => (!a ? b : !b ? a : b.seq < a.seq ? b : a);

/**
 * Checks a whole chain, in order, against its head and any anchors noted outside the table, and
 * names the first broken entry. One entry past the head is accepted: an append between writing
 * its entry and moving the head.
 */
export function verifyAuditChain(input: { entries: readonly AuditEntry[]; head: AuditHead | null; key: Uint8Array; anchors?: readonly AuditAnchor[] }): ChainVerdict {
  const { entries, head, key } = input;
  const count = head?.count ?? 0;
  let broken: Broken = head ? (headMac({ ...head, key }) === head.mac ? null : { seq: Math.max(1, count), problem: 'head' }) : entries.length ? { seq: 1, problem: 'head' } : null;
  broken = earliest(broken, walk({ entries, key, keyedFrom: head?.keyedFrom ?? 1 }));
  if (entries.length < count) broken = earliest(broken, { seq: entries.length + 1, problem: 'missing' });
  else if (count > 0 && entries[count - 1]?.hash !== head?.hash) broken = earliest(broken, { seq: count, problem: 'head' });
  if (entries.length > count + 1) broken = earliest(broken, { seq: count + 2, problem: 'head' });
  for (const anchor of input.anchors ?? []) broken = earliest(broken, againstAnchor({ entries, anchor }));
  return broken ? { ok: false, ...broken } : { ok: true, entries: entries.length, head: { count, hash: head?.hash ?? genesisHash } };
}

function walk(input: { entries: readonly AuditEntry[]; key: Uint8Array; keyedFrom: number }): Broken {
  let previous: AuditEntry | null = null;
  for (const entry of input.entries) {
    const expectedSeq = (previous?.seq ?? 0) + 1;
    if (entry.seq !== expectedSeq) return { seq: expectedSeq, problem: 'missing' };
    if (entry.prevHash !== (previous?.hash ?? genesisHash)) return { seq: entry.seq, problem: 'unlinked' };
    if (!entryIsIntact({ entry, key: input.key, keyedFrom: input.keyedFrom })) return { seq: entry.seq, problem: 'changed' };
    previous = entry;
  }
  return null;
}

function againstAnchor(input: { entries: readonly AuditEntry[]; anchor: AuditAnchor }): Broken {
  const { count, hash } = input.anchor;
  if (count <= 0) return null;
  const entry = input.entries[count - 1];
  if (!entry || entry.seq !== count) return { seq: Math.min(count, input.entries.length + 1), problem: 'missing' };
  return entry.hash === hash ? null : { seq: count, problem: 'anchor' };
}

/** An anchor as people copy it: `<count>:<hash>` (the hash in lower-case hex), or null if malformed. */
export function parseAuditAnchor(text: string): AuditAnchor | null {
  const match = /^\s*(\d{1,12})\s*:\s*([0-9a-fA-F]{64})\s*$/.exec(text);
  if (!match) return null;
  return { count: Number(match[1]), hash: match[2]!.toLowerCase() };
}

export function formatAuditAnchor(anchor: AuditAnchor): string {
  return `${anchor.count}:${anchor.hash}`;
}
