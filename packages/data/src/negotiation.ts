/**
 * Comments, amendments and brackets of a statement (PROTOCOL.md §7) on one table without
 * transactions: one partition per statement (`NOTES#<docId>`), small items, and every change of
 * state a conditional write on the state it was read in — so of two people accepting the same
 * amendment, or resolving the same thread, exactly one succeeds. Brackets are in
 * `negotiation-brackets.ts`; changes of the text (accept, revert, settle with an alternative) take
 * a lock on their item first (`negotiation-changes.ts`). The contract, `NegotiationStore`, is
 * `@concord/negotiation`'s (its ports), as the calls store's is `@concord/calls`'.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { negotiationLimits } from '@concord/core';
import type { NegotiationStore } from '@concord/negotiation/ports';
import { monotonicFactory } from 'ulid';
import { createBracketNotes } from './negotiation-brackets.ts';
import { createChangeLocks } from './negotiation-changes.ts';
import { amendmentItem, assembleNotes, messageItem, positionChangeFrom, positionChangeItem, positionItem, threadItem } from './negotiation-shapes.ts';
import { negotiationKeys } from './keys.ts';
import type { NotesContext } from './negotiation-context.ts';
import { deleteItem, key, putIfAbsent, putItem, queryPrefix, updateIf, type Item } from './requests.ts';

export function createNegotiationStore(options: { client: DynamoDBDocumentClient; tableName: string }): NegotiationStore {
  const { client, tableName } = options;
  const ulid = monotonicFactory();
  const item = (docId: string, sk: string) => key({ pk: negotiationKeys.pk(docId), sk });

  const query = (docId: string, prefix?: string): Promise<Item[]> => queryPrefix({ client, tableName, pk: negotiationKeys.pk(docId), prefix: prefix || undefined });
  const put = (docId: string, sk: string, attributes: Item) => putItem({ client, tableName, item: { ...item(docId, sk), ...attributes } });
  const putNew = (docId: string, sk: string, attributes: Item) => putIfAbsent({ client, tableName, item: { ...item(docId, sk), ...attributes } });

  const update = (input: { docId: string; sk: string; set: string; condition: string; names?: Record<string, string>; values: Record<string, unknown> }) => {
    // DynamoDB refuses names an expression does not use (`status` is a reserved word, hence `#status`).
    const names = { ...(`${input.set} ${input.condition}`.includes('#status') ? { '#status': 'status' } : {}), ...input.names };
    return updateIf({ client, tableName, key: item(input.docId, input.sk), update: input.set, condition: input.condition, names, values: input.values });
  };

  const context: NotesContext = { client, tableName, query, put, putNew, update, item };

  return {
    ...createBracketNotes(context),
    ...createChangeLocks(context),

    async list({ docId }) {
      return assembleNotes(await query(docId));
    },

    async getThread({ docId, threadId }) {
      return assembleNotes(await query(docId, negotiationKeys.thread(threadId))).threads.find((t) => t.id === threadId) ?? null;
    },

    async getAmendment({ docId, amendmentId }) {
      return assembleNotes(await query(docId, negotiationKeys.amendment(amendmentId))).amendments.find((a) => a.id === amendmentId) ?? null;
    },

    async positionHistory({ docId, amendmentId }) {
      const items = await query(docId, negotiationKeys.positionChangePrefix(amendmentId));
      return items.map(positionChangeFrom);
    },

    async startThread({ thread }) {
      // Messages first: a thread is visible only once complete (a message without its thread is left out).
      for (const message of thread.messages) await put(thread.statementId, negotiationKeys.message({ threadId: thread.id, messageId: message.id }), messageItem(message));
      if (!(await putNew(thread.statementId, negotiationKeys.thread(thread.id), threadItem(thread)))) throw new Error(`thread ${thread.id} exists`);
    },

    async addMessage({ docId, message }) {
      const open = await update({
        docId,
        sk: negotiationKeys.thread(message.threadId),
        set: 'ADD messageCount :one',
        condition: '#status = :open AND messageCount < :max',
        values: { ':one': 1, ':open': 'open', ':max': negotiationLimits.messagesMax },
      });
      if (open) await put(docId, negotiationKeys.message({ threadId: message.threadId, messageId: message.id }), messageItem(message));
      return open;
    },

    async setThreadStatus({ docId, threadId, from, to, by }) {
      return update({
        docId,
        sk: negotiationKeys.thread(threadId),
        set: 'SET #status = :to, statusChangedBy = :by',
        condition: '#status = :from',
        values: { ':from': from, ':to': to, ':by': { ...by } },
      });
    },

    async propose({ amendment }) {
      if (!(await putNew(amendment.statementId, negotiationKeys.amendment(amendment.id), amendmentItem(amendment)))) throw new Error(`amendment ${amendment.id} exists`);
    },

    async setPosition({ docId, change }) {
      const { amendmentId, organisationId } = change;
      // The gate: only while proposed. A decision landing just after still finds the position harmless.
      const open = await update({ docId, sk: negotiationKeys.amendment(amendmentId), set: 'ADD positionsRev :one', condition: '#status = :proposed', values: { ':one': 1, ':proposed': 'proposed' } });
      if (!open) return false;
      const id = ulid(change.at);
      await put(docId, negotiationKeys.positionChange({ amendmentId, changeId: id }), positionChangeItem({ ...change, id }));
      const current = negotiationKeys.position({ amendmentId, organisationId });
      if (change.stand === 'none') await deleteItem({ client, tableName, key: item(docId, current) });
      else await put(docId, current, positionItem({ amendmentId, position: { organisationId, stand: change.stand, userId: change.userId, at: change.at } }));
      return true;
    },

    async decideAmendment({ docId, amendmentId, from, to, by }) {
      return update({
        docId,
        sk: negotiationKeys.amendment(amendmentId),
        set: 'SET #status = :to, decidedBy = :by',
        condition: '#status = :from AND attribute_not_exists(#lock)',
        names: { '#lock': 'lock' },
        values: { ':from': from, ':to': to, ':by': { ...by } },
      });
    },
  };
}
