/**
 * The versions pages' dependencies, built on first use from the same environment as
 * `context.ts` (own clients, like calls/context.ts, so the shared composition root stays put).
 */
import { env } from '$env/dynamic/private';
import { createDocumentStore, createDynamoClient } from '@concord/data';
import { createVersionStore } from '@concord/data/version-store';
import { createVersionService } from '@concord/versions';
import { syncFromEnv, webContext } from '../context.ts';
import type { VersionsDeps } from './deps.ts';
import { fixedBy } from '../stage.ts';
import { stageReader } from '../stage-context.ts';

let deps: Promise<VersionsDeps> | undefined;

export function versionsDeps(): Promise<VersionsDeps> {
  deps ??= build();
  return deps;
}

async function build(): Promise<VersionsDeps> {
  const { directory, audit } = await webContext();
  const client = createDynamoClient({ endpoint: env.DYNAMODB_ENDPOINT || undefined });
  const store = { client, tableName: env.CONCORD_TABLE || 'concord' };
  const documents = createDocumentStore(store);
  const live = syncFromEnv({ store, documents });
  return {
    directory,
    audit,
    service: createVersionService({ documents, versions: createVersionStore(store) }),
    // An adopted text is fixed even without its freeze: restoring refuses it too.
    texts: { frozenBy: fixedBy({ frozenBy: documents.frozenBy, reader: stageReader }) },
    live,
    now: Date.now,
  };
}
