/** The authors of updates as the document store records them: `<userId> <organisationId>`. */
import type { VersionAuthor } from './ports.ts';

/** The tag the sync core stores for an update by `author`. */
export function authorTag(author: VersionAuthor): string {
  return `${author.userId} ${author.organisationId}`;
}

/** Parses, de-duplicates and orders (by organisation, then person) the recorded tags; malformed ones are skipped. */
export function authorsFrom(tags: readonly string[]): VersionAuthor[] {
  const byKey = new Map<string, VersionAuthor>();
  for (const tag of tags) {
    const [userId, organisationId, ...rest] = tag.split(' ');
    if (!userId || !organisationId || rest.length > 0) continue;
    byKey.set(tag, { userId, organisationId });
  }
  return [...byKey.values()].sort((a, b) => a.organisationId.localeCompare(b.organisationId, 'en') || a.userId.localeCompare(b.userId, 'en'));
}
