/** When two version names are the same name; shared by every VersionStore. */
import { fail } from '@concord/core';
import type { Version } from './ports.ts';

/** Names compare without regard to case, width or spacing: "Rev. 1" and "rev.  1" are one name. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Throws a `conflict` DomainError `versions.name-taken` when one of `versions` already has `name`. */
export function refuseTaken(versions: readonly Pick<Version, 'name' | 'seq'>[], name: string): void {
  const key = nameKey(name);
  const taken = versions.find((v) => v.name !== null && nameKey(v.name) === key);
  if (taken) throw fail.conflict('versions.name-taken', `Version ${taken.seq} is already called “${taken.name}”; choose another name.`);
}
