/**
 * A coalition's audit log: partition `AUDIT#<coalitionId>`, one item per entry under
 * `E#<seq:12>` and a sealed head under `HEAD` (count, newest hash, MAC), keyed-chained by
 * `@concord/auth/audit-chain` (read its header for what each layer detects).
 *
 * Without transactions, two conditional writes per append. `append` reads the head (consistent),
 * links the new entry after it and puts it with `attribute_not_exists` on its sequence number:
 * of concurrent appends of the same number exactly one is stored. The winner then moves the head
 * with a condition on the count it read, so a head that changed behind its back (a concurrent
 * append, a deletion) is never silently overwritten. An appender that finds the next number
 * taken while the head lags (the winner crashed between its two writes) checks that entry's MAC
 * and moves the head for it, then tries again. So the chain stays linear and gap-free whatever
 * the concurrency, the head is at most one entry behind, and an entry is never rewritten.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  chainAuditEntry,
  entryIsIntact,
  sealAuditHead,
  verifyAuditChain,
  type AuditAnchor,
  type AuditHead,
  type ChainVerdict,
} from '@concord/auth/audit-chain';
import { fail, genesisHash, type AuditEntry } from '@concord/core';
import { auditFrom, auditItem } from './account-shapes.ts';
import { auditKeys } from './keys.ts';
import { getOne, key, putIf, queryPrefix, queryRange, type Item } from './requests.ts';

export interface AuditLog {
  /**
   * Appends after the coalition's head, retrying (with jitter) while other appends win the race;
   * throws a `conflict` DomainError (`audit.append-contended`) after `maxAttempts`, or
   * (`audit.chain-broken`) when the entry after the head is not one this server wrote.
   */
  append(input: { entry: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'> }): Promise<AuditEntry>;
  /** Newest first: `limit` entries before `beforeSeq` (exclusive), or from the newest. */
  page(input: { coalitionId: string; beforeSeq?: number; limit: number }): Promise<AuditEntry[]>;
  /** The whole chain in order, for verification. */
  all(input: { coalitionId: string }): Promise<AuditEntry[]>;
  /** The sealed head (null before the first keyed append): what is published as the anchor. */
  head(input: { coalitionId: string }): Promise<AuditHead | null>;
  /** Verifies the chain against its head and the anchors given (noted outside the table). */
  verify(input: { coalitionId: string; anchors?: readonly AuditAnchor[] }): Promise<ChainVerdict>;
}

const defaultMaxAttempts = 100;

export function createAuditLog(options: {
  client: DynamoDBDocumentClient;
  tableName: string;
  /** The chain's key (`auditChainKey` of the server's secret key). */
  key: Uint8Array;
  maxAttempts?: number;
  /** A number in [0, 1) for the retry jitter; defaults to `Math.random`. */
  random?: () => number;
}): AuditLog {
  const { client, tableName, key: chainKey } = options;
  const maxAttempts = options.maxAttempts ?? defaultMaxAttempts;
  const random = options.random ?? Math.random;

  /** The newest `limit` entries, all before `before` (a sort key) when given. */
  function newest(input: { coalitionId: string; before?: string; limit: number }): Promise<Item[]> {
    const where = { client, tableName, pk: auditKeys.pk(input.coalitionId), descending: true, limit: input.limit };
    const prefix = auditKeys.entryPrefix;
    return input.before === undefined ? queryPrefix({ ...where, prefix }) : queryRange({ ...where, from: prefix, through: input.before });
  }

  const headKey = (coalitionId: string) => key({ pk: auditKeys.pk(coalitionId), sk: auditKeys.head });

  async function readHead(coalitionId: string): Promise<AuditHead | null> {
    const item = await getOne({ client, tableName, key: headKey(coalitionId) });
    return item ? headFrom(item) : null;
  }

  /** Writes `next` as the head if the stored one is still `base` (absent when `base` is null). */
  async function moveHead(input: { base: AuditHead | null; next: Omit<AuditHead, 'mac'> }): Promise<boolean> {
    const sealed = sealAuditHead({ ...input.next, key: chainKey });
    const item = { ...headKey(sealed.coalitionId), ...sealed };
    if (!input.base) return putIf({ client, tableName, item, condition: 'attribute_not_exists(#sk)' });
    const { count, hash } = input.base;
    return putIf({ client, tableName, item, condition: '#count = :count AND #hash = :hash', names: { '#count': 'count', '#hash': 'hash' }, values: { ':count': count, ':hash': hash } });
  }

  /**
   * The first keyed append of a chain: a head for what is there already (entries from before the
   * key stay plain SHA-256, `keyedFrom` says where the keyed part starts).
   */
  async function startHead(coalitionId: string): Promise<void> {
    const latest = (await newest({ coalitionId, limit: 1 }))[0];
    const last = latest ? auditFrom(latest) : null;
    await moveHead({ base: null, next: { coalitionId, count: last?.seq ?? 0, hash: last?.hash ?? genesisHash, keyedFrom: (last?.seq ?? 0) + 1 } });
  }

  /** The entry after the head exists: a winner stopped before moving the head; move it for them. */
  async function helpAlong(head: AuditHead): Promise<void> {
    const item = await getOne({ client, tableName, key: key({ pk: auditKeys.pk(head.coalitionId), sk: auditKeys.entry(head.count + 1) }) });
    if (!item) return;
    const next = auditFrom(item);
    if (next.prevHash !== head.hash || !entryIsIntact({ entry: next, key: chainKey, keyedFrom: head.keyedFrom })) {
      throw fail.conflict('audit.chain-broken', `audit entry ${next.seq} does not follow the head: the log was tampered with`);
    }
    await moveHead({ base: head, next: { ...head, count: next.seq, hash: next.hash } });
  }

  async function append({ entry }: { entry: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'> }): Promise<AuditEntry> {
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, random() * Math.min(2 ** attempt, 50)));
      const head = await readHead(entry.coalitionId);
      if (!head) {
        await startHead(entry.coalitionId);
        continue;
      }
      const linked = chainAuditEntry({ previous: head.count ? { seq: head.count, hash: head.hash } : null, entry, key: chainKey });
      const item = { ...key({ pk: auditKeys.pk(linked.coalitionId), sk: auditKeys.entry(linked.seq) }), ...auditItem(linked) };
      const stored = await putIf({ client, tableName, item, condition: 'attribute_not_exists(#sk)' });
      if (!stored) {
        await helpAlong(head);
        continue;
      }
      // A failed condition here means another appender already moved the head onto this entry.
      await moveHead({ base: head, next: { ...head, count: linked.seq, hash: linked.hash } });
      return linked;
    }
    throw fail.conflict('audit.append-contended', `no audit entry appended after ${maxAttempts} attempts`);
  }

  async function all({ coalitionId }: { coalitionId: string }): Promise<AuditEntry[]> {
    return (await queryPrefix({ client, tableName, pk: auditKeys.pk(coalitionId), prefix: auditKeys.entryPrefix })).map(auditFrom);
  }

  return {
    append,

    async page({ coalitionId, beforeSeq, limit }) {
      if (limit <= 0 || (beforeSeq !== undefined && beforeSeq <= 1)) return [];
      const before = beforeSeq === undefined ? undefined : auditKeys.entry(beforeSeq - 1);
      return (await newest({ coalitionId, before, limit })).map(auditFrom);
    },

    all,

    head: ({ coalitionId }) => readHead(coalitionId),

    async verify({ coalitionId, anchors }) {
      // The head first: entries are written before it moves, so they are never behind it.
      const head = await readHead(coalitionId);
      return verifyAuditChain({ entries: await all({ coalitionId }), head, key: chainKey, anchors });
    },
  };
}

function headFrom(item: Item): AuditHead {
  const text = (name: string) => (typeof item[name] === 'string' ? (item[name] as string) : '');
  const number = (name: string) => (typeof item[name] === 'number' ? (item[name] as number) : -1);
  // A damaged field reads as a value the MAC will not match, not as a throw: verification says so.
  return { coalitionId: text('coalitionId'), count: number('count'), hash: text('hash'), keyedFrom: number('keyedFrom'), mac: text('mac') };
}
