/** Comment threads: start one on a range, reply (mentioning organisations), resolve, reopen. */
import { checkCommentBody, checkMentions, checkQuote, checkReply, checkThreadMove, fail, type CommentThread, type ThreadStatus } from '@concord/core';
import type { Negotiating } from './access.ts';
import type { NegotiationDeps } from './deps.ts';
import type { NegotiationOp } from './input.ts';
import { storedText, wordsAt } from './placement.ts';

type ThreadOp = Extract<NegotiationOp, { op: `thread.${string}` }>;

async function knownOrganisations(deps: NegotiationDeps, who: Negotiating): Promise<Set<string>> {
  return new Set((await deps.directory.organisations.listByCoalition(who.statement.coalitionId)).map((o) => o.id));
}

async function thread(deps: NegotiationDeps, who: Negotiating, threadId: string): Promise<CommentThread> {
  const found = await deps.notes.getThread({ docId: who.statement.id, threadId });
  if (!found) throw fail.notFound('comment.not-found', 'This thread was not found.');
  return found;
}

/** Does a thread act (the policy's `statement.comment` was checked); returns the thread's id. */
export async function threadAct(input: { deps: NegotiationDeps; who: Negotiating; op: ThreadOp }): Promise<string> {
  const { deps, who, op } = input;
  const docId = who.statement.id;
  const now = deps.now();
  switch (op.op) {
    case 'thread.start': {
      const body = checkCommentBody(op);
      const mentions = checkMentions({ mentions: op.mentions, known: await knownOrganisations(deps, who) });
      const quote = checkQuote({ quote: wordsAt({ doc: await storedText({ deps, docId }), anchor: op.anchor }).text, kind: 'comment' });
      const id = deps.newId('thr', now);
      await deps.notes.startThread({
        thread: {
          id,
          statementId: docId,
          anchor: op.anchor,
          quote,
          author: who.actor,
          createdAt: now,
          status: 'open',
          statusChangedBy: null,
          messages: [{ id: deps.newId('msg', now), threadId: id, author: who.actor, body, mentions, at: now }],
        },
      });
      return id;
    }
    case 'thread.reply': {
      const body = checkCommentBody(op);
      const mentions = checkMentions({ mentions: op.mentions, known: await knownOrganisations(deps, who) });
      checkReply({ thread: await thread(deps, who, op.threadId) });
      const added = await deps.notes.addMessage({ docId, message: { id: deps.newId('msg', now), threadId: op.threadId, author: who.actor, body, mentions, at: now } });
      // Resolved (or filled) between the read and the write: say so from what it is now.
      if (!added) checkReply({ thread: await thread(deps, who, op.threadId) });
      if (!added) throw fail.conflict('comment.thread-resolved', 'This thread is resolved: reopen it to reply.');
      return op.threadId;
    }
    case 'thread.resolve':
    case 'thread.reopen': {
      const to: ThreadStatus = op.op === 'thread.resolve' ? 'resolved' : 'open';
      const current = await thread(deps, who, op.threadId);
      checkThreadMove({ thread: current, to });
      const moved = await deps.notes.setThreadStatus({ docId, threadId: op.threadId, from: current.status, to, by: { ...who.actor, at: now } });
      if (!moved) checkThreadMove({ thread: await thread(deps, who, op.threadId), to });
      return op.threadId;
    }
  }
}
