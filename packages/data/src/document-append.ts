/**
 * Appending to a document whose freeze is checked on the head (`freezeCheck: 'append'`): one
 * update, or a group commit's batch, counts on the head first — a conditional update that is the
 * freeze check and carries the authors — then its items are put.
 */
import { fail } from '@concord/core';
import type { TailStats } from '@concord/sync/ports';
import type { DocumentContext } from './document-store.ts';
import { writeSplitUpdate } from './document-writes.ts';
import type { PendingAppend } from './group-commit.ts';
import { documentKeys } from './keys.ts';
import { splitBytes } from './parts.ts';
import { key, num, putAll, putItem, updateIf, type Item } from './requests.ts';

/**
 * Appends one update, or a group commit's batch: the head once (freeze check, counters, authors),
 * then each update as its own item — one PutItem, or one BatchWriteItem for a batch.
 */
export async function appendBatch(input: { context: DocumentContext; docId: string; batch: readonly PendingAppend[]; admit: () => void }): Promise<TailStats> {
  const { context, docId, batch } = input;
  const pk = documentKeys.pk(docId);
  const bytes = batch.reduce((n, one) => n + one.update.length, 0);
  const authors = [...new Set(batch.flatMap((one) => (one.author ? [one.author] : [])))];
  // The head first: its condition is the freeze check (a consensus call), so nothing is stored
  // while the text is frozen. A crash before the puts leaves the counters ahead: harmless.
  const head = await countOnHead({ context, pk, count: batch.length, bytes, authors });
  input.admit();
  const whole: Item[] = [];
  const split: Promise<void>[] = [];
  for (const { update, origin } of batch) {
    const id = context.newId();
    const pieces = splitBytes({ bytes: update });
    if (pieces.length === 1) whole.push({ ...key({ pk, sk: documentKeys.update(id) }), bytes: update, origin });
    else split.push(writeSplitUpdate({ context, pk, id, pieces, origin }));
  }
  const items = whole.length === 1 ? putItem({ ...context, item: whole[0]! }) : putAll({ ...context, items: whole });
  await Promise.all([items, ...split]);
  // A compaction may subtract an update before that update's own ADD lands.
  return { count: Math.max(0, num(head, 'tailCount') ?? 0), bytes: Math.max(0, num(head, 'tailBytes') ?? 0) };
}

async function countOnHead(input: { context: DocumentContext; pk: string; count: number; bytes: number; authors: readonly string[] }) {
  const { context, pk, count, bytes, authors } = input;
  const author = authors.length > 0;
  const head = await updateIf({
    ...context,
    key: key({ pk, sk: documentKeys.head }),
    // The author rides on the head's counter update: no extra request per keystroke.
    update: `ADD tailCount :one, tailBytes :bytes${author ? ', authors :author' : ''} SET updatedAt = :now`,
    condition: 'attribute_not_exists(frozenBy)',
    values: { ':one': count, ':bytes': bytes, ':now': context.now(), ...(author ? { ':author': new Set(authors) } : {}) },
    returning: 'UPDATED_NEW',
  });
  if (!head) throw fail.conflict('sync.document-frozen', 'the text is frozen for a consensus call');
  return head;
}
