/**
 * What the coalition pages show. `/coalition`: to the chair and the secretariat, every
 * organisation (tier, stakeholder group, chair) and task force; an organisation lead is sent to
 * their own organisation's page; anyone else is refused. `/coalition/organisations/[id]`: the
 * organisation's delegates and pending invitations, to whoever manages its delegates.
 */
import { authorize, noticeOf, type NoticeSettings, type Principal, type StakeholderGroup, type Tier } from '@concord/core';
import { allowed, organisationIn } from './lookup.ts';
import type { CoalitionPorts } from './ports.ts';

type Ports = Pick<CoalitionPorts, 'directory' | 'invitations'>;

export interface CoalitionPage {
  coalitionName: string;
  organisations: {
    id: string;
    name: string;
    tier: Tier;
    stakeholderGroup: StakeholderGroup;
    isChair: boolean;
    people: number;
    /** The actor may change its tier and group (not their own organisation's). */
    canChange: boolean;
    /** The actor may open its delegates' page (the secretariat not the chair's). */
    canManageDelegates: boolean;
  }[];
  taskForces: { id: string; name: string; organisationIds: string[] }[];
  /** The actor may hand the chair on (the chair's delegates only). */
  canHandChair: boolean;
  /** The minimum notice of consensus calls, per procedure. */
  callNotice: NoticeSettings;
  canSetNotice: boolean;
}

/** Where the actor lands on `/coalition`: the page, or their own organisation's (leads); refused otherwise (a DomainError). */
export function coalitionLanding(actor: Principal): { kind: 'manage' } | { kind: 'own-organisation'; path: string } {
  if (authorize({ actor, action: 'coalition.manage', coalitionId: actor.coalitionId }).allow) return { kind: 'manage' };
  allowed(authorize({ actor, action: 'organisation.manage-delegates', organisation: { id: actor.organisationId, coalitionId: actor.coalitionId, isChair: actor.isChair } }));
  return { kind: 'own-organisation', path: `/coalition/organisations/${actor.organisationId}` };
}

export async function coalitionPage(input: { ports: Ports; actor: Principal; locale?: string }): Promise<CoalitionPage> {
  const { ports, actor } = input;
  allowed(authorize({ actor, action: 'coalition.manage', coalitionId: actor.coalitionId }));
  const { directory } = ports;
  const [coalition, organisations, users, taskForces] = await Promise.all([
    directory.coalitions.get(actor.coalitionId),
    directory.organisations.listByCoalition(actor.coalitionId),
    directory.users.listByCoalition(actor.coalitionId),
    directory.taskForces.listByCoalition(actor.coalitionId),
  ]);
  const byName = new Intl.Collator(input.locale ?? 'en').compare;
  const active = users.filter((user) => user.status === 'active');
  return {
    coalitionName: coalition?.name ?? '',
    callNotice: noticeOf({ notice: coalition?.notice }),
    canSetNotice: authorize({ actor, action: 'coalition.set-notice', coalitionId: actor.coalitionId }).allow,
    organisations: organisations
      .map((org) => ({
        id: org.id,
        name: org.name,
        tier: org.tier,
        stakeholderGroup: org.stakeholderGroup,
        isChair: org.isChair,
        people: active.filter((u) => u.organisationId === org.id).length,
        canChange: authorize({ actor, action: 'organisation.change-tier', organisation: org }).allow,
        canManageDelegates: authorize({ actor, action: 'organisation.manage-delegates', organisation: org }).allow,
      }))
      .sort((a, b) => byName(a.name, b.name)),
    taskForces: taskForces.map((tf) => ({ id: tf.id, name: tf.name, organisationIds: [...tf.organisationIds] })).sort((a, b) => byName(a.name, b.name)),
    canHandChair: organisations.some((org) => authorize({ actor, action: 'organisation.hand-chair', organisation: org }).allow),
  };
}

export interface OrganisationPage {
  organisation: { id: string; name: string; tier: Tier; isChair: boolean };
  people: { id: string; name: string; isLead: boolean; isSecretariat: boolean; isSelf: boolean }[];
  invitations: { id: string; email: string; name: string; lead: boolean; expiresAt: number }[];
  canManageCoalition: boolean;
  canGrantSecretariat: boolean;
}

export async function organisationPage(input: { ports: Ports; actor: Principal; organisationId: string; locale?: string }): Promise<OrganisationPage> {
  const { ports, actor } = input;
  const organisation = await organisationIn({ directory: ports.directory, actor, id: input.organisationId });
  allowed(authorize({ actor, action: 'organisation.manage-delegates', organisation }));
  const [users, invitations] = await Promise.all([ports.directory.users.listByCoalition(actor.coalitionId), ports.invitations.listByCoalition(actor.coalitionId)]);
  const byName = new Intl.Collator(input.locale ?? 'en').compare;
  return {
    organisation: { id: organisation.id, name: organisation.name, tier: organisation.tier, isChair: organisation.isChair },
    people: users
      .filter((user) => user.organisationId === organisation.id && user.status === 'active')
      .map((user) => ({ id: user.id, name: user.name, isLead: user.roles.includes('organisation-lead'), isSecretariat: user.roles.includes('secretariat'), isSelf: user.id === actor.userId }))
      .sort((a, b) => byName(a.name, b.name)),
    invitations: invitations
      .filter((invitation) => invitation.organisationId === organisation.id)
      .map((invitation) => ({ id: invitation.id, email: invitation.email, name: invitation.name, lead: invitation.roles.includes('organisation-lead'), expiresAt: invitation.expiresAt }))
      .sort((a, b) => b.expiresAt - a.expiresAt),
    canManageCoalition: authorize({ actor, action: 'coalition.manage', coalitionId: actor.coalitionId }).allow,
    canGrantSecretariat: authorize({ actor, action: 'role.grant-secretariat', coalitionId: actor.coalitionId }).allow,
  };
}
