/**
 * Password reset by emailed link. Asking gives the same answer, and does the same work, whether
 * or not the address has an account (and is limited per address and per account); the link
 * works once, for an hour, and using it ends every session of the person and closes their live
 * connections.
 */
import { generateToken, hashPassword, hashToken, isWellFormedToken } from '@concord/auth';
import { fail, isPlausibleEmail, normaliseEmail, passwordIssue, rateLimits, type Account, type User } from '@concord/core';
import { recordAct } from './audit.ts';
import type { WebContext } from './context.ts';
import { m } from '../paraglide/messages.js';
import { passwordText } from './error-messages.ts';
import { invalid } from './forms.ts';

export const resetLifetimeMs = 60 * 60_000;

type Context = Pick<WebContext, 'accounts' | 'directory' | 'resets' | 'rateLimiter' | 'mailer' | 'sessions' | 'realtime' | 'audit'>;

export type ResetRequest = { kind: 'sent' } | { kind: 'limited'; retryAfterMs: number };

/** The person a reset for an unknown address is written for: no user has this id, so its link never works. */
export const nobodyUserId = 'usr_nobody';

/**
 * Mails a reset link to `email` when it belongs to an active person, in the language the request
 * is answered in (the requester's); to any other well-formed address, a mail saying it has no
 * account (so its owner learns of the attempt, and the requester learns nothing from timing). The
 * work is the same either way (issue 12 §10): the same reads, a token generated and hashed, a
 * reset item written (for nobody, when there is no account), one mail. `linkOrigin` is where the
 * link points (see links.ts); null means no trustworthy origin: nothing is sent to anyone.
 */
export async function requestReset(input: { context: Context; email: string; address: string; linkOrigin: string | null; now: number }): Promise<ResetRequest> {
  const { context, now } = input;
  const email = normaliseEmail(input.email);
  for (const [limit, key] of [[rateLimits.resetPerAddress, input.address], [rateLimits.resetPerAccount, email]] as const) {
    const hit = await context.rateLimiter.hit({ limit, key, now });
    if (!hit.allowed) return { kind: 'limited', retryAfterMs: hit.retryAfterMs };
  }
  if (!isPlausibleEmail(email) || !input.linkOrigin) return { kind: 'sent' };
  const account = await context.accounts.findByEmail(email);
  const user = await context.directory.users.get(account?.userId ?? nobodyUserId);
  const person = account && user?.status === 'active' ? { account, user } : null;
  const token = generateToken();
  await context.resets.create({ id: hashToken(token), userId: person?.account.userId ?? nobodyUserId, expiresAt: now + resetLifetimeMs });
  await context.mailer.send(person ? resetMail({ ...person, link: `${input.linkOrigin}/reset/${token}` }) : noAccountMail(email));
  return { kind: 'sent' };
}

function resetMail(input: { account: Account; user: User; link: string }) {
  return {
    to: input.account.email,
    subject: m.mail_reset_subject(),
    text: [m.mail_reset_greeting({ name: input.user.name }), '', m.mail_reset_intro(), '', input.link, '', m.mail_reset_outro()].join('\n'),
  };
}

function noAccountMail(email: string) {
  return { to: email, subject: m.mail_reset_subject(), text: [m.mail_reset_no_account(), '', m.mail_reset_no_account_outro()].join('\n') };
}

const linkGone = () => fail.input('reset.invalid', m.reset_link_gone());

/** Whether a reset link still works (unknown, used or expired links do not). */
export async function resetLinkWorks(input: { context: Pick<Context, 'resets'>; token: string; now: number }): Promise<boolean> {
  if (!isWellFormedToken(input.token)) return false;
  return (await input.context.resets.get({ id: hashToken(input.token), now: input.now })) !== null;
}

/**
 * Sets the new password from a reset link, then ends all the person's sessions and closes their
 * live connections. A password that is not acceptable leaves the link usable: the link is only
 * taken once the password passed every check.
 */
export async function completeReset(input: { context: Context; token: string; password: string; now: number }): Promise<void> {
  const { context, now } = input;
  if (!isWellFormedToken(input.token)) throw linkGone();
  const id = hashToken(input.token);
  const pending = await context.resets.get({ id, now });
  if (!pending) throw linkGone();
  const account = await context.accounts.get(pending.userId);
  const user = await context.directory.users.get(pending.userId);
  if (!account || user?.status !== 'active') throw linkGone();
  const weak = passwordIssue({ password: input.password, email: account.email });
  if (weak) throw invalid({ field: 'password', message: passwordText(weak) });
  // Single use: of two submissions at once, only one takes the link.
  if (!(await context.resets.consume({ id, now }))) throw linkGone();
  await context.accounts.setPassword({ userId: user.id, passwordHash: await hashPassword(input.password) });
  await context.sessions.deleteByUser({ userId: user.id });
  await context.realtime.evictUser({ userId: user.id, reason: 'auth.password-reset' });
  await recordAct({
    audit: context.audit,
    actor: { userId: user.id, organisationId: user.organisationId, coalitionId: user.coalitionId },
    action: 'account.password-reset',
    subject: { kind: 'user', id: user.id },
    now,
  });
}
