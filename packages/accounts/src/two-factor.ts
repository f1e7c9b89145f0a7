/**
 * Enrolling and removing TOTP two-factor. The key being enrolled never rests on the server
 * before it is confirmed: it travels sealed (AES-GCM, the server's key) in a hidden field, and is
 * saved only once the person typed a code it generates.
 */
import { generateTotpKey, totpUri, verifyTotp } from '@concord/auth';
import { fail, rateLimits, twoFactorRequired, type EncryptedSecret, type Principal } from '@concord/core';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import type { AccountPorts } from './ports.ts';
import { checkTwoFactorCode } from './sign-in.ts';

export const totpIssuer = 'Concord';

export interface Enrolment {
  /** The sealed key, `iv.data` (base64 parts), for the hidden field. */
  pending: string;
  /** The `otpauth://` URI, for an authenticator app (as a QR code). */
  uri: string;
  /** The key in base32, in groups of four, for typing into an app. */
  manualKey: string;
}

type Ports = Pick<AccountPorts, 'accounts' | 'secretBox' | 'rateLimiter'>;

export function sealedToField(sealed: EncryptedSecret): string {
  return `${sealed.iv}.${sealed.data}`;
}

export function sealedFromField(field: string): EncryptedSecret | null {
  const match = /^([A-Za-z0-9+/]+={0,2})\.([A-Za-z0-9+/]+={0,2})$/.exec(field);
  return match?.[1] && match[2] ? { iv: match[1], data: match[2] } : null;
}

function present(input: { key: Uint8Array; pending: string; email: string }): Enrolment {
  const uri = totpUri({ issuer: totpIssuer, accountName: input.email, key: input.key });
  const manualKey = encodeBase32UpperCaseNoPadding(input.key).match(/.{1,4}/g)!.join(' ');
  return { pending: input.pending, uri, manualKey };
}

/** A fresh key to enrol, sealed for the form, with its URI and its base32 text. */
export async function beginEnrolment(input: { ports: Ports; email: string }): Promise<Enrolment> {
  const key = generateTotpKey();
  const pending = sealedToField(await input.ports.secretBox.seal(key));
  return present({ key, pending, email: input.email });
}

async function openPending(input: { ports: Ports; pending: string }): Promise<Uint8Array> {
  const sealed = sealedFromField(input.pending);
  try {
    if (sealed) return await input.ports.secretBox.open(sealed);
  } catch {
    // Tampered with, or sealed under another server key: start again.
  }
  throw fail.input('two-factor.enrolment-stale', 'This enrolment cannot be completed: start again.');
}

/** The same enrolment again (after a wrong code), so the person need not scan a new one. */
export async function resumeEnrolment(input: { ports: Ports; pending: string; email: string }): Promise<Enrolment> {
  try {
    return present({ key: await openPending(input), pending: input.pending, email: input.email });
  } catch {
    return beginEnrolment(input);
  }
}

const limited = (retryAfterMs: number) => fail.input('two-factor.limited', 'Too many attempts: try again later.', { retryAfterMs });

/** Saves the pending key once `code` matches it; the code's step counts as used. */
export async function completeEnrolment(input: { ports: Ports; principal: Principal; pending: string; code: string; now: number }): Promise<void> {
  const { ports, principal, now } = input;
  const limit = { limit: rateLimits.twoFactorPerAccount, key: principal.userId, now };
  const hit = await ports.rateLimiter.hit(limit);
  if (!hit.allowed) throw limited(hit.retryAfterMs);
  const account = await ports.accounts.get(principal.userId);
  if (account?.totpKey) throw fail.input('two-factor.already-on', 'Two-factor is already on for your account.');
  const key = await openPending(input);
  const step = verifyTotp({ key, code: input.code, now, lastStep: 0 });
  if (step === null) throw fail.input('two-factor.code-mismatch', 'That code does not match.');
  await ports.accounts.setTotpKey({ userId: principal.userId, totpKey: sealedFromField(input.pending) });
  await ports.accounts.useTotpStep({ userId: principal.userId, step });
  // Only wrong codes count against the limit.
  await ports.rateLimiter.refund(limit);
}

/** Turns two-factor off with a current code, unless the person's role requires it. */
export async function disableTwoFactor(input: { ports: Ports; principal: Principal; code: string; now: number }): Promise<void> {
  const { ports, principal } = input;
  if (twoFactorRequired(principal)) throw fail.input('two-factor.required', 'Your role requires two-factor: it cannot be turned off.');
  const result = await checkTwoFactorCode({ ports, userId: principal.userId, code: input.code, now: input.now });
  if (result.kind === 'limited') throw limited(result.retryAfterMs);
  if (result.kind === 'refused') throw fail.input('two-factor.code-wrong', 'That code is not right.');
  await ports.accounts.setTotpKey({ userId: principal.userId, totpKey: null });
}
