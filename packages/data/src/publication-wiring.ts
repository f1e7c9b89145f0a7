/**
 * The publication ports (`@concord/publication/ports`) on DynamoDB: declarations, calls,
 * versions, the directory, the audit log and the coalitions' signing keys from this package;
 * rendering, translations and the secret box from the caller (the web renders with
 * `@concord/text` and takes translations from `@concord/translations`' `forPublication`).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SecretBox } from '@concord/auth/secret-box';
import type { PublicationPorts, TranslationSource } from '@concord/publication/ports';
import { monotonicFactory } from 'ulid';
import { createAuditLog } from './audit-log.ts';
import { callDirectory } from './call-wiring.ts';
import { createCallStore } from './calls.ts';
import { createCoalitionKeys } from './coalition-keys.ts';
import { createPublicationStore } from './publications.ts';
import { createRepositories } from './repositories.ts';
import { createVersionStore } from './version-store.ts';

/** A wiring given no translations (a seed, a test) publishes none. */
export const noTranslations: TranslationSource = { forPublication: async () => [] };

export function createPublicationPorts(input: {
  client: DynamoDBDocumentClient;
  tableName: string;
  render: PublicationPorts['render'];
  translations?: TranslationSource;
  /** Seals the coalitions' signing keys (`CONCORD_SECRET_KEY`). */
  secretBox: SecretBox;
  /** The audit chain's key (`auditChainKey` of the server's secret key). */
  auditKey: Uint8Array;
}): PublicationPorts {
  const store = { client: input.client, tableName: input.tableName };
  const repositories = createRepositories(store);
  const versions = createVersionStore(store);
  // Monotonic: endorsements of one import sort (by id) in the list's order.
  const ulid = monotonicFactory();
  return {
    publications: createPublicationStore(store),
    calls: createCallStore(store),
    versions: { get: versions.get },
    render: input.render,
    directory: {
      ...callDirectory(repositories),
      coalitionName: async (coalitionId) => (await repositories.coalitions.get(coalitionId))?.name ?? '',
    },
    translations: input.translations ?? noTranslations,
    keys: createCoalitionKeys({ ...store, secretBox: input.secretBox }),
    audit: createAuditLog({ ...store, key: input.auditKey }),
    newId: () => `end_${ulid()}`,
  };
}
