/**
 * The text as a consensus call sees it (`CallText` of `@concord/calls/ports`), over the stores
 * that hold it: the latest *named* version (versions store), open brackets (negotiation store),
 * and the hash of the current stored text (the Yjs document, hashed as packages/text does it).
 */
import { isClean, type BracketStatus } from '@concord/core';
import type { CallText, NamedVersion } from '@concord/calls/ports';
import { documentFrom } from '@concord/sync/document';
import type { DocumentState } from '@concord/sync/ports';
import { contentHash } from '@concord/text';

/** The versions store as far as a call needs it (`@concord/versions` VersionStore.list). */
export interface NamedVersions {
  list(input: { docId: string }): Promise<{ seq: number; kind: 'checkpoint' | 'named'; name: string | null; hash: string }[]>;
}

export function createCallText(input: {
  versions: NamedVersions;
  brackets: { list(input: { docId: string }): Promise<{ brackets: { status: BracketStatus }[] }> };
  documents: { load(input: { docId: string }): Promise<DocumentState> };
}): CallText {
  return {
    async latestNamedVersion({ docId }) {
      // Newest first: the first named one is the latest named version.
      const named = (await input.versions.list({ docId })).find((v) => v.kind === 'named' && v.name);
      return named ? ({ seq: named.seq, name: named.name!, hash: named.hash } satisfies NamedVersion) : null;
    },
    async isClean({ docId }) {
      const { brackets } = await input.brackets.list({ docId });
      return isClean(brackets);
    },
    async currentHash({ docId }) {
      const doc = documentFrom(await input.documents.load({ docId }));
      try {
        return contentHash({ doc });
      } finally {
        doc.destroy();
      }
    },
  };
}
