/**
 * The audit log as the chair and the secretariat read it: newest first, a page at a time, with
 * names resolved when shown (a removed person reads "Former delegate"), the whole chain
 * verified on demand (against an anchor noted earlier, when given), and the current anchor.
 */
import { formatAuditAnchor, parseAuditAnchor, type ChainProblem } from '@concord/auth/audit-chain';
import { authorize, type AuditEntry, type Organisation, type Principal, type User } from '@concord/core';
import { m } from '../paraglide/messages.js';
import type { WebContext } from './context.ts';
import { enforce } from './guard.ts';

export const auditPageSize = 50;

export interface AuditRow {
  seq: number;
  at: number;
  actorName: string;
  organisationName: string;
  action: string;
  subject: string;
  details: { name: string; value: string }[];
}

export interface AuditPage {
  rows: AuditRow[];
  /** `before` for the next (older) page, or null on the last page. */
  olderBefore: number | null;
}

type Context = Pick<WebContext, 'audit' | 'directory'>;

function checkRead(actor: Principal): void {
  enforce(authorize({ actor, action: 'audit.read', coalitionId: actor.coalitionId }));
}

/** `before` from the query string: a positive whole number, or undefined for the newest page. */
export function parseBefore(value: string | null): number | undefined {
  if (value === null || !/^\d{1,12}$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
}

export function personName(user: Pick<User, 'name' | 'status'> | undefined): string {
  if (!user) return m.audit_unknown_person();
  return user.status === 'removed' ? m.former_delegate() : user.name;
}

/** One entry as a row: names looked up, details as text. */
export function toRow(input: { entry: AuditEntry; users: Map<string, User>; organisations: Map<string, Organisation> }): AuditRow {
  const { entry } = input;
  const actor = entry.actor;
  const detailName = (value: string | number | boolean | null, key: string) =>
    key === 'organisationId' && typeof value === 'string' ? (input.organisations.get(value)?.name ?? value) : value === null ? '—' : String(value);
  return {
    seq: entry.seq,
    at: entry.at,
    actorName: actor ? personName(input.users.get(actor.userId)) : m.audit_the_system(),
    organisationName: actor ? (input.organisations.get(actor.organisationId)?.name ?? '') : '',
    action: entry.action,
    subject: entry.subject.kind === 'user' ? `${entry.subject.kind}: ${personName(input.users.get(entry.subject.id))}` : `${entry.subject.kind}: ${entry.subject.id}`,
    details: Object.entries(entry.details).map(([key, value]) => ({ name: key === 'organisationId' ? 'organisation' : key, value: detailName(value, key) })),
  };
}

export async function auditPage(input: { context: Context; actor: Principal; before?: number; limit?: number }): Promise<AuditPage> {
  const { context, actor } = input;
  checkRead(actor);
  const limit = input.limit ?? auditPageSize;
  const [entries, users, organisations] = await Promise.all([
    context.audit.page({ coalitionId: actor.coalitionId, beforeSeq: input.before, limit }),
    context.directory.users.listByCoalition(actor.coalitionId),
    context.directory.organisations.listByCoalition(actor.coalitionId),
  ]);
  const maps = { users: new Map(users.map((u) => [u.id, u])), organisations: new Map(organisations.map((o) => [o.id, o])) };
  const last = entries.at(-1);
  return { rows: entries.map((entry) => toRow({ entry, ...maps })), olderBefore: entries.length === limit && last && last.seq > 1 ? last.seq : null };
}

/** What verifying the chain found, with a broken chain's problem in the reader's language. */
export type AuditVerdict = { ok: true; entries: number } | { ok: false; seq: number; message: string };

const problemText: Record<ChainProblem, (seq: number) => string> = {
  missing: (seq) => m.audit_chain_missing({ seq }),
  unlinked: (seq) => m.audit_chain_out_of_order({ seq }),
  changed: (seq) => m.audit_chain_changed({ seq }),
  head: (seq) => m.audit_chain_head({ seq }),
  anchor: (seq) => m.audit_chain_anchor({ seq }),
};

/**
 * Verifies the coalition's whole chain, against its head and, when given, an anchor noted
 * earlier outside Concord (`count:hash`, as this page and the public audit-anchor show it).
 */
export async function verifyChain(input: { context: Context; actor: Principal; anchor?: string }): Promise<AuditVerdict> {
  checkRead(input.actor);
  const text = input.anchor?.trim() ?? '';
  const anchor = text ? parseAuditAnchor(text) : null;
  if (text && !anchor) return { ok: false, seq: 0, message: m.audit_anchor_malformed() };
  const verdict = await input.context.audit.verify({ coalitionId: input.actor.coalitionId, anchors: anchor ? [anchor] : [] });
  if (verdict.ok) return { ok: true, entries: verdict.entries };
  return { ok: false, seq: verdict.seq, message: problemText[verdict.problem](verdict.seq) };
}

/** The current anchor (`count:hash`) for the chair and the secretariat to note down, or null before any entry. */
export async function currentAnchor(input: { context: Context; actor: Principal }): Promise<string | null> {
  checkRead(input.actor);
  const head = await input.context.audit.head({ coalitionId: input.actor.coalitionId });
  return head ? formatAuditAnchor(head) : null;
}
