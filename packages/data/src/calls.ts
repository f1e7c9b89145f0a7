/**
 * Consensus calls on one table without transactions. The call item holds the current position of
 * each organisation in a map (`latest.<orgId>`: stance, confirmation, who, when, history id); every
 * position taken is also a history item in the call's partition, with its reason and explanation.
 * Taking a position and closing the call are conditional updates of the same item, so they are
 * ordered: a position counts only if it landed while the call was open and before its deadline,
 * and the outcome is computed from exactly the positions the closing update returned.
 */
import { DeleteCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CallStore } from '@concord/calls/ports';
import { computeOutcome, type ConsensusCall, type Position, type PositionChange } from '@concord/core';
import { monotonicFactory } from 'ulid';
import { callFrom, callItem, changeFrom, changeItem, latestEntry, type LatestEntry } from './call-shapes.ts';
import { callKeys } from './keys.ts';
import { conditionally, key, queryAll } from './requests.ts';
import { tableDefinition } from './table-definition.ts';
import { gsi1IndexName } from './table.ts';


export function createCallStore(options: { client: DynamoDBDocumentClient; tableName: string }): CallStore {
  const { client, tableName } = options;
  const ulid = monotonicFactory();
  const callKey = (callId: string) => key({ pk: callKeys.pk(callId), sk: callKeys.sk });
  const { gsi1 } = tableDefinition.indexes;

  async function readPartition(callId: string) {
    return queryAll({
      client,
      query: { TableName: tableName, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': tableDefinition.partitionKey }, ExpressionAttributeValues: { ':pk': callKeys.pk(callId) }, ConsistentRead: true },
    });
  }

  /** The call with each current position joined to its history item (reason, explanation). */
  async function assemble(callId: string): Promise<ConsensusCall | null> {
    const items = await readPartition(callId);
    const callRow = items.find((item) => item[tableDefinition.sortKey] === callKeys.sk);
    if (!callRow) return null;
    const changes = new Map(items.filter((item) => item !== callRow).map((item) => [changeFrom(item).id, changeFrom(item)]));
    return callFrom({ item: callRow, changes });
  }

  async function putDue(call: { id: string; deadline: number }) {
    const due = callKeys.due(call.id);
    await client.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...key(due), callId: call.id, [gsi1.partitionKey]: callKeys.openCalls, [gsi1.sortKey]: callKeys.dueEntry({ deadline: call.deadline, callId: call.id }) },
      }),
    );
  }

  /** The closed call with its outcome, computed from its stored positions and recorded once. */
  async function recordOutcome(callId: string): Promise<ConsensusCall | null> {
    const call = await assemble(callId);
    if (!call) return null;
    if (call.outcome) return call;
    const outcome = computeOutcome({ call, positions: call.positions });
    // A crash before this write leaves a closed call without its record: `closed` recomputes the
    // same one (positions are final once closed).
    await conditionally(() =>
      client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: callKey(callId),
          UpdateExpression: 'SET outcome = :outcome',
          ConditionExpression: 'attribute_not_exists(outcome)',
          ExpressionAttributeValues: { ':outcome': outcome },
        }),
      ),
    );
    return { ...call, outcome };
  }

  return {
    async create(call) {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...callKey(call.id),
            ...callItem(call),
            [gsi1.partitionKey]: callKeys.byStatement(call.statementId),
            [gsi1.sortKey]: callKeys.statementEntry({ openedAt: call.openedAt, callId: call.id }),
          },
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': tableDefinition.partitionKey },
        }),
      );
      await putDue(call);
    },

    get: assemble,

    async listByStatement(statementId) {
      const entries = await queryAll({
        client,
        query: {
          TableName: tableName,
          IndexName: gsi1IndexName,
          KeyConditionExpression: '#g = :g',
          ExpressionAttributeNames: { '#g': gsi1.partitionKey },
          ExpressionAttributeValues: { ':g': callKeys.byStatement(statementId) },
          ScanIndexForward: false,
        },
      });
      const calls = await Promise.all(entries.map((entry) => assemble(String(entry.id))));
      return calls.filter((call): call is ConsensusCall => call !== null);
    },

    async listDue({ now }) {
      const entries = await queryAll({
        client,
        query: {
          TableName: tableName,
          IndexName: gsi1IndexName,
          KeyConditionExpression: '#g = :g AND #s <= :upTo',
          ExpressionAttributeNames: { '#g': gsi1.partitionKey, '#s': gsi1.sortKey },
          ExpressionAttributeValues: { ':g': callKeys.openCalls, ':upTo': callKeys.dueEntry({ deadline: now, callId: '~' }) },
        },
      });
      return entries.map((entry) => String(entry.callId));
    },

    async history(callId) {
      const items = await readPartition(callId);
      return items.filter((item) => String(item[tableDefinition.sortKey]).startsWith(callKeys.historyPrefix)).map(changeFrom);
    },

    async takePosition({ callId, position, now }) {
      const id = ulid(now);
      // History first, so a counted position always has its reason and explanation stored.
      await client.send(new PutCommand({ TableName: tableName, Item: { ...key({ pk: callKeys.pk(callId), sk: callKeys.history(id) }), ...changeItem({ ...position, id, voided: false }) } }));
      const entry: LatestEntry = latestEntry({ position, historyId: id });
      const counted = await conditionally(() =>
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: callKey(callId),
            UpdateExpression: 'SET latest.#org = :entry',
            ConditionExpression: '#status = :open AND deadline > :now',
            ExpressionAttributeNames: { '#org': position.organisationId, '#status': 'status' },
            ExpressionAttributeValues: { ':entry': entry, ':open': 'open', ':now': now },
          }),
        ),
      );
      if (counted) return 'ok';
      await client.send(new UpdateCommand({ TableName: tableName, Key: key({ pk: callKeys.pk(callId), sk: callKeys.history(id) }), UpdateExpression: 'SET voided = :yes', ExpressionAttributeValues: { ':yes': true } }));
      return 'closed';
    },

    async extend({ callId, from, deadline, by, now, reason = null }) {
      const extended = await conditionally(() =>
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: callKey(callId),
            UpdateExpression: 'SET extensions = list_append(extensions, :ext), deadline = :to',
            ConditionExpression: '#status = :open AND deadline = :from AND deadline > :now AND :to > :from',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':open': 'open', ':now': now, ':from': from, ':to': deadline, ':ext': [{ from, to: deadline, by, at: now, reason }] },
          }),
        ),
      );
      if (extended) await putDue({ id: callId, deadline });
      return extended;
    },

    async withdraw({ callId, by, now }) {
      const withdrawn = await conditionally(() =>
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: callKey(callId),
            UpdateExpression: 'SET #status = :withdrawn, withdrawnAt = :now, withdrawnBy = :by',
            ConditionExpression: '#status = :open',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':open': 'open', ':withdrawn': 'withdrawn', ':now': now, ':by': by },
          }),
        ),
      );
      return withdrawn;
    },

    async close({ callId, by, now }) {
      // At the deadline (by the system) only once it passed; early (by a person) any time while open.
      const closed = await conditionally(() =>
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: callKey(callId),
            UpdateExpression: 'SET #status = :closed, closedAt = :now, closedBy = :by',
            ConditionExpression: by === null ? '#status = :open AND deadline <= :now' : '#status = :open',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':open': 'open', ':closed': 'closed', ':now': now, ':by': by },
          }),
        ),
      );
      if (!closed) return null;
      return recordOutcome(callId);
    },

    async closed({ callId }) {
      const call = await assemble(callId);
      return call?.status === 'closed' ? recordOutcome(callId) : null;
    },

    async settle({ callId }) {
      await client.send(new DeleteCommand({ TableName: tableName, Key: key(callKeys.due(callId)) }));
    },

    async markReminded({ callId, reminder }) {
      return conditionally(() =>
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: callKey(callId),
            UpdateExpression: 'ADD reminders :r',
            ConditionExpression: 'NOT contains(reminders, :one)',
            ExpressionAttributeValues: { ':r': new Set([reminder]), ':one': reminder },
          }),
        ),
      );
    },
  };
}
