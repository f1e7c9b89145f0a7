/**
 * The translations pages' dependencies, built on first use from the same environment as
 * `context.ts` (own clients, like versions/context.ts, so the shared composition root stays put).
 * Marking a paragraph current is a server-made change to the translation's document, sent to
 * its open editors through the sync core (`broadcastUpdate`).
 */
import { env } from '$env/dynamic/private';
import { createDocumentStore, createDynamoClient, createTranslationStore } from '@concord/data';
import { createVersionStore } from '@concord/data/version-store';
import { createTranslationService, type TranslationService } from '@concord/translations';
import { syncFromEnv, webContext } from '../context.ts';
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

function storeFromEnv() {
  const client = createDynamoClient({ endpoint: env.DYNAMODB_ENDPOINT || undefined });
  return { client, tableName: env.CONCORD_TABLE || 'concord' };
}

/**
 * The port the public pages take translations through: `forPublication({ statementId,
 * versionHash })` → the translations complete and current against that version, each with its
 * language and direction. Reads only; no access check (a published declaration is public).
 */
export function translationsForPublication(): Pick<TranslationService, 'forPublication'> {
  if (!publication) {
    const store = storeFromEnv();
    publication = createTranslationService({ store: createTranslationStore(store), documents: createDocumentStore(store), versions: createVersionStore(store) });
  }
  return publication;
}

export function translationsDeps(): Promise<TranslationsDeps> {
  deps ??= build();
  return deps;
}

async function build(): Promise<TranslationsDeps> {
  const { directory, audit } = await webContext();
  const store = storeFromEnv();
  const documents = createDocumentStore(store);
  const live = syncFromEnv({ store, documents });
  const service = createTranslationService({ store: createTranslationStore(store), documents, versions: createVersionStore(store) });
  return { directory, audit, service, live, now: Date.now };
}
