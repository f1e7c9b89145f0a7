/**
 * In-memory negotiation ports for unit tests of the service: a `NegotiationStore` with the same
 * conditions as the DynamoDB one (`@concord/data` negotiation*.ts, data README DC15) — a status
 * moves only from the one read, one lock per item, a lift by consent only at the `rev` its
 * agreements were read at — evaluated synchronously so they cannot race; and the other ports
 * recording what they were given.
 */
import {
  makeId,
  negotiationLimits,
  statementAccess,
  type Amendment,
  type AmendmentPosition,
  type AmendmentPositionChange,
  type AuditEntry,
  type Bracket,
  type CommentThread,
  type Organisation,
  type Statement,
  type TaskForce,
  type TextChangeLock,
  type User,
} from '@concord/core';
import type { Notification } from '@concord/calls/ports';
import type { AssembledNotes, ChangeOutcome, ChangeTarget, NegotiationPorts, NegotiationStore } from './ports.ts';

type StoredAmendment = Amendment & { lock: TextChangeLock | null };
type StoredBracket = Bracket & { rev: number; lock: TextChangeLock | null };

interface Partition {
  threads: Map<string, CommentThread>;
  amendments: Map<string, StoredAmendment>;
  history: Map<string, AmendmentPositionChange[]>;
  brackets: Map<string, StoredBracket>;
}

const copy = <T>(value: T): T => structuredClone(value);
const byAt = <T extends { at: number }>(a: T, b: T) => a.at - b.at;

export function createMemoryNegotiationStore(): NegotiationStore {
  const partitions = new Map<string, Partition>();
  let changes = 0;
  const of = (docId: string): Partition => {
    let found = partitions.get(docId);
    if (!found) {
      found = { threads: new Map(), amendments: new Map(), history: new Map(), brackets: new Map() };
      partitions.set(docId, found);
    }
    return found;
  };
  const threadOut = (t: CommentThread): CommentThread => ({ ...copy(t), messages: copy(t.messages).sort((a, b) => a.at - b.at || a.id.localeCompare(b.id)) });
  const amendmentOut = (a: StoredAmendment): StoredAmendment => ({ ...copy(a), positions: copy(a.positions).sort(byAt) });
  const bracketOut = (b: StoredBracket): StoredBracket => ({ ...copy(b), holders: copy(b.holders).sort(byAt), alternatives: copy(b.alternatives).sort((x, y) => x.id.localeCompare(y.id)) });
  const item = (docId: string, target: ChangeTarget): StoredAmendment | StoredBracket | undefined =>
    target.kind === 'amendment' ? of(docId).amendments.get(target.id) : of(docId).brackets.get(target.id);

  function complete(docId: string, outcome: ChangeOutcome, token: string): boolean {
    const target: ChangeTarget = outcome.kind === 'settled' ? { kind: 'bracket', id: outcome.bracketId } : { kind: 'amendment', id: outcome.amendmentId };
    const found = item(docId, target);
    if (!found || found.lock?.token !== token) return false;
    found.lock = null;
    if (outcome.kind === 'accepted') Object.assign(found, { status: 'accepted', decidedBy: copy(outcome.by), applied: copy(outcome.applied) });
    else if (outcome.kind === 'reverted') Object.assign(found, { status: 'reverted', revertedBy: copy(outcome.by) });
    else Object.assign(found, { status: 'settled', closedBy: copy(outcome.by), applied: copy(outcome.applied), chosenAlternativeId: outcome.alternativeId, lift: outcome.lift, ruling: outcome.ruling });
    return true;
  }

  return {
    async list({ docId }): Promise<AssembledNotes> {
      const p = of(docId);
      return {
        threads: [...p.threads.values()].map(threadOut).sort((a, b) => a.createdAt - b.createdAt),
        amendments: [...p.amendments.values()].map(amendmentOut).sort((a, b) => a.proposedBy.at - b.proposedBy.at),
        brackets: [...p.brackets.values()].map(bracketOut).sort((a, b) => a.openedBy.at - b.openedBy.at),
      };
    },
    async getThread({ docId, threadId }) {
      const found = of(docId).threads.get(threadId);
      return found ? threadOut(found) : null;
    },
    async getAmendment({ docId, amendmentId }) {
      const found = of(docId).amendments.get(amendmentId);
      return found ? amendmentOut(found) : null;
    },
    async positionHistory({ docId, amendmentId }) {
      return copy(of(docId).history.get(amendmentId) ?? []);
    },
    async startThread({ thread }) {
      const p = of(thread.statementId);
      if (p.threads.has(thread.id)) throw new Error('thread exists');
      p.threads.set(thread.id, copy(thread));
    },
    async addMessage({ docId, message }) {
      const thread = of(docId).threads.get(message.threadId);
      if (!thread || thread.status !== 'open' || thread.messages.length >= negotiationLimits.messagesMax) return false;
      thread.messages.push(copy(message));
      return true;
    },
    async setThreadStatus({ docId, threadId, from, to, by }) {
      const thread = of(docId).threads.get(threadId);
      if (!thread || thread.status !== from) return false;
      thread.status = to;
      thread.statusChangedBy = copy(by);
      return true;
    },
    async propose({ amendment }) {
      const p = of(amendment.statementId);
      if (p.amendments.has(amendment.id)) throw new Error('amendment exists');
      p.amendments.set(amendment.id, { ...copy(amendment), positions: [], lock: null });
      p.history.set(amendment.id, []);
    },
    async setPosition({ docId, change }) {
      const p = of(docId);
      const amendment = p.amendments.get(change.amendmentId);
      if (!amendment || amendment.status !== 'proposed') return false;
      p.history.get(change.amendmentId)?.push({ ...copy(change), id: String(++changes).padStart(8, '0') });
      const others = amendment.positions.filter((position) => position.organisationId !== change.organisationId);
      const position: AmendmentPosition | null = change.stand === 'none' ? null : { organisationId: change.organisationId, stand: change.stand, userId: change.userId, at: change.at };
      amendment.positions = position ? [...others, position] : others;
      return true;
    },
    async decideAmendment({ docId, amendmentId, from, to, by }) {
      const amendment = of(docId).amendments.get(amendmentId);
      if (!amendment || amendment.status !== from || amendment.lock) return false;
      amendment.status = to;
      amendment.decidedBy = copy(by);
      return true;
    },

    async getBracket({ docId, bracketId }) {
      const found = of(docId).brackets.get(bracketId);
      return found ? bracketOut(found) : null;
    },
    async openBracket({ bracket }) {
      const p = of(bracket.statementId);
      if (p.brackets.has(bracket.id)) throw new Error('bracket exists');
      p.brackets.set(bracket.id, { ...copy(bracket), rev: 0, lock: null });
    },
    async joinBracket({ docId, bracketId, holder }) {
      const bracket = of(docId).brackets.get(bracketId);
      if (bracket?.holders.some((h) => h.organisationId === holder.organisationId)) return 'already';
      if (!bracket || bracket.status !== 'open') return 'closed';
      bracket.holders.push(copy(holder));
      bracket.rev += 1;
      return 'ok';
    },
    async leaveBracket({ docId, bracketId, by }) {
      const bracket = of(docId).brackets.get(bracketId);
      if (!bracket?.holders.some((h) => h.organisationId === by.organisationId)) return 'not-held';
      bracket.holders = bracket.holders.filter((h) => h.organisationId !== by.organisationId);
      if (bracket.status !== 'open' || bracket.lock || bracket.holders.length > 0) return 'left';
      Object.assign(bracket, { status: 'agreed', closedBy: copy(by), lift: 'released' });
      return 'released';
    },
    async addAlternative({ docId, bracketId, alternative }) {
      const bracket = of(docId).brackets.get(bracketId);
      if (!bracket || bracket.status !== 'open' || bracket.alternatives.length >= negotiationLimits.alternativesMax) return false;
      bracket.alternatives.push(copy(alternative));
      bracket.rev += 1;
      return true;
    },
    async recordAgreement({ docId, bracketId, organisationId, agreement }) {
      const bracket = of(docId).brackets.get(bracketId);
      const holder = bracket?.holders.find((h) => h.organisationId === organisationId);
      if (!bracket || !holder) return 'not-held';
      // The DynamoDB store writes the agreement, then finds the bracket closed and puts the earlier one back: the same end.
      if (bracket.status !== 'open') return 'closed';
      holder.agreement = copy(agreement);
      bracket.rev += 1;
      return 'ok';
    },
    async liftBracket({ docId, bracketId, by, lift, ruling, rev }) {
      const bracket = of(docId).brackets.get(bracketId);
      if (!bracket || bracket.status !== 'open' || bracket.lock || (rev !== null && bracket.rev !== rev)) return false;
      Object.assign(bracket, { status: 'agreed', closedBy: copy(by), lift, ruling });
      return true;
    },

    async lockChange({ docId, target, status, token, until, rev }) {
      const found = item(docId, target);
      if (!found || found.status !== status || found.lock) return false;
      // Only a bracket has a `rev`: an amendment locked with one fails, as the DynamoDB condition does.
      if (rev !== undefined && (!('rev' in found) || found.rev !== rev)) return false;
      found.lock = { token, until, pending: null };
      return true;
    },
    async notePending({ docId, target, token, pending }) {
      const found = item(docId, target);
      if (!found || found.lock?.token !== token) return false;
      found.lock.pending = copy(pending);
      return true;
    },
    async completeChange({ docId, token, outcome }) {
      return complete(docId, outcome, token);
    },
    async releaseChange({ docId, target, token }) {
      const found = item(docId, target);
      if (!found || found.lock?.token !== token) return false;
      found.lock = null;
      return true;
    },
  };
}

/**
 * The service's ports in memory: the coalition given, each statement's text as the Yjs updates
 * given and those the service made (`updates`), a freeze per statement (`frozen`), and what was
 * audited, announced, notified and mailed. Ids are made from a counter, in the ids' format.
 */
export function createMemoryNegotiationPorts(input: {
  statements: readonly Statement[];
  taskForces?: readonly TaskForce[];
  organisations: readonly Organisation[];
  users: readonly User[];
  now: () => number;
  lockMs?: number;
}) {
  const notes = createMemoryNegotiationStore();
  const updates = new Map<string, Uint8Array[]>();
  const frozen = new Map<string, string>();
  const audit: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>[] = [];
  const notices: { docId: string; notice: string }[] = [];
  const notifications: Notification[] = [];
  const mails: { to: string; subject: string; text: string }[] = [];
  let ids = 0;
  const ports: NegotiationPorts = {
    statements: {
      async accessible({ principal, id }) {
        const statement = input.statements.find((s) => s.id === id);
        if (!statement) return null;
        const taskForce = input.taskForces?.find((t) => t.id === statement.visibility.taskForceId) ?? null;
        return statementAccess({ actor: principal, statement, taskForce }) === 'none' ? null : { statement: copy(statement), taskForce: copy(taskForce) };
      },
    },
    directory: {
      organisations: { listByCoalition: async (coalitionId) => copy(input.organisations.filter((o) => o.coalitionId === coalitionId)) },
      users: { listByCoalition: async (coalitionId) => copy(input.users.filter((u) => u.coalitionId === coalitionId)) },
    },
    notes,
    texts: {
      async load({ docId }) {
        return { snapshot: null, version: 0, updates: (updates.get(docId) ?? []).map((update, n) => ({ key: String(n), update })) };
      },
      async frozenBy({ docId }) {
        return frozen.get(docId) ?? null;
      },
    },
    live: {
      async broadcastUpdate({ docId, update }) {
        updates.set(docId, [...(updates.get(docId) ?? []), update]);
      },
      async notify(notice) {
        notices.push(notice);
      },
    },
    audit: {
      async append({ entry }) {
        audit.push(copy(entry));
      },
    },
    mentions: {
      notifications: { add: async ({ notifications: told }) => void notifications.push(...copy(told)) },
      accounts: { get: async (userId) => ({ email: `${userId}@test.example`, locale: null }) },
      mailer: { send: async (mail) => void mails.push(mail) },
      wordMail: ({ facts }) => ({ subject: `${facts.author} mentioned ${facts.organisation}`, text: facts.body }),
    },
    now: input.now,
    newId: (prefix, now) => makeId({ prefix, now, random: new Uint8Array(10).map((_, n) => (n === 9 ? ++ids % 256 : n === 8 ? Math.floor(ids / 256) : 0)) }),
    lockMs: input.lockMs,
  };
  return {
    ports,
    notes,
    frozen,
    audit,
    notices,
    notifications,
    mails,
    /** Stores `update` as part of `docId`'s text (a statement's text before negotiating). */
    setText(docId: string, update: Uint8Array) {
      updates.set(docId, [...(updates.get(docId) ?? []), update]);
    },
  };
}
