/**
 * The publication ports for the web app, built on first use from the same environment as
 * `context.ts` (its own clients, as the call pages do, so the shared root stays untouched).
 */
import { env } from '$env/dynamic/private';
import { createDynamoClient } from '@concord/data';
import type { PublicationPorts } from '@concord/data/publication-ports';
import { createPublicationPorts } from '@concord/data/publication-wiring';
import { renderState } from '@concord/text';
import { auditKeyFromEnv } from '../context.ts';
import { translationsForPublication } from '../translations/context.ts';

let ports: PublicationPorts | undefined;

export function publicationPorts(): PublicationPorts {
  ports ??= createPublicationPorts({
    client: createDynamoClient({ endpoint: env.DYNAMODB_ENDPOINT || undefined }),
    tableName: env.CONCORD_TABLE || 'concord',
    render: renderState,
    auditKey: auditKeyFromEnv(),
    // The translations complete and current against the adopted version, snapshotted at publication.
    translations: translationsForPublication(),
  });
  return ports;
}
