/**
 * The publication ports for the web app, built on first use from the same environment as
 * `context.ts` (its own clients, as the call pages do, so the shared root stays untouched).
 */
import { env } from '$env/dynamic/private';
import { createDynamoClient } from '@concord/data';
import type { PublicationPorts } from '@concord/data/publication-ports';
import { createPublicationPorts } from '@concord/data/publication-wiring';
import { renderState } from '@concord/text';
import { translationsForPublication } from '../translations/context.ts';

let ports: PublicationPorts | undefined;

export function publicationPorts(): PublicationPorts {
  ports ??= createPublicationPorts({
    client: createDynamoClient({ endpoint: env.DYNAMODB_ENDPOINT || undefined }),
    tableName: env.CONCORD_TABLE || 'concord',
    render: renderState,
    // The translations complete and current against the adopted version, snapshotted at publication.
    translations: translationsForPublication(),
  });
  return ports;
}

/**
 * The hub's public origin for absolute links in public answers (`CONCORD_PUBLIC_URL`, or
 * adapter-node's `ORIGIN`, as `context.ts` reads it for mail), see `publicLinkOrigin`.
 */
export function configuredPublicUrl(): string | undefined {
  return env.CONCORD_PUBLIC_URL || env.ORIGIN || undefined;
}
