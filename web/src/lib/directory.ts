/** The demo identity picker's view of a coalition: tiers, then organisations, then people. */
import type { Organisation, Tier, User } from '@concord/core';

export interface DirectoryOrganisation {
  id: string;
  name: string;
  isChair: boolean;
  people: { id: string; name: string }[];
}

export interface DirectoryTier {
  tier: Tier;
  organisations: DirectoryOrganisation[];
}

const tierOrder: readonly Tier[] = ['member', 'advisory', 'observer'];

/**
 * Groups people by organisation and organisations by tier (members, advisory, observers), each
 * sorted by name for `locale`. Organisations without people and people without a known
 * organisation are left out: nobody could act for or as them.
 */
export function groupDirectory(input: {
  organisations: readonly Organisation[];
  users: readonly User[];
  locale?: string;
}): DirectoryTier[] {
  const byName = new Intl.Collator(input.locale ?? 'en').compare;
  const peopleByOrg = new Map<string, { id: string; name: string }[]>();
  for (const user of input.users) {
    const people = peopleByOrg.get(user.organisationId) ?? [];
    people.push({ id: user.id, name: user.name });
    peopleByOrg.set(user.organisationId, people);
  }
  return tierOrder
    .map((tier) => ({
      tier,
      organisations: input.organisations
        .filter((org) => org.tier === tier && peopleByOrg.has(org.id))
        .map((org) => ({
          id: org.id,
          name: org.name,
          isChair: org.isChair,
          people: (peopleByOrg.get(org.id) ?? []).sort((a, b) => byName(a.name, b.name)),
        }))
        .sort((a, b) => byName(a.name, b.name)),
    }))
    .filter((group) => group.organisations.length > 0);
}
