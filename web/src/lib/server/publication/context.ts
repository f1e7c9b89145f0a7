/**
 * The publication ports for the web app, built on first use from the same environment as
 * `context.ts` (its own clients, as the call pages do, so the shared root stays untouched).
 */
import { env } from '$env/dynamic/private';
import type { SecretBox } from '@concord/auth';
import { createDynamoClient } from '@concord/data';
import type { PublicationPorts } from '@concord/data/publication-ports';
import { createPublicationPorts } from '@concord/data/publication-wiring';
import { renderState } from '@concord/text';
import { auditKeyFromEnv, webContext } from '../context.ts';
import { translationsForPublication } from '../translations/context.ts';

let ports: PublicationPorts | undefined;

/** The context's box (the coalitions' signing keys are sealed like TOTP keys), reached when first used. */
const contextSecretBox: SecretBox = {
  seal: async (plain) => (await webContext()).secretBox.seal(plain),
  open: async (sealed) => (await webContext()).secretBox.open(sealed),
};

export function publicationPorts(): PublicationPorts {
  ports ??= createPublicationPorts({
    client: createDynamoClient({ endpoint: env.DYNAMODB_ENDPOINT || undefined }),
    tableName: env.CONCORD_TABLE || 'concord',
    render: renderState,
    auditKey: auditKeyFromEnv(),
    // The translations complete and current against the adopted version, snapshotted at publication.
    translations: translationsForPublication(),
    secretBox: contextSecretBox,
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
