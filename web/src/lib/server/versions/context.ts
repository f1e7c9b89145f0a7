/** The versions pages' dependencies, built on first use from the hub's shared parts (`hub()` in `context.ts`). */
import { createVersionService } from '@concord/versions';
import { hub, webContext } from '../context.ts';
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
  const { documents, versions } = hub();
  return {
    directory,
    audit,
    service: createVersionService({ documents, versions }),
    // An adopted text is fixed even without its freeze: restoring refuses it too.
    texts: { frozenBy: fixedBy({ frozenBy: documents.frozenBy, reader: stageReader }) },
    live: hub().sync(),
    now: Date.now,
  };
}
