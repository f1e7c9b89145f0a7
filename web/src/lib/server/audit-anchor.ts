/**
 * The audit log's public anchor (issue 12 §5): the head of a coalition's chain (how many entries,
 * the newest hash), published outside the table so that anyone — members, observers, an archive
 * crawler — can note it, and the chair can later verify the log against what was noted. It says
 * how many acts were audited and nothing else: the hash is a keyed MAC, it reveals no content.
 */
import { formatAuditAnchor } from '@concord/auth/audit-chain';
import { fail, genesisHash } from '@concord/core';
import { m } from '../paraglide/messages.js';
import type { WebContext } from './context.ts';

export interface PublicAnchor {
  coalitionId: string;
  count: number;
  hash: string;
  /** `count:hash`, as the audit page's verify form takes it. */
  anchor: string;
}

/** The coalition's current anchor; a not-found DomainError for an unknown coalition. */
export async function publicAnchor(input: { context: Pick<WebContext, 'directory' | 'audit'>; coalitionId: string }): Promise<PublicAnchor> {
  const { context, coalitionId } = input;
  const coalition = coalitionId.length <= 80 ? await context.directory.coalitions.get(coalitionId) : null;
  if (!coalition) throw fail.notFound('coalition.not-found', m.anchor_coalition_not_found());
  const head = (await context.audit.head({ coalitionId })) ?? { count: 0, hash: genesisHash };
  return { coalitionId, count: head.count, hash: head.hash, anchor: formatAuditAnchor(head) };
}
