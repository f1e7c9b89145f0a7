/**
 * In-memory call ports for unit tests of the call service and the web's call pages: the same
 * conditions as the DynamoDB stores (one close, positions only while open and before the
 * deadline), evaluated synchronously so they cannot race.
 */
import { computeOutcome, type AuditEntry, type Coalition, type ConsensusCall, type Organisation, type PositionChange, type Statement, type TaskForce, type User } from '@concord/core';
import type { CallStore } from './ports.ts';
import type { CallPorts, NamedVersion } from './ports.ts';
import type { Notification, NotificationStore, StoredNotification } from './ports.ts';

export function createMemoryCallStore(): CallStore {
  const calls = new Map<string, ConsensusCall>();
  const histories = new Map<string, PositionChange[]>();
  /** The due list: calls not yet settled. */
  const unsettled = new Set<string>();
  const copy = (call: ConsensusCall): ConsensusCall => structuredClone(call);
  let seq = 0;
  return {
    async create(call) {
      if (calls.has(call.id)) throw new Error('call exists');
      calls.set(call.id, copy({ ...call, positions: [], extensions: [] }));
      unsettled.add(call.id);
      histories.set(call.id, []);
    },
    async get(callId) {
      const call = calls.get(callId);
      return call ? copy(call) : null;
    },
    async listByStatement(statementId) {
      return [...calls.values()].filter((c) => c.statementId === statementId).sort((a, b) => b.openedAt - a.openedAt).map(copy);
    },
    async listDue({ now }) {
      return [...calls.values()].filter((c) => unsettled.has(c.id) && c.deadline <= now).map((c) => c.id);
    },
    async history(callId) {
      return structuredClone(histories.get(callId) ?? []);
    },
    async takePosition({ callId, position, now }) {
      const call = calls.get(callId);
      const counted = !!call && call.status === 'open' && call.deadline > now;
      histories.get(callId)?.push({ ...position, id: String(++seq).padStart(8, '0'), voided: !counted });
      if (!call || !counted) return 'closed';
      call.positions = [...call.positions.filter((p) => p.organisationId !== position.organisationId), position].sort((a, b) => a.organisationId.localeCompare(b.organisationId));
      return 'ok';
    },
    async extend({ callId, from, deadline, by, now, reason = null }) {
      const call = calls.get(callId);
      if (!call || call.status !== 'open' || call.deadline !== from || call.deadline <= now || deadline <= from) return false;
      call.extensions.push({ from, to: deadline, by, at: now, reason });
      call.deadline = deadline;
      return true;
    },
    async withdraw({ callId, by, now }) {
      const call = calls.get(callId);
      if (!call || call.status !== 'open') return false;
      Object.assign(call, { status: 'withdrawn', withdrawnAt: now, withdrawnBy: by });
      return true;
    },
    async close({ callId, by, now }) {
      const call = calls.get(callId);
      if (!call || call.status !== 'open' || (by === null && call.deadline > now)) return null;
      Object.assign(call, { status: 'closed', closedAt: now, closedBy: by });
      call.outcome = computeOutcome({ call, positions: call.positions });
      return copy(call);
    },
    async closed({ callId }) {
      const call = calls.get(callId);
      if (!call || call.status !== 'closed') return null;
      call.outcome ??= computeOutcome({ call, positions: call.positions });
      return copy(call);
    },
    async settle({ callId }) {
      unsettled.delete(callId);
    },
    async markReminded({ callId, reminder }) {
      const call = calls.get(callId);
      if (!call || call.reminders.includes(reminder)) return false;
      call.reminders.push(reminder);
      return true;
    },
  };
}

export function createMemoryNotifications(): NotificationStore & { all: StoredNotification[] } {
  const all: StoredNotification[] = [];
  const idOf = (n: Notification) => `N#${String(n.at).padStart(15, '0')}#${n.eventId}`;
  return {
    all,
    async add({ notifications }) {
      for (const n of notifications) {
        if (!all.some((s) => s.userId === n.userId && s.id === idOf(n))) all.push({ ...n, id: idOf(n), readAt: null });
      }
    },
    async list({ userId, limit = 50 }) {
      return all.filter((n) => n.userId === userId).sort((a, b) => b.id.localeCompare(a.id)).slice(0, limit);
    },
    async unreadCount({ userId }) {
      return all.filter((n) => n.userId === userId && n.readAt === null).length;
    },
    async markRead({ userId, ids, now }) {
      for (const n of all) if (n.userId === userId && n.readAt === null && (!ids || ids.includes(n.id))) n.readAt = now;
    },
  };
}

/** Everything a call needs, in memory, with the text's state set by the test. */
export function createMemoryCallPorts(input: { statements: Statement[]; organisations: Organisation[]; users: User[]; taskForces?: TaskForce[]; coalitions?: Coalition[] }) {
  const text = { version: null as NamedVersion | null, clean: true, hash: '' };
  const frozen = new Map<string, string>();
  const audit: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>[] = [];
  const live = { evicted: [] as string[], notices: [] as string[] };
  const notifications = createMemoryNotifications();
  let next = 0;
  const ports: CallPorts = {
    calls: createMemoryCallStore(),
    text: {
      latestNamedVersion: async () => text.version,
      isClean: async () => text.clean,
      currentHash: async () => text.hash,
    },
    freezer: {
      async freeze({ docId, by }) {
        if (frozen.has(docId)) return false;
        frozen.set(docId, by);
        return true;
      },
      async unfreeze({ docId, by }) {
        if (frozen.get(docId) === by) frozen.delete(docId);
      },
      frozenBy: async ({ docId }) => frozen.get(docId) ?? null,
    },
    live: {
      async evictDocument({ docId }) {
        live.evicted.push(docId);
        return 0;
      },
      async notify({ notice }) {
        live.notices.push(notice);
      },
    },
    directory: {
      async statement(id) {
        const statement = input.statements.find((s) => s.id === id);
        if (!statement) return null;
        return { statement, taskForce: input.taskForces?.find((t) => t.id === statement.visibility.taskForceId) ?? null };
      },
      coalition: async (id) => input.coalitions?.find((c) => c.id === id) ?? { id, name: id },
      organisations: async (coalitionId) => input.organisations.filter((o) => o.coalitionId === coalitionId),
      users: async (coalitionId) => input.users.filter((u) => u.coalitionId === coalitionId),
    },
    audit: {
      async append({ entry }) {
        audit.push(entry);
      },
    },
    notifications,
    newId: () => `call-${++next}`,
  };
  return { ports, text, frozen, audit, live, notifications };
}
