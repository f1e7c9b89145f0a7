/**
 * Password reset by emailed link. Asking gives the same answer whether or not the address has an
 * account (and is limited per address and per account); the link works once, for an hour, and
 * using it ends every session of the person and closes their live connections.
 */
import { generateToken, hashPassword, hashToken, isWellFormedToken } from '@concord/auth';
import { fail, normaliseEmail, passwordIssue, rateLimits } from '@concord/core';
import { recordAct } from './audit.ts';
import type { WebContext } from './context.ts';
import { m } from '../paraglide/messages.js';
import { passwordText } from './error-text.ts';
import { invalid } from './forms.ts';

export const resetLifetimeMs = 60 * 60_000;

type Context = Pick<WebContext, 'accounts' | 'directory' | 'resets' | 'rateLimiter' | 'mailer' | 'sessions' | 'realtime' | 'audit'>;

export type ResetRequest = { kind: 'sent' } | { kind: 'limited'; retryAfterMs: number };

/**
 * Mails a reset link to `email` when it belongs to an active person, in the language the request
 * is answered in (the requester's). `linkOrigin` is where the link points (see links.ts); null
 * means no trustworthy origin: nothing is sent.
 */
export async function requestReset(input: { context: Context; email: string; address: string; linkOrigin: string | null; now: number }): Promise<ResetRequest> {
  const { context, now } = input;
  const email = normaliseEmail(input.email);
  for (const [limit, key] of [[rateLimits.resetPerAddress, input.address], [rateLimits.resetPerAccount, email]] as const) {
    const hit = await context.rateLimiter.hit({ limit, key, now });
    if (!hit.allowed) return { kind: 'limited', retryAfterMs: hit.retryAfterMs };
  }
  const account = email ? await context.accounts.findByEmail(email) : null;
  const user = account ? await context.directory.users.get(account.userId) : null;
  if (!account || user?.status !== 'active' || !input.linkOrigin) return { kind: 'sent' };
  const token = generateToken();
  await context.resets.create({ id: hashToken(token), userId: account.userId, expiresAt: now + resetLifetimeMs });
  await context.mailer.send({
    to: account.email,
    subject: m.mail_reset_subject(),
    text: [m.mail_reset_greeting({ name: user.name }), '', m.mail_reset_intro(), '', `${input.linkOrigin}/reset/${token}`, '', m.mail_reset_outro()].join('\n'),
  });
  return { kind: 'sent' };
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
