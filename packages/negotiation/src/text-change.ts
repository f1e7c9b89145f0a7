/**
 * Decisions that change the text — accepting or reverting an amendment, settling a bracket with
 * an alternative — land exactly once (PROTOCOL.md §7): the decider takes the item's lock with a
 * conditional write, makes the replacement as one Yjs transaction on the stored text, records the
 * change's Yjs client id in the lock, stores and broadcasts the change, then completes the
 * decision. A second decider finds the lock (409) or the decision made (409).
 *
 * If a decider dies holding the lock, the next one to find it expired looks at the document: the
 * change's client id there means it landed (the decision is completed), otherwise the lock is
 * dropped and the decision taken afresh.
 */
import { fail, type Act, type Anchor, type TextChangeLock } from '@concord/core';
import { replaceAnchored, resolveAnchor } from '@concord/text/anchors';
import * as Y from 'yjs';
import type { ChangeOutcome, ChangeTarget, NegotiationPorts } from './ports.ts';
import { storedText } from './placement.ts';

const defaultLockMs = 30_000;

export interface TextDecision {
  docId: string;
  target: ChangeTarget;
  /** The item's status the decision moves from. */
  status: string;
  /** A bracket lifted by consent: the `rev` its holders' agreements were read at. */
  rev?: number;
  /** The range to replace, the words it must still hold, and the new words. */
  anchor: Anchor;
  expected: string;
  replacement: string;
  by: Act;
  outcome: (applied: Anchor) => ChangeOutcome;
}

/** The current lock of an item, and its status. */
async function lockOf(ports: Pick<NegotiationPorts, 'notes'>, docId: string, target: ChangeTarget): Promise<{ status: string; lock: TextChangeLock | null } | null> {
  const item = target.kind === 'amendment' ? await ports.notes.getAmendment({ docId, amendmentId: target.id }) : await ports.notes.getBracket({ docId, bracketId: target.id });
  return item ? { status: item.status, lock: item.lock } : null;
}

/** Makes the change once; throws a `conflict` when someone else decided first or is deciding now. */
export async function decideWithText(input: { ports: NegotiationPorts; decision: TextDecision; recover: (lock: TextChangeLock, doc: Y.Doc) => ChangeOutcome | null }): Promise<void> {
  const { ports, decision } = input;
  const { docId, target } = decision;
  if (await ports.texts.frozenBy({ docId })) throw fail.conflict('negotiation.text-frozen', 'The text is frozen for a consensus call; it cannot change now.');
  const token = crypto.randomUUID();
  const lockMs = ports.lockMs ?? defaultLockMs;
  const lockFor = () => ports.notes.lockChange({ docId, target, status: decision.status, token, until: ports.now() + lockMs, rev: decision.rev });
  let locked = await lockFor();
  if (!locked) {
    const current = await lockOf(ports, docId, target);
    if (!current) throw fail.notFound('negotiation.not-found', 'It was not found.');
    if (current.lock && current.lock.until <= ports.now()) {
      await recoverExpired({ ports, docId, target, lock: current.lock, recover: input.recover });
      locked = await lockFor();
    }
    if (!locked) {
      const now = await lockOf(ports, docId, target);
      if (now?.lock) throw fail.conflict('negotiation.deciding', 'Someone is deciding on this at this moment.');
      throw fail.conflict('negotiation.decided', 'This was decided meanwhile.');
    }
  }
  let change;
  try {
    const doc = await storedText({ ports, docId });
    change = replaceAnchored({ doc, anchor: decision.anchor, expected: decision.expected, replacement: decision.replacement });
  } catch (error) {
    await ports.notes.releaseChange({ docId, target, token });
    throw error;
  }
  if (!(await ports.notes.notePending({ docId, target, token, pending: { client: change.client, applied: change.applied } }))) {
    throw fail.conflict('negotiation.deciding', 'Someone is deciding on this at this moment.');
  }
  // Once broadcast, the change is in the text: if we die now, the next decider completes it.
  await ports.live.broadcastUpdate({ docId, update: change.update, author: `${decision.by.userId} ${decision.by.organisationId}` });
  await ports.notes.completeChange({ docId, token, outcome: decision.outcome(change.applied) });
}

/** Completes (the change is in the text) or drops (it is not) a lock whose decider died. */
async function recoverExpired(input: {
  ports: NegotiationPorts;
  docId: string;
  target: ChangeTarget;
  lock: TextChangeLock;
  recover: (lock: TextChangeLock, doc: Y.Doc) => ChangeOutcome | null;
}): Promise<void> {
  const { ports, docId, target, lock } = input;
  const doc = await storedText({ ports, docId });
  const landed = lock.pending !== null && Y.getState(doc.store, lock.pending.client) > 0;
  const outcome = landed ? input.recover(lock, doc) : null;
  if (outcome) await ports.notes.completeChange({ docId, token: lock.token, outcome });
  else await ports.notes.releaseChange({ docId, target, token: lock.token });
}

/** The words now at an applied range (to recognise which alternative a dead decider chose). */
export function wordsNow(input: { doc: Y.Doc; anchor: Anchor }): string | null {
  const resolved = resolveAnchor(input);
  return resolved.state === 'live' ? resolved.text : null;
}
