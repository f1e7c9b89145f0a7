/**
 * What the negotiation service needs (PROTOCOL.md §7): the directory (statements, organisations,
 * people), the negotiation store, the stored text, the live editors (server-made changes and
 * notices), the audit log, and notifications and mail for mentions. The composition root wires them from `@concord/data` and the sync
 * handlers; tests wire the same on dynalite.
 */
import type { IdPrefix } from '@concord/core';
import type { NegotiationStore } from '@concord/data/negotiation';
import type { DocumentState } from '@concord/sync/ports';
import type { AuditLog, Directory } from '../ports.ts';
import type { MentionPorts } from './mentions.ts';

export interface NegotiationTexts {
  /** The stored text (snapshot and the updates since), read consistently. */
  load(input: { docId: string }): Promise<DocumentState>;
  /** Who froze the text (a consensus call), or null when it may change. */
  frozenBy(input: { docId: string }): Promise<string | null>;
}

export interface NegotiationLive {
  /** Stores a change of the text made on the server and sends it to every open editor. */
  broadcastUpdate(input: { docId: string; update: Uint8Array; author: string }): Promise<void>;
  /** Tells every open editor that something beside the text changed (they refetch it). */
  notify(input: { docId: string; notice: string }): Promise<void>;
}

export interface NegotiationDeps {
  directory: Directory;
  notes: NegotiationStore;
  texts: NegotiationTexts;
  live: NegotiationLive;
  audit: Pick<AuditLog, 'append'>;
  /** Telling mentioned organisations (notifications and mail). */
  mentions: MentionPorts;
  now: () => number;
  newId: (prefix: IdPrefix, now: number) => string;
  /** How long a decision that changes the text may hold its lock before others recover it. */
  lockMs?: number;
}

/** The notice open editors get after any negotiation act: they refetch the state. */
export const negotiationNotice = '{"kind":"negotiation"}';
