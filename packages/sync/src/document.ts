/** Yjs documents rebuilt from what the store holds, and the check every incoming update passes. */
import * as Y from 'yjs';
import type { DocumentState } from './ports.ts';
import type { ClientMessage } from './protocol.ts';

/**
 * A server-side document needs no random guid: Yjs draws one (crypto) for each `new Y.Doc()`,
 * which the profiler found costing more than applying a keystroke.
 */
export const serverSide = { guid: 'concord-server' } as const;

/**
 * A Y.Doc holding the snapshot and every update not merged into it. Overlap between the two is
 * harmless: Yjs ignores what it already has. The caller destroys the doc.
 */
export function documentFrom(state: DocumentState): Y.Doc {
  const doc = new Y.Doc(serverSide);
  if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
  for (const { update } of state.updates) Y.applyUpdate(doc, update);
  return doc;
}

export type UpdateCheck = 'ok' | 'empty' | 'malformed';

/**
 * Whether an update from a client may be stored: it must decode and apply to a scratch document
 * (an update that does not would make every later load of the document throw). An update that
 * carries no insertions and no deletions is 'empty': nothing to store. `scratch: false` only
 * decodes it, for a caller whose guard applies it to the document itself (`appliesUpdates`).
 */
export function checkUpdate(update: Uint8Array, options: { scratch?: boolean } = {}): UpdateCheck {
  let decoded: { structs: unknown[]; ds: { clients: Map<number, unknown[]> } };
  try {
    decoded = Y.decodeUpdate(update) as typeof decoded;
    if (options.scratch === false) return decoded.structs.length === 0 && decoded.ds.clients.size === 0 ? 'empty' : 'ok';
    const scratch = new Y.Doc(serverSide);
    try {
      Y.applyUpdate(scratch, update);
    } finally {
      scratch.destroy();
    }
  } catch {
    return 'malformed';
  }
  return decoded.structs.length === 0 && decoded.ds.clients.size === 0 ? 'empty' : 'ok';
}

/** The state vector of a client's sync step 1, or null when it does not decode. */
export function checkStateVector(stateVector: Uint8Array): boolean {
  try {
    Y.decodeStateVector(stateVector);
    return true;
  } catch {
    return false;
  }
}

/**
 * One frame's consecutive updates (a tick's edits: a new paragraph and the letter typed into it)
 * merged into one, so that they are judged, stored and fanned out once — and the letter is not
 * held back until the paragraph is durable, as each update's handling waits for its write. A run
 * with an update that does not decode, or is empty, stays as it came, so each is refused as
 * itself.
 */
export function mergeUpdateRuns(messages: readonly ClientMessage[]): readonly ClientMessage[] {
  if (messages.length < 2) return messages;
  const out: ClientMessage[] = [];
  let run: Uint8Array[] = [];
  const flush = () => {
    const merged = run.length > 1 && run.every((update) => checkUpdate(update, { scratch: false }) === 'ok') ? mergeQuietly(run) : null;
    if (merged) out.push({ type: 'update', update: merged });
    else out.push(...run.map((update) => ({ type: 'update' as const, update })));
    run = [];
  };
  for (const message of messages) {
    if (message.type === 'update') run.push(message.update);
    else {
      flush();
      out.push(message);
    }
  }
  flush();
  return out;
}

function mergeQuietly(updates: Uint8Array[]): Uint8Array | null {
  try {
    return Y.mergeUpdates(updates);
  } catch {
    return null;
  }
}
