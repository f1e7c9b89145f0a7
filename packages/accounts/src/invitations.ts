/**
 * Accepting an invitation: the invitee names themselves and sets a password; the invitation is
 * taken once, the person and their account are made, and they are signed in. An unknown, used
 * or expired link shows the same page, with no detail.
 */
import { hashPassword, hashToken, isWellFormedToken } from '@concord/auth';
import { actEntry, fail, makeId, twoFactorRequired, type Invitation, type User } from '@concord/core';
import { weakPassword } from './password.ts';
import type { AccountPorts } from './ports.ts';
import { startSession, type Started } from './sessions.ts';

/** The longest display name an invitee may give. */
export const displayNameLimit = 100;

export interface InvitationView {
  email: string;
  name: string;
  organisationName: string;
  coalitionName: string;
}

type Ports = Pick<AccountPorts, 'directory' | 'invitations' | 'accounts' | 'sessions' | 'audit'>;

async function pendingInvitation(input: { ports: Pick<Ports, 'invitations'>; token: string; now: number }): Promise<Invitation | null> {
  if (!isWellFormedToken(input.token)) return null;
  const invitation = await input.ports.invitations.get(hashToken(input.token));
  return invitation && invitation.expiresAt > input.now ? invitation : null;
}

/** What the invitation page shows, or null for a link that does not work (whatever the reason). */
export async function describeInvitation(input: { ports: Ports; token: string; now: number }): Promise<InvitationView | null> {
  const invitation = await pendingInvitation(input);
  if (!invitation) return null;
  const { directory } = input.ports;
  const [organisation, coalition] = await Promise.all([directory.organisations.get(invitation.organisationId), directory.coalitions.get(invitation.coalitionId)]);
  if (!organisation || !coalition) return null;
  return { email: invitation.email, name: invitation.name, organisationName: organisation.name, coalitionName: coalition.name };
}

/** Why a display name is not acceptable (a refusal's code), or null. */
export function nameProblem(name: string): 'invitation.name-missing' | 'invitation.name-too-long' | null {
  if (name.length === 0) return 'invitation.name-missing';
  if (name.length > displayNameLimit) return 'invitation.name-too-long';
  return null;
}

const invitationGone = () => fail.input('invitation.invalid', 'This invitation link does not work.');

/**
 * Takes the invitation and makes the person (active, with the invitation's roles) and their
 * account, then starts a session. Refuses (`input`: the name, the password; `conflict`: the email
 * taken) before the invitation is used, so the invitee can correct them; `invitation.invalid`
 * when the link does not work.
 */
export async function acceptInvitation(input: {
  ports: Ports;
  token: string;
  name: string;
  password: string;
  device: string;
  /** The session this browser had (someone else signed in here): it ends, replaced by the invitee's. */
  previousSessionId?: string;
  now: number;
}): Promise<{ twoFactorRequired: boolean; started: Started }> {
  const { ports, now } = input;
  const invitation = await pendingInvitation(input);
  if (!invitation) throw invitationGone();
  const problem = nameProblem(input.name);
  if (problem) throw fail.input(problem, problem === 'invitation.name-missing' ? 'Enter your name.' : `Use at most ${displayNameLimit} characters.`);
  const weak = weakPassword({ password: input.password, email: invitation.email });
  if (weak) throw weak;
  if (await ports.accounts.findByEmail(invitation.email)) throw emailTaken();
  const organisation = await ports.directory.organisations.get(invitation.organisationId);
  if (!organisation || organisation.coalitionId !== invitation.coalitionId) throw invitationGone();
  const passwordHash = await hashPassword(input.password);
  const taken = await ports.invitations.consume({ id: invitation.id, now });
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
  if ((await ports.accounts.create(account)) === 'email-taken') throw emailTaken();
  await ports.directory.users.put(user);
  await ports.audit.append({
    entry: actEntry({
      actor: { userId: user.id, organisationId: user.organisationId, coalitionId: user.coalitionId },
      action: 'member.joined',
      subject: { kind: 'user', id: user.id },
      details: { organisationId: user.organisationId, roles: user.roles.join(','), invitedBy: taken.invitedBy },
      now,
    }),
  });
  if (input.previousSessionId) await ports.sessions.delete(input.previousSessionId);
  const started = await startSession({ sessions: ports.sessions, account, twoFactorVerified: true, device: input.device, now });
  return { twoFactorRequired: twoFactorRequired({ isChair: organisation.isChair, roles: user.roles }), started };
}

function emailTaken() {
  return fail.conflict('account.email-taken', 'There is already an account with this email address.');
}
