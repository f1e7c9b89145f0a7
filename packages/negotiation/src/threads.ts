/** Comment threads: start one on a range, reply (mentioning organisations), resolve, reopen. */
import { checkCommentBody, checkQuote, checkReply, checkThreadMove, fail, type CommentThread, type ThreadStatus } from '@concord/core';
import type { Negotiating } from './access.ts';
import type { NegotiationPorts } from './ports.ts';
import type { NegotiationOp } from './input.ts';
import { checkedMentions, tellMentioned } from './mentions.ts';
import { storedText, wordsAt } from './placement.ts';

type ThreadOp = Extract<NegotiationOp, { op: `thread.${string}` }>;

async function thread(ports: NegotiationPorts, who: Negotiating, threadId: string): Promise<CommentThread> {
  const found = await ports.notes.getThread({ docId: who.statement.id, threadId });
  if (!found) throw fail.notFound('comment.not-found', 'This thread was not found.');
  return found;
}

/**
 * Does a thread act (the policy's `statement.comment` was checked); returns the thread's id.
 * `linkOrigin`: where links in mail to mentioned delegates point (null: none).
 */
export async function threadAct(input: { ports: NegotiationPorts; who: Negotiating; op: ThreadOp; linkOrigin: string | null }): Promise<string> {
  const { ports, who, op, linkOrigin } = input;
  const docId = who.statement.id;
  const now = ports.now();
  switch (op.op) {
    case 'thread.start': {
      const body = checkCommentBody(op);
      const mentions = await checkedMentions({ ports, who, mentions: op.mentions });
      const quote = checkQuote({ quote: wordsAt({ doc: await storedText({ ports, docId }), anchor: op.anchor }).text, kind: 'comment' });
      const id = ports.newId('thr', now);
      const message = { id: ports.newId('msg', now), threadId: id, author: who.actor, body, mentions, at: now };
      await ports.notes.startThread({
        thread: {
          id,
          statementId: docId,
          anchor: op.anchor,
          quote,
          author: who.actor,
          createdAt: now,
          status: 'open',
          statusChangedBy: null,
          messages: [message],
        },
      });
      await tellMentioned({ ports, who, message, linkOrigin });
      return id;
    }
    case 'thread.reply': {
      const body = checkCommentBody(op);
      const mentions = await checkedMentions({ ports, who, mentions: op.mentions });
      checkReply({ thread: await thread(ports, who, op.threadId) });
      const message = { id: ports.newId('msg', now), threadId: op.threadId, author: who.actor, body, mentions, at: now };
      const added = await ports.notes.addMessage({ docId, message });
      // Resolved (or filled) between the read and the write: say so from what it is now.
      if (!added) checkReply({ thread: await thread(ports, who, op.threadId) });
      if (!added) throw fail.conflict('comment.thread-resolved', 'This thread is resolved: reopen it to reply.');
      await tellMentioned({ ports, who, message, linkOrigin });
      return op.threadId;
    }
    case 'thread.resolve':
    case 'thread.reopen': {
      const to: ThreadStatus = op.op === 'thread.resolve' ? 'resolved' : 'open';
      const current = await thread(ports, who, op.threadId);
      checkThreadMove({ thread: current, to });
      const moved = await ports.notes.setThreadStatus({ docId, threadId: op.threadId, from: current.status, to, by: { ...who.actor, at: now } });
      if (!moved) checkThreadMove({ thread: await thread(ports, who, op.threadId), to });
      return op.threadId;
    }
  }
}
