/**
 * The publication ports for the web app, built on first use from the hub's shared parts
 * (`hub()` in `context.ts`).
 */
import type { SecretBox } from '@concord/auth';
import type { PublicationPorts } from '@concord/publication/ports';
import { createPublicationPorts } from '@concord/data/publication-wiring';
import { renderState } from '@concord/text';
import { hub, webContext } from '../context.ts';
import { translationsForPublication } from '../translations/context.ts';

let ports: PublicationPorts | undefined;

/** The context's box (the coalitions' signing keys are sealed like TOTP keys), reached when first used. */
const contextSecretBox: SecretBox = {
  seal: async (plain) => (await webContext()).secretBox.seal(plain),
  open: async (sealed) => (await webContext()).secretBox.open(sealed),
};

export function publicationPorts(): PublicationPorts {
  ports ??= createPublicationPorts({
    ...hub().store,
    render: renderState,
    auditKey: hub().auditKey(),
    // The translations complete and current against the adopted version, snapshotted at publication.
    translations: translationsForPublication(),
    secretBox: contextSecretBox,
  });
  return ports;
}

/**
 * The hub's public origin for absolute links in public answers, see `publicLinkOrigin` (read in
 * `context.ts`, the one place that reads the environment).
 */
export { configuredPublicUrl } from '../context.ts';
