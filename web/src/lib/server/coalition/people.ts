/**
 * The people of an organisation: invitations (mailed links, seven days), removing a delegate,
 * naming the organisation's lead, and (the chair only) the secretariat role. A change of role or
 * a removal rotates the person's sessions and closes their open editors.
 */
import { generateToken, hashToken } from '@concord/auth';
import { authorize, fail, isPlausibleEmail, normaliseEmail, type Invitation, type Organisation, type Principal, type Role, type User } from '@concord/core';
import { recordAct } from '../audit.ts';
import type { WebContext } from '../context.ts';
import { invalid } from '../forms.ts';
import { enforce } from '../guard.ts';
import { organisationIn, personIn } from './lookup.ts';
import { privilegesChanged } from './privilege.ts';

export const invitationLifetimeMs = 7 * 24 * 60 * 60_000;

type Context = Pick<WebContext, 'directory' | 'accounts' | 'realtime' | 'audit' | 'invitations' | 'mailer' | 'sessions'>;

function checkDelegates(actor: Principal, organisation: Organisation): void {
  enforce(authorize({ actor, action: 'organisation.manage-delegates', organisation }));
}

/** Invites `email` to act for the organisation; mails the link (null `linkOrigin`: no trustworthy origin, refused). */
export async function invitePerson(input: {
  context: Context;
  actor: Principal;
  organisationId: string;
  email: string;
  name: string;
  lead: boolean;
  linkOrigin: string | null;
  now: number;
}): Promise<void> {
  const { context, actor, now } = input;
  const organisation = await organisationIn({ directory: context.directory, actor, id: input.organisationId });
  checkDelegates(actor, organisation);
  const email = normaliseEmail(input.email);
  if (!isPlausibleEmail(email)) throw invalid({ field: 'email', message: 'Enter an email address such as name@example.org.' });
  if (input.name.length > 100) throw invalid({ field: 'name', message: 'Use at most 100 characters.' });
  if (await context.accounts.findByEmail(email)) throw invalid({ field: 'email', message: 'Someone already has an account with this address.' });
  if (!input.linkOrigin) throw invalid({ message: 'Invitations cannot be mailed: the hub’s public address is not configured.' });
  const token = generateToken();
  const roles: Role[] = input.lead ? ['organisation-lead'] : [];
  const invitation: Invitation = { id: hashToken(token), email, name: input.name, coalitionId: actor.coalitionId, organisationId: organisation.id, roles, invitedBy: actor.userId, createdAt: now, expiresAt: now + invitationLifetimeMs };
  await context.invitations.create(invitation);
  await context.mailer.send({
    to: email,
    subject: `You are invited to act for ${organisation.name} on Concord`,
    text: [
      `${actor.userName} (${actor.organisationName}) invites you to act for ${organisation.name} on Concord${input.lead ? ', as the organisation’s lead' : ''}.`,
      '',
      'To accept, choose your password here:',
      '',
      `${input.linkOrigin}/invite/${token}`,
      '',
      'The link works once, within seven days. If you did not expect it, ignore this mail.',
    ].join('\n'),
  });
  await recordAct({ audit: context.audit, actor, action: 'member.invited', subject: { kind: 'invitation', id: invitation.id }, details: { email, organisationId: organisation.id, lead: input.lead }, now });
}

export async function cancelInvitation(input: { context: Context; actor: Principal; invitationId: string; now: number }): Promise<void> {
  const { context, actor, now } = input;
  const invitation = input.invitationId ? await context.invitations.get(input.invitationId) : null;
  if (!invitation || invitation.coalitionId !== actor.coalitionId) throw fail.notFound('invitation.not-found');
  const organisation = await organisationIn({ directory: context.directory, actor, id: invitation.organisationId });
  checkDelegates(actor, organisation);
  await context.invitations.delete(invitation.id);
  await recordAct({ audit: context.audit, actor, action: 'member.invitation-cancelled', subject: { kind: 'invitation', id: invitation.id }, details: { email: invitation.email, organisationId: organisation.id }, now });
}

/** A delegate the actor may manage: active, in an organisation whose delegates the actor manages. */
async function manageable(input: { context: Context; actor: Principal; userId: string }): Promise<{ user: User; organisation: Organisation }> {
  const user = await personIn({ directory: input.context.directory, actor: input.actor, id: input.userId });
  const organisation = await organisationIn({ directory: input.context.directory, actor: input.actor, id: user.organisationId });
  checkDelegates(input.actor, organisation);
  return { user, organisation };
}

/** Removes a delegate: they can no longer sign in; their sessions end and their editors close. */
export async function removeDelegate(input: { context: Context; actor: Principal; userId: string; now: number }): Promise<void> {
  const { context, actor, now } = input;
  const { user, organisation } = await manageable(input);
  if (user.id === actor.userId) throw invalid({ message: 'You cannot remove yourself; delete your account from your account page instead.' });
  await context.directory.users.put({ ...user, status: 'removed' });
  await context.sessions.deleteByUser({ userId: user.id });
  await privilegesChanged({ context, userIds: [user.id], reason: 'access.removed' });
  await recordAct({ audit: context.audit, actor, action: 'member.removed', subject: { kind: 'user', id: user.id }, details: { name: user.name, organisationId: organisation.id }, now });
}

async function setRole(input: { context: Context; actor: Principal; user: User; role: Role; on: boolean; action: string; now: number }): Promise<void> {
  const { context, actor, user } = input;
  const has = user.roles.includes(input.role);
  if (has === input.on) return;
  const roles = input.on ? [...user.roles, input.role] : user.roles.filter((role) => role !== input.role);
  await context.directory.users.put({ ...user, roles });
  await recordAct({ audit: context.audit, actor, action: input.action, subject: { kind: 'user', id: user.id }, details: { name: user.name, organisationId: user.organisationId }, now: input.now });
  await privilegesChanged({ context, userIds: [user.id], reason: 'access.role-changed' });
}

/** Names (`lead` true) or unnames a delegate as their organisation's lead. */
export async function setOrganisationLead(input: { context: Context; actor: Principal; userId: string; lead: boolean; now: number }): Promise<void> {
  const { user } = await manageable(input);
  await setRole({ ...input, user, role: 'organisation-lead', on: input.lead, action: input.lead ? 'member.lead-named' : 'member.lead-unnamed' });
}

/** Grants or revokes the secretariat role: the chair only. */
export async function setSecretariat(input: { context: Context; actor: Principal; userId: string; grant: boolean; now: number }): Promise<void> {
  const { context, actor } = input;
  enforce(authorize({ actor, action: 'role.grant-secretariat', coalitionId: actor.coalitionId }));
  const user = await personIn({ directory: context.directory, actor, id: input.userId });
  await setRole({ ...input, user, role: 'secretariat', on: input.grant, action: input.grant ? 'role.secretariat-granted' : 'role.secretariat-revoked' });
}
