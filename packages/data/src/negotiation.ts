/**
 * Comments, amendments and brackets of a statement (PROTOCOL.md §7) on one table without
 * transactions: one partition per statement (`NOTES#<docId>`), small items, and every change of
 * state a conditional write on the state it was read in — so of two people accepting the same
 * amendment, or resolving the same thread, exactly one succeeds. Brackets are in
 * `negotiation-brackets.ts`; changes of the text (accept, revert, settle with an alternative) take
 * a lock on their item first (`negotiation-changes.ts`).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Act, Amendment, AmendmentPositionChange, AmendmentStatus, CommentMessage, CommentThread, ThreadStatus } from '@concord/core';
import { negotiationLimits } from '@concord/core';
import { monotonicFactory } from 'ulid';
import { createBracketNotes, type BracketNotes } from './negotiation-brackets.ts';
import { createChangeLocks, type ChangeLocks } from './negotiation-changes.ts';
import { amendmentItem, assembleNotes, messageItem, positionChangeFrom, positionChangeItem, positionItem, threadItem, type AssembledNotes } from './negotiation-shapes.ts';
import { negotiationKeys } from './keys.ts';
import type { NotesContext } from './negotiation-context.ts';
import { deleteItem, key, putIfAbsent, putItem, queryPrefix, updateIf, type Item } from './requests.ts';

export type { AssembledNotes } from './negotiation-shapes.ts';

export interface NegotiationStore extends BracketNotes, ChangeLocks {
  /** Everything of one statement, with one consistent query; amendments and brackets with their lock, if any. */
  list(input: { docId: string }): Promise<AssembledNotes>;
  getThread(input: { docId: string; threadId: string }): Promise<CommentThread | null>;
  getAmendment(input: { docId: string; amendmentId: string }): Promise<AssembledNotes['amendments'][number] | null>;
  /** Every position taken on an amendment, oldest first (`none`: a position dropped). */
  positionHistory(input: { docId: string; amendmentId: string }): Promise<AmendmentPositionChange[]>;
  /** Stores a new thread with its first message (`thread.messages[0]`). */
  startThread(input: { thread: CommentThread }): Promise<void>;
  /** Adds a reply; false (nothing stored) when the thread is not open any more, or full. */
  addMessage(input: { docId: string; message: CommentMessage }): Promise<boolean>;
  /** Resolves or reopens; false when the thread was not in `from` any more. */
  setThreadStatus(input: { docId: string; threadId: string; from: ThreadStatus; to: ThreadStatus; by: Act }): Promise<boolean>;
  /** Stores a new amendment; one with its id must not exist. */
  propose(input: { amendment: Amendment }): Promise<void>;
  /**
   * Records an organisation's position (`none` drops it): the current one is overwritten, the change
   * kept. False (nothing stored) when the amendment is not proposed any more.
   */
  setPosition(input: { docId: string; change: Omit<AmendmentPositionChange, 'id'> }): Promise<boolean>;
  /** Rejects or withdraws: false when it was not in `from` any more, or a decision is changing the text. */
  decideAmendment(input: { docId: string; amendmentId: string; from: AmendmentStatus; to: 'rejected' | 'withdrawn'; by: Act }): Promise<boolean>;
}

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
