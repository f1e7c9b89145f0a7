/**
 * Managing the coalition's organisations: adding one, changing its tier and stakeholder group,
 * handing the chair on (exactly one member organisation holds it). Tier and chair decide what
 * every delegate of the organisation may do, so their sessions rotate and their editors reconnect.
 */
import { authorize, StakeholderGroup, Tier, type Organisation, type Principal } from '@concord/core';
import { recordAct } from '../audit.ts';
import type { WebContext } from '../context.ts';
import { m } from '../../paraglide/messages.js';
import { invalid } from '../forms.ts';
import { enforce } from '../guard.ts';
import { newId, organisationIn } from './lookup.ts';
import { activeUserIdsOf, privilegesChanged } from './privilege.ts';

type Context = Pick<WebContext, 'directory' | 'accounts' | 'realtime' | 'audit'>;

export const tiers = Object.values(Tier);
export const stakeholderGroups = Object.values(StakeholderGroup);

function checkManage(actor: Principal): void {
  enforce(authorize({ actor, action: 'coalition.manage', coalitionId: actor.coalitionId }));
}

function readTier(value: string): Tier {
  const tier = tiers.find((t) => t === value);
  if (!tier) throw invalid({ field: 'tier', message: m.organisations_choose_tier() });
  return tier;
}

function readGroup(value: string): StakeholderGroup {
  const group = stakeholderGroups.find((g) => g === value);
  if (!group) throw invalid({ field: 'stakeholderGroup', message: m.organisations_choose_group() });
  return group;
}

export async function addOrganisation(input: { context: Context; actor: Principal; name: string; tier: string; stakeholderGroup: string; now: number }): Promise<Organisation> {
  const { context, actor, now } = input;
  checkManage(actor);
  const name = input.name.trim();
  if (!name || name.length > 120) throw invalid({ field: 'name', message: m.organisations_name_missing({ max: 120 }) });
  const existing = await context.directory.organisations.listByCoalition(actor.coalitionId);
  if (existing.some((org) => org.name.toLocaleLowerCase() === name.toLocaleLowerCase())) {
    throw invalid({ field: 'name', message: m.organisations_name_taken() });
  }
  const organisation: Organisation = { id: newId('org', now), coalitionId: actor.coalitionId, name, tier: readTier(input.tier), stakeholderGroup: readGroup(input.stakeholderGroup), isChair: false };
  await context.directory.organisations.put(organisation);
  await recordAct({ audit: context.audit, actor, action: 'organisation.added', subject: { kind: 'organisation', id: organisation.id }, details: { name, tier: organisation.tier, stakeholderGroup: organisation.stakeholderGroup }, now });
  return organisation;
}

/**
 * Changes tier and stakeholder group; the chair stays a member organisation. Never the actor's
 * own organisation (separation of duties: another manager does it).
 */
export async function changeOrganisation(input: { context: Context; actor: Principal; organisationId: string; tier: string; stakeholderGroup: string; now: number }): Promise<void> {
  const { context, actor, now } = input;
  checkManage(actor);
  const organisation = await organisationIn({ directory: context.directory, actor, id: input.organisationId });
  enforce(authorize({ actor, action: 'organisation.change-tier', organisation }));
  const tier = readTier(input.tier);
  const stakeholderGroup = readGroup(input.stakeholderGroup);
  if (organisation.isChair && tier !== 'member') throw invalid({ field: 'tier', message: m.organisations_chair_stays_member() });
  if (tier === organisation.tier && stakeholderGroup === organisation.stakeholderGroup) return;
  await context.directory.organisations.put({ ...organisation, tier, stakeholderGroup });
  const subject = { kind: 'organisation', id: organisation.id };
  if (tier !== organisation.tier) {
    await recordAct({ audit: context.audit, actor, action: 'organisation.tier-changed', subject, details: { name: organisation.name, from: organisation.tier, to: tier }, now });
    const users = await context.directory.users.listByCoalition(actor.coalitionId);
    await privilegesChanged({ context, userIds: activeUserIdsOf(users, [organisation.id]), reason: 'access.tier-changed' });
  }
  if (stakeholderGroup !== organisation.stakeholderGroup) {
    await recordAct({ audit: context.audit, actor, action: 'organisation.group-changed', subject, details: { name: organisation.name, from: organisation.stakeholderGroup, to: stakeholderGroup }, now });
  }
}

/**
 * Hands the chair to another member organisation: the chair's delegates only, never to their
 * own organisation. The new chair is set before the old one is cleared (no transactions): a
 * crash in between leaves two chairs for a moment, never none.
 */
export async function handChair(input: { context: Context; actor: Principal; organisationId: string; now: number }): Promise<void> {
  const { context, actor, now } = input;
  const next = await organisationIn({ directory: context.directory, actor, id: input.organisationId });
  enforce(authorize({ actor, action: 'organisation.hand-chair', organisation: next }));
  if (next.tier !== 'member') throw invalid({ field: 'chair', message: m.organisations_chair_member_only() });
  if (next.isChair) throw invalid({ field: 'chair', message: m.organisations_already_chair({ organisation: next.name }) });
  const previous = (await context.directory.organisations.listByCoalition(actor.coalitionId)).filter((org) => org.isChair && org.id !== next.id);
  await context.directory.organisations.put({ ...next, isChair: true });
  for (const org of previous) await context.directory.organisations.put({ ...org, isChair: false });
  await recordAct({
    audit: context.audit,
    actor,
    action: 'organisation.chair-handed',
    subject: { kind: 'organisation', id: next.id },
    details: { from: previous.map((org) => org.name).join(', ') || null, to: next.name },
    now,
  });
  const users = await context.directory.users.listByCoalition(actor.coalitionId);
  await privilegesChanged({ context, userIds: activeUserIdsOf(users, [next.id, ...previous.map((org) => org.id)]), reason: 'access.chair-changed' });
}
