/**
 * y-websocket's provider sends every awareness change it sees — other people's entries too, each
 * time one of them moves a caret. The server only ever keeps and forwards a connection's own
 * entry (PROTOCOL.md §3), so those relays are refused after they have cost a message, a handler
 * call (a Lambda invocation) and its reads: with n editors, one keystroke became n messages
 * (measured by `pnpm bench`, bench/README.md). This narrows what the provider sends to our own
 * entry, without touching what it receives.
 */

/** The changes an awareness 'update' event reports. */
export interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

/** The change to send for `changes`: our own entry only, or null when we did not change. */
export function ownAwarenessChange(input: { changes: AwarenessChanges; ownClientId: number }): AwarenessChanges | null {
  const { changes, ownClientId } = input;
  if (changes.removed.includes(ownClientId)) return { added: [], updated: [], removed: [ownClientId] };
  const changed = changes.added.includes(ownClientId) || changes.updated.includes(ownClientId);
  return changed ? { added: [], updated: [ownClientId], removed: [] } : null;
}

type Handler = (changes: AwarenessChanges, origin: unknown) => void;

/** The parts of a y-websocket `WebsocketProvider` (3.x) this relies on. */
export interface AwarenessSendingProvider {
  doc: { clientID: number };
  awareness: { on(event: 'update', handler: Handler): void; off(event: 'update', handler: Handler): void };
}

/**
 * Replaces the provider's awareness handler with one that sends only our own entry. y-websocket
 * keeps that handler as `_awarenessUpdateHandler` (and removes whatever is stored there on
 * destroy); when a future version renames it, nothing is replaced and the provider behaves as
 * before (the server still ignores relays), which a unit test beside this file catches.
 */
export function sendOwnAwarenessOnly(provider: AwarenessSendingProvider): boolean {
  const internals = provider as unknown as { _awarenessUpdateHandler?: Handler };
  const original = internals._awarenessUpdateHandler;
  if (typeof original !== 'function') return false;
  provider.awareness.off('update', original);
  const narrowed: Handler = (changes, origin) => {
    const own = ownAwarenessChange({ changes, ownClientId: provider.doc.clientID });
    if (own) original(own, origin);
  };
  internals._awarenessUpdateHandler = narrowed;
  provider.awareness.on('update', narrowed);
  return true;
}
