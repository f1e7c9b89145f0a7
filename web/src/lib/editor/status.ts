/** What the status indicator says, and what is announced to screen readers, from the connection. */
import { m } from '../paraglide/messages.js';
import type { SaveState } from './save-tracker.ts';

export type Connection = 'connecting' | 'live' | 'offline';

export interface StatusInput {
  connection: Connection;
  /** The provider received the server's state since the socket last opened. */
  synced: boolean;
  save: SaveState;
  canWrite: boolean;
  /** Changes made on this device not yet saved (kept in IndexedDB meanwhile). */
  waiting?: number;
}

export interface StatusText {
  /** Short state: "Connecting…", "Live", "Offline". */
  label: string;
  /** What it means for the text: saved, saving, kept on this device… */
  detail: string;
}

const keptLocally = () => m.editor_kept_locally();
/** Offline: how many changes wait on this device, when counted. */
const waitingHere = (input: StatusInput) => (input.waiting ? m.editor_waiting_on_device({ count: input.waiting }) : keptLocally());

/** Connection state from the provider's status and whether a connection was ever lost or refused. */
export function connectionFrom(input: { providerStatus: 'connecting' | 'connected' | 'disconnected'; hadTrouble: boolean }): Connection {
  if (input.providerStatus === 'connected') return 'live';
  return input.hadTrouble ? 'offline' : 'connecting';
}

export function describeStatus(input: StatusInput): StatusText {
  const unsaved = input.save.kind !== 'saved';
  switch (input.connection) {
    case 'connecting':
      return { label: m.editor_connecting(), detail: unsaved ? waitingHere(input) : m.editor_loading_latest() };
    case 'offline':
      return { label: m.editor_offline(), detail: unsaved ? waitingHere(input) : m.editor_reconnecting() };
    case 'live':
      if (!input.synced) return { label: m.editor_live(), detail: m.editor_loading_latest_ongoing() };
      if (!input.canWrite) return { label: m.editor_live(), detail: m.editor_see_changes() };
      return { label: m.editor_live(), detail: unsaved ? m.editor_saving() : m.editor_all_saved() };
  }
}

/**
 * A polite announcement for a change worth interrupting nobody for: going live, losing the
 * connection, offline edits merged. Saving after each keystroke is deliberately not announced.
 */
export function statusAnnouncement(input: { previous: StatusInput; next: StatusInput }): string | null {
  const { previous, next } = input;
  if (previous.connection !== 'offline' && next.connection === 'offline') {
    return m.editor_connection_lost({ detail: next.canWrite ? keptLocally() : m.editor_reconnecting() });
  }
  if (next.connection === 'live' && next.synced && !(previous.connection === 'live' && previous.synced)) {
    return previous.connection === 'offline' ? m.editor_reconnected() : m.editor_connected();
  }
  if (previous.save.kind === 'awaiting-upload' && next.save.kind === 'saved') {
    return m.editor_offline_merged();
  }
  return null;
}

/** Close codes the editor does not retry: the ticket endpoint refused (its HTTP status + 4000). */
export const Refusal = { signedOut: 4401, forbidden: 4403, notShared: 4404 } as const;

/**
 * The server closed the connection for sending more than a person's budget (CloseCode.rateLimited
 * in @concord/sync). Not final: the editor reconnects, and the server lets it back in after a
 * short cooldown; the edits wait on the device meanwhile.
 */
export const rateLimitedClose = 4429;

/** The ticket endpoint's answer as a close code y-websocket does not retry, or null to retry. */
export function refusalCodeFor(status: number): number | null {
  if (status === 401) return Refusal.signedOut;
  if (status === 403) return Refusal.forbidden;
  if (status === 404) return Refusal.notShared;
  return null;
}

/** What the editor says once the server refused it for good. */
export function refusalMessage(code: number): { title: string; detail: string; signIn: boolean } {
  if (code === Refusal.signedOut) {
    return { title: m.editor_refused_signed_out_title(), detail: m.editor_refused_signed_out_detail(), signIn: true };
  }
  if (code === Refusal.notShared || code === Refusal.forbidden) {
    return { title: m.editor_refused_not_shared_title(), detail: m.editor_refused_not_shared_detail(), signIn: false };
  }
  return { title: m.editor_refused_title(), detail: m.editor_refused_detail(), signIn: false };
}

/**
 * Whether to reconnect after the server closed the socket. The gateway closes with 4401 when it
 * evicts a connection (a session ended, access or sharing changed): ask for a new ticket, which
 * either brings the new access or is refused for good. Closed for flooding (4429): reconnect,
 * after the cooldown. A refused ticket never retries; other 4400–4499 codes are permanent, as
 * y-websocket has it.
 */
export function shouldReconnect(input: { code: number; refused: boolean }): boolean {
  if (input.refused) return false;
  if (input.code === Refusal.signedOut || input.code === rateLimitedClose) return true;
  return !(input.code >= 4400 && input.code < 4500);
}
