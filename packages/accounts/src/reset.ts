/**
 * Password reset by emailed link. Asking gives the same answer, and does the same work, whether
 * or not the address has an account (and is limited per address and per account); the link
 * works once, for an hour, and using it ends every session of the person and closes their live
 * connections.
 */
import { generateToken, hashPassword, hashToken, isWellFormedToken } from '@concord/auth';
import { actEntry, fail, isPlausibleEmail, normaliseEmail, rateLimits } from '@concord/core';
import { weakPassword } from './password.ts';
import type { AccountPorts, ResetMail } from './ports.ts';

export const resetLifetimeMs = 60 * 60_000;

type Ports = Pick<AccountPorts, 'accounts' | 'directory' | 'resets' | 'rateLimiter' | 'sessions' | 'realtime' | 'audit'>;

export type ResetRequest = { kind: 'sent' } | { kind: 'limited'; retryAfterMs: number };

/** The person a reset for an unknown address is written for: no user has this id, so its link never works. */
export const nobodyUserId = 'usr_nobody';

/**
 * Mails a reset link to `email` when it belongs to an active person; to any other well-formed
 * address, a mail saying it has no account (so its owner learns of the attempt, and the requester
 * learns nothing from timing). The work is the same either way (issue 12 §10): the same reads, a
 * token generated and hashed, a reset item written (for nobody, when there is no account), one
 * mail. `linkOrigin` is where the link points; null means no trustworthy origin: nothing is sent
 * to anyone.
 */
export async function requestReset(input: { ports: Ports; mail: ResetMail; email: string; address: string; linkOrigin: string | null; now: number }): Promise<ResetRequest> {
  const { ports, now } = input;
  const email = normaliseEmail(input.email);
  for (const [limit, key] of [[rateLimits.resetPerAddress, input.address], [rateLimits.resetPerAccount, email]] as const) {
    const hit = await ports.rateLimiter.hit({ limit, key, now });
    if (!hit.allowed) return { kind: 'limited', retryAfterMs: hit.retryAfterMs };
  }
  if (!isPlausibleEmail(email) || !input.linkOrigin) return { kind: 'sent' };
  const account = await ports.accounts.findByEmail(email);
  const user = await ports.directory.users.get(account?.userId ?? nobodyUserId);
  const person = account && user?.status === 'active' ? { account, user } : null;
  const token = generateToken();
  await ports.resets.create({ id: hashToken(token), userId: person?.account.userId ?? nobodyUserId, expiresAt: now + resetLifetimeMs });
  if (person) await input.mail.sendLink({ email: person.account.email, name: person.user.name, link: `${input.linkOrigin}/reset/${token}` });
  else await input.mail.sendNoAccount({ email });
  return { kind: 'sent' };
}

const linkGone = () => fail.input('reset.invalid', 'This reset link does not work.');

/** Whether a reset link still works (unknown, used or expired links do not). */
export async function resetLinkWorks(input: { ports: Pick<Ports, 'resets'>; token: string; now: number }): Promise<boolean> {
  if (!isWellFormedToken(input.token)) return false;
  return (await input.ports.resets.get({ id: hashToken(input.token), now: input.now })) !== null;
}

/**
 * Sets the new password from a reset link, then ends all the person's sessions and closes their
 * live connections. A password that is not acceptable leaves the link usable: the link is only
 * taken once the password passed every check.
 */
export async function completeReset(input: { ports: Ports; token: string; password: string; now: number }): Promise<void> {
  const { ports, now } = input;
  if (!isWellFormedToken(input.token)) throw linkGone();
  const id = hashToken(input.token);
  const pending = await ports.resets.get({ id, now });
  if (!pending) throw linkGone();
  const account = await ports.accounts.get(pending.userId);
  const user = await ports.directory.users.get(pending.userId);
  if (!account || user?.status !== 'active') throw linkGone();
  const weak = weakPassword({ password: input.password, email: account.email });
  if (weak) throw weak;
  // Single use: of two submissions at once, only one takes the link.
  if (!(await ports.resets.consume({ id, now }))) throw linkGone();
  await ports.accounts.setPassword({ userId: user.id, passwordHash: await hashPassword(input.password) });
  await ports.sessions.deleteByUser({ userId: user.id });
  await ports.realtime.evictUser({ userId: user.id, reason: 'auth.password-reset' });
  await ports.audit.append({ entry: actEntry({ actor: { userId: user.id, organisationId: user.organisationId, coalitionId: user.coalitionId }, action: 'account.password-reset', subject: { kind: 'user', id: user.id }, now }) });
}
