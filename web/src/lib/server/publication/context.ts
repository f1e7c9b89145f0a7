/**
 * The publication ports for the web app, built on first use from the same environment as
 * `context.ts` (its own clients, as the call pages do, so the shared root stays untouched).
 */
import { env } from '$env/dynamic/private';
import { createDynamoClient } from '@concord/data';
import type { PublicationPorts } from '@concord/data/publication-ports';
import { noTranslations } from '@concord/data/publication-ports';
import { createPublicationPorts } from '@concord/data/publication-wiring';
import { renderState } from '@concord/text';

let ports: PublicationPorts | undefined;

export function publicationPorts(): PublicationPorts {
  ports ??= createPublicationPorts({
    client: createDynamoClient({ endpoint: env.DYNAMODB_ENDPOINT || undefined }),
    tableName: env.CONCORD_TABLE || 'concord',
    render: renderState,
    // The translations work (built in parallel) provides the real source; the lead wires it here
    // after merging. Until then a declaration is published without translations.
    translations: noTranslations,
  });
  return ports;
}
