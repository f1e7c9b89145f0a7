/** What the status indicator says, and what is announced to screen readers, from the connection. */
import type { SaveState } from './save-tracker.ts';

export type Connection = 'connecting' | 'live' | 'offline';

export interface StatusInput {
  connection: Connection;
  /** The provider received the server's state since the socket last opened. */
  synced: boolean;
  save: SaveState;
  canWrite: boolean;
}

export interface StatusText {
  /** Short state: "Connecting…", "Live", "Offline". */
  label: string;
  /** What it means for the text: saved, saving, kept on this device… */
  detail: string;
}

const keptLocally = 'Your edits are kept on this device and will be merged when you reconnect.';

/** Connection state from the provider's status and whether a connection was ever lost or refused. */
export function connectionFrom(input: { providerStatus: 'connecting' | 'connected' | 'disconnected'; hadTrouble: boolean }): Connection {
  if (input.providerStatus === 'connected') return 'live';
  return input.hadTrouble ? 'offline' : 'connecting';
}

export function describeStatus(input: StatusInput): StatusText {
  const unsaved = input.save.kind !== 'saved';
  switch (input.connection) {
    case 'connecting':
      return { label: 'Connecting…', detail: unsaved ? keptLocally : 'Loading the latest text.' };
    case 'offline':
      return { label: 'Offline', detail: unsaved ? keptLocally : 'Reconnecting…' };
    case 'live':
      if (!input.synced) return { label: 'Live', detail: 'Loading the latest text…' };
      if (!input.canWrite) return { label: 'Live', detail: 'You see changes as they are made.' };
      return { label: 'Live', detail: unsaved ? 'Saving…' : 'All changes saved.' };
  }
}

/**
 * A polite announcement for a change worth interrupting nobody for: going live, losing the
 * connection, offline edits merged. Saving after each keystroke is deliberately not announced.
 */
export function statusAnnouncement(input: { previous: StatusInput; next: StatusInput }): string | null {
  const { previous, next } = input;
  if (previous.connection !== 'offline' && next.connection === 'offline') {
    return `Connection lost. ${next.canWrite ? keptLocally : 'Reconnecting…'}`;
  }
  if (next.connection === 'live' && next.synced && !(previous.connection === 'live' && previous.synced)) {
    return previous.connection === 'offline' ? 'Reconnected.' : 'Connected. You see changes as they are made.';
  }
  if (previous.save.kind === 'awaiting-upload' && next.save.kind === 'saved') {
    return 'Your offline edits are merged and saved.';
  }
  return null;
}
