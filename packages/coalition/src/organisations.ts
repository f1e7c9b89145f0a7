/**
 * Managing the coalition's organisations: adding one, changing its tier and stakeholder group,
 * handing the chair on (exactly one member organisation holds it). Tier and chair decide what
 * every delegate of the organisation may do, so their sessions rotate and their editors reconnect.
 */
import { actEntry, authorize, fail, StakeholderGroup, Tier, type Organisation, type Principal } from '@concord/core';
import { allowed, newId, organisationIn } from './lookup.ts';
import type { CoalitionPorts } from './ports.ts';
import { activeUserIdsOf, privilegesChanged } from './privilege.ts';

type Ports = Pick<CoalitionPorts, 'directory' | 'accounts' | 'realtime' | 'audit'>;

const tiers = Object.values(Tier);
const stakeholderGroups = Object.values(StakeholderGroup);
/** The longest name of an organisation or a task force, in characters. */
export const nameLimit = 120;

function checkManage(actor: Principal): void {
  allowed(authorize({ actor, action: 'coalition.manage', coalitionId: actor.coalitionId }));
}

function readTier(value: string): Tier {
  const tier = tiers.find((t) => t === value);
  if (!tier) throw fail.input('organisation.tier-unknown', 'Choose a tier.');
  return tier;
}

function readGroup(value: string): StakeholderGroup {
  const group = stakeholderGroups.find((g) => g === value);
  if (!group) throw fail.input('organisation.group-unknown', 'Choose a stakeholder group.');
  return group;
}

export async function addOrganisation(input: { ports: Ports; actor: Principal; name: string; tier: string; stakeholderGroup: string; now: number }): Promise<Organisation> {
  const { ports, actor, now } = input;
  checkManage(actor);
  const name = input.name.trim();
  if (!name || name.length > nameLimit) throw fail.input('organisation.name-missing', `Enter the organisation’s name (at most ${nameLimit} characters).`);
  const existing = await ports.directory.organisations.listByCoalition(actor.coalitionId);
  if (existing.some((org) => org.name.toLocaleLowerCase() === name.toLocaleLowerCase())) {
    throw fail.input('organisation.name-taken', 'An organisation of this name is already in the coalition.');
  }
  const organisation: Organisation = { id: newId('org', now), coalitionId: actor.coalitionId, name, tier: readTier(input.tier), stakeholderGroup: readGroup(input.stakeholderGroup), isChair: false };
  await ports.directory.organisations.put(organisation);
  await ports.audit.append({ entry: actEntry({ actor, action: 'organisation.added', subject: { kind: 'organisation', id: organisation.id }, details: { name, tier: organisation.tier, stakeholderGroup: organisation.stakeholderGroup }, now }) });
  return organisation;
}

/**
 * Changes tier and stakeholder group; the chair stays a member organisation. Never the actor's
 * own organisation (separation of duties: another manager does it).
 */
export async function changeOrganisation(input: { ports: Ports; actor: Principal; organisationId: string; tier: string; stakeholderGroup: string; now: number }): Promise<void> {
  const { ports, actor, now } = input;
  checkManage(actor);
  const organisation = await organisationIn({ directory: ports.directory, actor, id: input.organisationId });
  allowed(authorize({ actor, action: 'organisation.change-tier', organisation }));
  const tier = readTier(input.tier);
  const stakeholderGroup = readGroup(input.stakeholderGroup);
  if (organisation.isChair && tier !== 'member') throw fail.input('organisation.chair-stays-member', 'The chair is a member organisation: hand the chair on first.');
  if (tier === organisation.tier && stakeholderGroup === organisation.stakeholderGroup) return;
  await ports.directory.organisations.put({ ...organisation, tier, stakeholderGroup });
  const subject = { kind: 'organisation', id: organisation.id };
  if (tier !== organisation.tier) {
    await ports.audit.append({ entry: actEntry({ actor, action: 'organisation.tier-changed', subject, details: { name: organisation.name, from: organisation.tier, to: tier }, now }) });
    const users = await ports.directory.users.listByCoalition(actor.coalitionId);
    await privilegesChanged({ ports, userIds: activeUserIdsOf(users, [organisation.id]), reason: 'access.tier-changed' });
  }
  if (stakeholderGroup !== organisation.stakeholderGroup) {
    await ports.audit.append({ entry: actEntry({ actor, action: 'organisation.group-changed', subject, details: { name: organisation.name, from: organisation.stakeholderGroup, to: stakeholderGroup }, now }) });
  }
}

/**
 * Hands the chair to another member organisation: the chair's delegates only, never to their
 * own organisation. The new chair is set before the old one is cleared (no transactions): a
 * crash in between leaves two chairs for a moment, never none.
 */
export async function handChair(input: { ports: Ports; actor: Principal; organisationId: string; now: number }): Promise<void> {
  const { ports, actor, now } = input;
  const next = await organisationIn({ directory: ports.directory, actor, id: input.organisationId });
  allowed(authorize({ actor, action: 'organisation.hand-chair', organisation: next }));
  if (next.tier !== 'member') throw fail.input('organisation.chair-member-only', 'Only a member organisation can hold the chair.');
  if (next.isChair) throw fail.input('organisation.already-chair', `${next.name} already holds the chair.`, { organisation: next.name });
  const previous = (await ports.directory.organisations.listByCoalition(actor.coalitionId)).filter((org) => org.isChair && org.id !== next.id);
  await ports.directory.organisations.put({ ...next, isChair: true });
  for (const org of previous) await ports.directory.organisations.put({ ...org, isChair: false });
  await ports.audit.append({
    entry: actEntry({
      actor,
      action: 'organisation.chair-handed',
      subject: { kind: 'organisation', id: next.id },
      details: { from: previous.map((org) => org.name).join(', ') || null, to: next.name },
      now,
    }),
  });
  const users = await ports.directory.users.listByCoalition(actor.coalitionId);
  await privilegesChanged({ ports, userIds: activeUserIdsOf(users, [next.id, ...previous.map((org) => org.id)]), reason: 'access.chair-changed' });
}
