/**
 * What publishing and sign-on need, as ports: the web wires them to DynamoDB (this package), the
 * versions store and the text renderer (`@concord/text` renderState); tests wire the same on
 * dynalite.
 */
import type { PublishedTranslation } from '@concord/core';
import type { CallAudit, CallDirectory, CallStore } from '@concord/calls/ports';
import type { CoalitionKeys } from './coalition-keys.ts';
import type { PublicationStore } from './publications.ts';

/**
 * Translations of the adopted version, paragraph-aligned. The translations work provides the real
 * source; until it is wired, the web's wiring returns none (see `noTranslations`).
 */
export interface TranslationSource {
  forPublication(input: { statementId: string; versionHash: string }): Promise<PublishedTranslation[]>;
}

export const noTranslations: TranslationSource = { forPublication: async () => [] };

export interface PublicationPorts {
  publications: PublicationStore;
  calls: Pick<CallStore, 'listByStatement'>;
  /** The stored state of a version (Yjs update v2) and its hash, from the versions store. */
  versions: { get(input: { docId: string; seq: number }): Promise<{ state: Uint8Array; hash: string } | null> };
  /** A stored state as HTML and plain text (`@concord/text` renderState). */
  render(input: { state: Uint8Array }): { html: string; plainText: string };
  directory: CallDirectory & { coalitionName(coalitionId: string): Promise<string> };
  translations: TranslationSource;
  /** Each coalition's signing key: the adoption record is signed at publication. */
  keys: CoalitionKeys;
  audit: CallAudit;
  newId(): string;
}
