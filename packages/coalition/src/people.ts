/**
 * The people of an organisation: invitations (mailed links, seven days), removing a delegate,
 * naming the organisation's lead, and (the chair only) the secretariat role. A change of role or
 * a removal rotates the person's sessions and closes their open editors.
 */
import { generateToken, hashToken } from '@concord/auth/tokens';
import { actEntry, authorize, fail, isPlausibleEmail, normaliseEmail, type Invitation, type Organisation, type Principal, type Role, type User } from '@concord/core';
import { allowed, organisationIn, personIn } from './lookup.ts';
import type { CoalitionPorts } from './ports.ts';
import { privilegesChanged } from './privilege.ts';

export const invitationLifetimeMs = 7 * 24 * 60 * 60_000;
/** The longest name an invitation gives the invitee, in characters. */
export const inviteeNameLimit = 100;

type Ports = Pick<CoalitionPorts, 'directory' | 'accounts' | 'realtime' | 'audit' | 'invitations' | 'sessions'>;

function checkDelegates(actor: Principal, organisation: Organisation): void {
  allowed(authorize({ actor, action: 'organisation.manage-delegates', organisation }));
}

/**
 * Invites `email` to act for the organisation and mails the link to `/invite/<token>` under
 * `linkOrigin` (null: no trustworthy origin, refused). Only the token's hash is stored.
 */
export async function invitePerson(input: {
  ports: Ports & Pick<CoalitionPorts, 'invitationMail'>;
  actor: Principal;
  organisationId: string;
  email: string;
  name: string;
  lead: boolean;
  linkOrigin: string | null;
  now: number;
}): Promise<void> {
  const { ports, actor, now } = input;
  const organisation = await organisationIn({ directory: ports.directory, actor, id: input.organisationId });
  checkDelegates(actor, organisation);
  const email = normaliseEmail(input.email);
  if (!isPlausibleEmail(email)) throw fail.input('invitation.email-invalid', 'Enter an email address such as name@example.org.');
  if (input.name.length > inviteeNameLimit) throw fail.input('invitation.name-too-long', `Use at most ${inviteeNameLimit} characters.`);
  if (await ports.accounts.findByEmail(email)) throw fail.input('invitation.email-has-account', 'Someone already has an account with this address.');
  if (!input.linkOrigin) throw fail.input('invitation.no-public-address', 'Invitations cannot be mailed: the hub’s public address is not configured.');
  const token = generateToken();
  const roles: Role[] = input.lead ? ['organisation-lead'] : [];
  const invitation: Invitation = { id: hashToken(token), email, name: input.name, coalitionId: actor.coalitionId, organisationId: organisation.id, roles, invitedBy: actor.userId, createdAt: now, expiresAt: now + invitationLifetimeMs };
  await ports.invitations.create(invitation);
  await ports.invitationMail.send({ actor, organisation, email, lead: input.lead, link: `${input.linkOrigin}/invite/${token}` });
  await ports.audit.append({ entry: actEntry({ actor, action: 'member.invited', subject: { kind: 'invitation', id: invitation.id }, details: { email, organisationId: organisation.id, lead: input.lead }, now }) });
}

export async function cancelInvitation(input: { ports: Ports; actor: Principal; invitationId: string; now: number }): Promise<void> {
  const { ports, actor, now } = input;
  const invitation = input.invitationId ? await ports.invitations.get(input.invitationId) : null;
  if (!invitation || invitation.coalitionId !== actor.coalitionId) throw fail.notFound('invitation.not-found');
  const organisation = await organisationIn({ directory: ports.directory, actor, id: invitation.organisationId });
  checkDelegates(actor, organisation);
  await ports.invitations.delete(invitation.id);
  await ports.audit.append({ entry: actEntry({ actor, action: 'member.invitation-cancelled', subject: { kind: 'invitation', id: invitation.id }, details: { email: invitation.email, organisationId: organisation.id }, now }) });
}

/** A delegate the actor may manage: active, in an organisation whose delegates the actor manages. */
async function manageable(input: { ports: Ports; actor: Principal; userId: string }): Promise<{ user: User; organisation: Organisation }> {
  const user = await personIn({ directory: input.ports.directory, actor: input.actor, id: input.userId });
  const organisation = await organisationIn({ directory: input.ports.directory, actor: input.actor, id: user.organisationId });
  checkDelegates(input.actor, organisation);
  return { user, organisation };
}

/** Removes a delegate: they can no longer sign in; their sessions end and their editors close. */
export async function removeDelegate(input: { ports: Ports; actor: Principal; userId: string; now: number }): Promise<void> {
  const { ports, actor, now } = input;
  const { user, organisation } = await manageable(input);
  if (user.id === actor.userId) throw fail.input('member.cannot-remove-self', 'You cannot remove yourself; delete your account from your account page instead.');
  await ports.directory.users.put({ ...user, status: 'removed' });
  await ports.sessions.deleteByUser({ userId: user.id });
  await privilegesChanged({ ports, userIds: [user.id], reason: 'access.removed' });
  await ports.audit.append({ entry: actEntry({ actor, action: 'member.removed', subject: { kind: 'user', id: user.id }, details: { name: user.name, organisationId: organisation.id }, now }) });
}

async function setRole(input: { ports: Ports; actor: Principal; user: User; role: Role; on: boolean; action: string; now: number }): Promise<void> {
  const { ports, actor, user } = input;
  const has = user.roles.includes(input.role);
  if (has === input.on) return;
  const roles = input.on ? [...user.roles, input.role] : user.roles.filter((role) => role !== input.role);
  await ports.directory.users.put({ ...user, roles });
  await ports.audit.append({ entry: actEntry({ actor, action: input.action, subject: { kind: 'user', id: user.id }, details: { name: user.name, organisationId: user.organisationId }, now: input.now }) });
  await privilegesChanged({ ports, userIds: [user.id], reason: 'access.role-changed' });
}

/** Names (`lead` true) or unnames a delegate as their organisation's lead. */
export async function setOrganisationLead(input: { ports: Ports; actor: Principal; userId: string; lead: boolean; now: number }): Promise<void> {
  const { user } = await manageable(input);
  await setRole({ ...input, user, role: 'organisation-lead', on: input.lead, action: input.lead ? 'member.lead-named' : 'member.lead-unnamed' });
}

/** Grants or revokes the secretariat role: the chair only. */
export async function setSecretariat(input: { ports: Ports; actor: Principal; userId: string; grant: boolean; now: number }): Promise<void> {
  const { ports, actor } = input;
  allowed(authorize({ actor, action: 'role.grant-secretariat', coalitionId: actor.coalitionId }));
  const user = await personIn({ directory: ports.directory, actor, id: input.userId });
  await setRole({ ...input, user, role: 'secretariat', on: input.grant, action: input.grant ? 'role.secretariat-granted' : 'role.secretariat-revoked' });
}
