/**
 * Enrolling and removing TOTP two-factor. The key being enrolled never rests on the server
 * before it is confirmed: it travels sealed (AES-GCM, the server's key) in a hidden field, and is
 * saved only once the person typed a code it generates.
 */
import { generateTotpKey, totpUri, verifyTotp } from '@concord/auth';
import { rateLimits, twoFactorRequired, type EncryptedSecret, type Principal } from '@concord/core';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import QRCode from 'qrcode';
import { checkTwoFactorCode, minutesFrom } from './auth/sign-in.ts';
import type { WebContext } from './context.ts';
import { m } from '../paraglide/messages.js';
import { invalid } from './forms.ts';

export const totpIssuer = 'Concord';

export interface Enrolment {
  /** The sealed key, `iv.data` (base64 parts), for the hidden field. */
  pending: string;
  /** The `otpauth://` URI as a QR code: an SVG document's markup. */
  qrSvg: string;
  /** The key in base32, in groups of four, for typing into an app. */
  manualKey: string;
}

type Context = Pick<WebContext, 'accounts' | 'secretBox' | 'rateLimiter'>;

export function sealedToField(sealed: EncryptedSecret): string {
  return `${sealed.iv}.${sealed.data}`;
}

export function sealedFromField(field: string): EncryptedSecret | null {
  const match = /^([A-Za-z0-9+/]+={0,2})\.([A-Za-z0-9+/]+={0,2})$/.exec(field);
  return match?.[1] && match[2] ? { iv: match[1], data: match[2] } : null;
}

async function present(input: { key: Uint8Array; pending: string; email: string }): Promise<Enrolment> {
  const uri = totpUri({ issuer: totpIssuer, accountName: input.email, key: input.key });
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  const manualKey = encodeBase32UpperCaseNoPadding(input.key).match(/.{1,4}/g)!.join(' ');
  return { pending: input.pending, qrSvg, manualKey };
}

/** A fresh key to enrol, sealed for the form, with its QR code and its base32 text. */
export async function beginEnrolment(input: { context: Context; email: string }): Promise<Enrolment> {
  const key = generateTotpKey();
  const pending = sealedToField(await input.context.secretBox.seal(key));
  return present({ key, pending, email: input.email });
}

async function openPending(input: { context: Context; pending: string }): Promise<Uint8Array> {
  const sealed = sealedFromField(input.pending);
  try {
    if (sealed) return await input.context.secretBox.open(sealed);
  } catch {
    // Tampered with, or sealed under another server key: start again.
  }
  throw invalid({ message: m.two_factor_enrolment_stale() });
}

/** The same enrolment again (after a wrong code), so the person need not scan a new one. */
export async function resumeEnrolment(input: { context: Context; pending: string; email: string }): Promise<Enrolment> {
  try {
    return present({ key: await openPending(input), pending: input.pending, email: input.email });
  } catch {
    return beginEnrolment(input);
  }
}

/** Saves the pending key once `code` matches it; the code's step counts as used. */
export async function completeEnrolment(input: { context: Context; principal: Principal; pending: string; code: string; now: number }): Promise<void> {
  const { context, principal, now } = input;
  const limit = { limit: rateLimits.twoFactorPerAccount, key: principal.userId, now };
  const hit = await context.rateLimiter.hit(limit);
  if (!hit.allowed) throw invalid({ field: 'code', message: m.error_too_many_attempts({ when: minutesFrom(hit.retryAfterMs) }) });
  const account = await context.accounts.get(principal.userId);
  if (account?.totpKey) throw invalid({ message: m.two_factor_already_on() });
  const key = await openPending(input);
  const step = verifyTotp({ key, code: input.code, now, lastStep: 0 });
  if (step === null) throw invalid({ field: 'code', message: m.two_factor_code_mismatch() });
  await context.accounts.setTotpKey({ userId: principal.userId, totpKey: sealedFromField(input.pending) });
  await context.accounts.useTotpStep({ userId: principal.userId, step });
  // Only wrong codes count against the limit.
  await context.rateLimiter.refund(limit);
}

/** Turns two-factor off with a current code, unless the person's role requires it. */
export async function disableTwoFactor(input: { context: Context; principal: Principal; code: string; now: number }): Promise<void> {
  const { context, principal } = input;
  if (twoFactorRequired(principal)) throw invalid({ message: m.two_factor_cannot_disable() });
  const result = await checkTwoFactorCode({ context, userId: principal.userId, code: input.code, now: input.now });
  if (result.kind === 'limited') throw invalid({ field: 'code', message: m.error_too_many_attempts({ when: minutesFrom(result.retryAfterMs) }) });
  if (result.kind === 'refused') throw invalid({ field: 'code', message: m.two_factor_code_wrong() });
  await context.accounts.setTotpKey({ userId: principal.userId, totpKey: null });
}
