/**
 * The people of an organisation: invitations (mailed links, seven days), removing a delegate,
 * naming the organisation's lead, and (the chair only) the secretariat role. A change of role or
 * a removal rotates the person's sessions and closes their open editors.
 */
import { generateToken, hashToken } from '@concord/auth';
import { authorize, fail, isPlausibleEmail, normaliseEmail, type Invitation, type Organisation, type Principal, type Role, type User } from '@concord/core';
import { recordAct } from '../audit.ts';
import type { WebContext } from '../context.ts';
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import { invalid } from '../forms.ts';
import { enforce } from '../guard.ts';
import { organisationIn, personIn } from './lookup.ts';
import { privilegesChanged } from './privilege.ts';

export const invitationLifetimeMs = 7 * 24 * 60 * 60_000;

type Context = Pick<WebContext, 'directory' | 'accounts' | 'realtime' | 'audit' | 'invitations' | 'mailer' | 'sessions'>;

function checkDelegates(actor: Principal, organisation: Organisation): void {
  enforce(authorize({ actor, action: 'organisation.manage-delegates', organisation }));
}

/**
 * Invites `email` to act for the organisation; mails the link (null `linkOrigin`: no trustworthy
 * origin, refused) in `locale`, the language the inviter chose for the invitee (by default the
 * inviter's own).
 */
export async function invitePerson(input: {
  context: Context;
  actor: Principal;
  organisationId: string;
  email: string;
  name: string;
  lead: boolean;
  linkOrigin: string | null;
  locale?: Locale;
  now: number;
}): Promise<void> {
  const { context, actor, now } = input;
  const organisation = await organisationIn({ directory: context.directory, actor, id: input.organisationId });
  checkDelegates(actor, organisation);
  const email = normaliseEmail(input.email);
  if (!isPlausibleEmail(email)) throw invalid({ field: 'email', message: m.error_email_format() });
  if (input.name.length > 100) throw invalid({ field: 'name', message: m.error_at_most_characters({ max: 100 }) });
  if (await context.accounts.findByEmail(email)) throw invalid({ field: 'email', message: m.people_email_has_account() });
  if (!input.linkOrigin) throw invalid({ message: m.people_no_public_address() });
  const token = generateToken();
  const roles: Role[] = input.lead ? ['organisation-lead'] : [];
  const invitation: Invitation = { id: hashToken(token), email, name: input.name, coalitionId: actor.coalitionId, organisationId: organisation.id, roles, invitedBy: actor.userId, createdAt: now, expiresAt: now + invitationLifetimeMs };
  await context.invitations.create(invitation);
  await context.mailer.send(invitationMail({ actor, organisation, email, lead: input.lead, link: `${input.linkOrigin}/invite/${token}`, locale: input.locale }));
  await recordAct({ audit: context.audit, actor, action: 'member.invited', subject: { kind: 'invitation', id: invitation.id }, details: { email, organisationId: organisation.id, lead: input.lead }, now });
}

/** The invitation mail, in `locale` (the request's language when none is given). */
function invitationMail(input: { actor: Principal; organisation: Organisation; email: string; lead: boolean; link: string; locale?: Locale }) {
  const options = input.locale ? { locale: input.locale } : {};
  const names = { inviter: input.actor.userName, inviterOrganisation: input.actor.organisationName, organisation: input.organisation.name };
  return {
    to: input.email,
    subject: m.mail_invite_subject({ organisation: input.organisation.name }, options),
    text: [
      input.lead ? m.mail_invite_intro_lead(names, options) : m.mail_invite_intro(names, options),
      '',
      m.mail_invite_accept(undefined, options),
      '',
      input.link,
      '',
      m.mail_invite_outro(undefined, options),
    ].join('\n'),
  };
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
  if (user.id === actor.userId) throw invalid({ message: m.people_cannot_remove_self() });
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
