/**
 * Accepting an invitation: the invitee names themselves and sets a password; the invitation is
 * taken once, the person and their account are made, and they are signed in. An unknown, used
 * or expired link shows the same page, with no detail.
 */
import { hashPassword, hashToken, isWellFormedToken } from '@concord/auth';
import { fail, makeId, passwordIssue, twoFactorRequired, type Invitation, type User } from '@concord/core';
import type { Cookies } from '@sveltejs/kit';
import { recordAct } from './audit.ts';
import type { WebContext } from './context.ts';
import { m } from '../paraglide/messages.js';
import { passwordText } from './error-messages.ts';
import { invalid } from './forms.ts';
import { startSession } from './session.ts';

export interface InvitationView {
  email: string;
  name: string;
  organisationName: string;
  coalitionName: string;
}

type Context = Pick<WebContext, 'directory' | 'invitations' | 'accounts' | 'sessions' | 'audit'>;

async function pendingInvitation(input: { context: Context; token: string; now: number }): Promise<Invitation | null> {
  if (!isWellFormedToken(input.token)) return null;
  const invitation = await input.context.invitations.get(hashToken(input.token));
  return invitation && invitation.expiresAt > input.now ? invitation : null;
}

/** What the invitation page shows, or null for a link that does not work (whatever the reason). */
export async function describeInvitation(input: { context: Context; token: string; now: number }): Promise<InvitationView | null> {
  const invitation = await pendingInvitation(input);
  if (!invitation) return null;
  const { directory } = input.context;
  const [organisation, coalition] = await Promise.all([directory.organisations.get(invitation.organisationId), directory.coalitions.get(invitation.coalitionId)]);
  if (!organisation || !coalition) return null;
  return { email: invitation.email, name: invitation.name, organisationName: organisation.name, coalitionName: coalition.name };
}

/** Why a display name is not acceptable, or null. */
export function nameProblem(name: string): string | null {
  if (name.length === 0) return m.invite_name_missing();
  if (name.length > 100) return m.error_at_most_characters({ max: 100 });
  return null;
}

const invitationGone = () => fail.input('invitation.invalid', m.invite_gone_title());

/**
 * Takes the invitation and makes the person (active, with the invitation's roles) and their
 * account, then starts a session. Throws `input` errors (name, password, email taken) before the
 * invitation is used, so the invitee can correct them; `not-found` when the link does not work.
 */
export async function acceptInvitation(input: {
  context: Context;
  token: string;
  name: string;
  password: string;
  cookies: Cookies;
  secure: boolean;
  device: string;
  /** The session this browser had (someone else signed in here): it ends, replaced by the invitee's. */
  previousSessionId?: string;
  now: number;
}): Promise<{ twoFactorRequired: boolean }> {
  const { context, now } = input;
  const invitation = await pendingInvitation(input);
  if (!invitation) throw invitationGone();
  const problem = nameProblem(input.name) ?? null;
  if (problem) throw invalid({ field: 'name', message: problem });
  const weak = passwordIssue({ password: input.password, email: invitation.email });
  if (weak) throw invalid({ field: 'password', message: passwordText(weak) });
  if (await context.accounts.findByEmail(invitation.email)) throw emailTaken();
  const organisation = await context.directory.organisations.get(invitation.organisationId);
  if (!organisation || organisation.coalitionId !== invitation.coalitionId) throw invitationGone();
  const passwordHash = await hashPassword(input.password);
  const taken = await context.invitations.consume({ id: invitation.id, now });
  if (!taken) throw invitationGone();
  const user: User = {
    id: makeId({ prefix: 'usr', now, random: crypto.getRandomValues(new Uint8Array(10)) }),
    name: input.name,
    organisationId: taken.organisationId,
    coalitionId: taken.coalitionId,
    roles: [...taken.roles],
    status: 'active',
  };
  const account = { userId: user.id, email: taken.email, passwordHash, totpKey: null, totpLastStep: 0, privilegeVersion: 1, createdAt: now };
  if ((await context.accounts.create(account)) === 'email-taken') throw emailTaken();
  await context.directory.users.put(user);
  await recordAct({
    audit: context.audit,
    actor: { userId: user.id, organisationId: user.organisationId, coalitionId: user.coalitionId },
    action: 'member.joined',
    subject: { kind: 'user', id: user.id },
    details: { organisationId: user.organisationId, roles: user.roles.join(','), invitedBy: taken.invitedBy },
    now,
  });
  if (input.previousSessionId) await context.sessions.delete(input.previousSessionId);
  await startSession({ sessions: context.sessions, cookies: input.cookies, secure: input.secure, account, twoFactorVerified: true, device: input.device, now });
  return { twoFactorRequired: twoFactorRequired({ isChair: organisation.isChair, roles: user.roles }) };
}

function emailTaken() {
  return fail.conflict('account.email-taken', m.invite_email_taken());
}
