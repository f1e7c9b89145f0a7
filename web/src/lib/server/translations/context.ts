/**
 * The translations pages' dependencies, built on first use from the hub's shared parts (`hub()`
 * in `context.ts`).
 * Marking a paragraph current is a server-made change to the translation's document, sent to
 * its open editors through the sync core (`broadcastUpdate`).
 */
import { createTranslationStore } from '@concord/data';
import { createTranslationService, type TranslationService } from '@concord/translations';
import { hub, webContext } from '../context.ts';
import type { AuditLog, Directory } from '../ports.ts';

export interface TranslationsDeps {
  directory: Directory;
  audit: Pick<AuditLog, 'append'>;
  service: TranslationService;
  live: { broadcastUpdate(input: { docId: string; update: Uint8Array; author: string }): Promise<void> };
  now: () => number;
}

let deps: Promise<TranslationsDeps> | undefined;
let publication: Pick<TranslationService, 'forPublication'> | undefined;

/**
 * The port the public pages take translations through: `forPublication({ statementId,
 * versionHash })` → the translations complete and current against that version, each with its
 * language and direction. Reads only; no access check (a published declaration is public).
 */
export function translationsForPublication(): Pick<TranslationService, 'forPublication'> {
  publication ??= service();
  return publication;
}

export function translationsDeps(): Promise<TranslationsDeps> {
  deps ??= build();
  return deps;
}

async function build(): Promise<TranslationsDeps> {
  const { directory, audit } = await webContext();
  return { directory, audit, service: service(), live: hub().sync(), now: Date.now };
}

function service(): TranslationService {
  const { store, documents, versions } = hub();
  return createTranslationService({ store: createTranslationStore(store), documents, versions });
}
