/**
 * Whether the server has the local edits — an honest "All changes saved".
 *
 * The server persists an update before it fans it out, and echoes each awareness message back to
 * its sender. So once an awareness entry sent *after* an edit comes back, the edit was handled
 * first (the local host handles one connection's frames in order; API Gateway gives no ordering
 * guarantee, so there it is a close approximation). Edits made while disconnected reach the server
 * only when the client answers the server's SyncStep1 after reconnecting; until then they are
 * `awaiting-upload`, whatever echoes arrive.
 */
export type SaveState =
  | { kind: 'saved' }
  /** Sent on an open socket; saved once an own awareness clock above `after` comes back. */
  | { kind: 'awaiting-echo'; after: number }
  /** Kept locally; goes out when the client answers the server's SyncStep1. */
  | { kind: 'awaiting-upload' };

export const saved: SaveState = { kind: 'saved' };

/** A local edit, made when the awareness clock was `clock`, on an open socket or not. */
export function localEdit(state: SaveState, input: { clock: number; open: boolean }): SaveState {
  if (!input.open || state.kind === 'awaiting-upload') return { kind: 'awaiting-upload' };
  return { kind: 'awaiting-echo', after: input.clock };
}

/** The socket closed: whatever was not confirmed must be uploaded again after reconnecting. */
export function disconnected(state: SaveState): SaveState {
  return state.kind === 'saved' ? state : { kind: 'awaiting-upload' };
}

/** The client answered the server's SyncStep1 (uploading its missing edits) at awareness `clock`. */
export function uploaded(state: SaveState, input: { clock: number }): SaveState {
  return state.kind === 'awaiting-upload' ? { kind: 'awaiting-echo', after: input.clock } : state;
}

/** The server echoed the client's own awareness entry with `clock`. */
export function echoed(state: SaveState, input: { clock: number }): SaveState {
  return state.kind === 'awaiting-echo' && input.clock > state.after ? saved : state;
}
