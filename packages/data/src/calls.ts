/**
 * Consensus calls on one table without transactions. The call item holds the current position of
 * each organisation in a map (`latest.<orgId>`: stance, confirmation, who, when, history id); every
 * position taken is also a history item in the call's partition, with its reason and explanation.
 * Taking a position and closing the call are conditional updates of the same item, so they are
 * ordered: a position counts only if it landed while the call was open and before its deadline,
 * and the outcome is computed from exactly the positions the closing update returned.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CallStore } from '@concord/calls/ports';
import { computeOutcome, type ConsensusCall, type Position, type PositionChange } from '@concord/core';
import { monotonicFactory } from 'ulid';
import { callFrom, callItem, changeFrom, changeItem, latestEntry, type LatestEntry } from './call-shapes.ts';
import { callKeys } from './keys.ts';
import { deleteItem, key, putIfAbsent, putItem, queryPrefix, queryRange, updateIf, updateItem } from './requests.ts';
import { tableDefinition } from './table-definition.ts';

export function createCallStore(options: { client: DynamoDBDocumentClient; tableName: string }): CallStore {
  const { client, tableName } = options;
  const ulid = monotonicFactory();
  const callKey = (callId: string) => key({ pk: callKeys.pk(callId), sk: callKeys.sk });
  const { gsi1 } = tableDefinition.indexes;

  const readPartition = (callId: string) => queryPrefix({ client, tableName, pk: callKeys.pk(callId) });
  const historyKey = (callId: string, id: string) => key({ pk: callKeys.pk(callId), sk: callKeys.history(id) });
  /** A conditional update of the call item: false when the condition failed. */
  const updateCall = (callId: string, input: { update: string; condition: string; values: Record<string, unknown>; names?: Record<string, string> }) =>
    updateIf({ client, tableName, key: callKey(callId), ...input });

  /** The call with each current position joined to its history item (reason, explanation). */
  async function assemble(callId: string): Promise<ConsensusCall | null> {
    const items = await readPartition(callId);
    const callRow = items.find((item) => item[tableDefinition.sortKey] === callKeys.sk);
    if (!callRow) return null;
    const changes = new Map(items.filter((item) => item !== callRow).map((item) => [changeFrom(item).id, changeFrom(item)]));
    return callFrom({ item: callRow, changes });
  }

  async function putDue(call: { id: string; deadline: number }) {
    const item = { ...key(callKeys.due(call.id)), callId: call.id, [gsi1.partitionKey]: callKeys.openCalls, [gsi1.sortKey]: callKeys.dueEntry({ deadline: call.deadline, callId: call.id }) };
    await putItem({ client, tableName, item });
  }

  /** The closed call with its outcome, computed from its stored positions and recorded once. */
  async function recordOutcome(callId: string): Promise<ConsensusCall | null> {
    const call = await assemble(callId);
    if (!call) return null;
    if (call.outcome) return call;
    const outcome = computeOutcome({ call, positions: call.positions });
    // A crash before this write leaves a closed call without its record: `closed` recomputes the
    // same one (positions are final once closed).
    await updateCall(callId, { update: 'SET outcome = :outcome', condition: 'attribute_not_exists(outcome)', values: { ':outcome': outcome } });
    return { ...call, outcome };
  }

  return {
    async create(call) {
      const item = {
        ...callKey(call.id),
        ...callItem(call),
        [gsi1.partitionKey]: callKeys.byStatement(call.statementId),
        [gsi1.sortKey]: callKeys.statementEntry({ openedAt: call.openedAt, callId: call.id }),
      };
      if (!(await putIfAbsent({ client, tableName, item }))) throw new Error(`call ${call.id} exists`);
      await putDue(call);
    },

    get: assemble,

    async listByStatement(statementId) {
      const entries = await queryPrefix({ client, tableName, index: 'gsi1', pk: callKeys.byStatement(statementId), descending: true });
      const calls = await Promise.all(entries.map((entry) => assemble(String(entry.id))));
      return calls.filter((call): call is ConsensusCall => call !== null);
    },

    async listDue({ now }) {
      const entries = await queryRange({ client, tableName, index: 'gsi1', pk: callKeys.openCalls, through: callKeys.dueThrough(now) });
      return entries.map((entry) => String(entry.callId));
    },

    async history(callId) {
      const items = await readPartition(callId);
      return items.filter((item) => String(item[tableDefinition.sortKey]).startsWith(callKeys.historyPrefix)).map(changeFrom);
    },

    async takePosition({ callId, position, now }) {
      const id = ulid(now);
      // History first, so a counted position always has its reason and explanation stored.
      await putItem({ client, tableName, item: { ...historyKey(callId, id), ...changeItem({ ...position, id, voided: false }) } });
      const entry: LatestEntry = latestEntry({ position, historyId: id });
      const counted = await updateCall(callId, {
        update: 'SET latest.#org = :entry',
        condition: '#status = :open AND deadline > :now',
        names: { '#org': position.organisationId, '#status': 'status' },
        values: { ':entry': entry, ':open': 'open', ':now': now },
      });
      if (counted) return 'ok';
      await updateItem({ client, tableName, key: historyKey(callId, id), update: 'SET voided = :yes', values: { ':yes': true } });
      return 'closed';
    },

    async extend({ callId, from, deadline, by, now, reason = null }) {
      const extended = await updateCall(callId, {
        update: 'SET extensions = list_append(extensions, :ext), deadline = :to',
        condition: '#status = :open AND deadline = :from AND deadline > :now AND :to > :from',
        names: { '#status': 'status' },
        values: { ':open': 'open', ':now': now, ':from': from, ':to': deadline, ':ext': [{ from, to: deadline, by, at: now, reason }] },
      });
      if (extended) await putDue({ id: callId, deadline });
      return extended;
    },

    withdraw: ({ callId, by, now }) =>
      updateCall(callId, {
        update: 'SET #status = :withdrawn, withdrawnAt = :now, withdrawnBy = :by',
        condition: '#status = :open',
        names: { '#status': 'status' },
        values: { ':open': 'open', ':withdrawn': 'withdrawn', ':now': now, ':by': by },
      }),

    async close({ callId, by, now }) {
      // At the deadline (by the system) only once it passed; early (by a person) any time while open.
      const closed = await updateCall(callId, {
        update: 'SET #status = :closed, closedAt = :now, closedBy = :by',
        condition: by === null ? '#status = :open AND deadline <= :now' : '#status = :open',
        names: { '#status': 'status' },
        values: { ':open': 'open', ':closed': 'closed', ':now': now, ':by': by },
      });
      if (!closed) return null;
      return recordOutcome(callId);
    },

    async closed({ callId }) {
      const call = await assemble(callId);
      return call?.status === 'closed' ? recordOutcome(callId) : null;
    },

    async settle({ callId }) {
      await deleteItem({ client, tableName, key: key(callKeys.due(callId)) });
    },

    markReminded: ({ callId, reminder }) =>
      updateCall(callId, { update: 'ADD reminders :r', condition: 'NOT contains(reminders, :one)', values: { ':r': new Set([reminder]), ':one': reminder } }),
  };
}
