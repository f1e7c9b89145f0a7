/**
 * TOTP two-factor (RFC 6238: 30-second steps, 6 digits, SHA-1, as every authenticator app does)
 * with @oslojs/otp. Verification takes `now`, accepts the previous and next step for clock drift,
 * and never a step at or before the last one accepted, so a code cannot be replayed.
 */
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import { randomBytes, type RandomBytes } from './tokens.ts';

const stepSeconds = 30;
const digits = 6;

export function generateTotpKey(input: { random?: RandomBytes } = {}): Uint8Array {
  return (input.random ?? randomBytes)(20);
}

/** The `otpauth://` URI an authenticator app reads from the enrolment QR code. */
export function totpUri(input: { issuer: string; accountName: string; key: Uint8Array }): string {
  return createTOTPKeyURI(input.issuer, input.accountName, input.key, stepSeconds, digits);
}

/** The code for `now` (tests and the demo's helpers use it; users read it from their app). */
export function totpCode(input: { key: Uint8Array; now: number }): string {
  return generateHOTP(input.key, BigInt(stepOf(input.now)), digits);
}

/** The step the code matched, or null when it matches none of the allowed steps. */
export function verifyTotp(input: { key: Uint8Array; code: string; now: number; lastStep: number }): number | null {
  const code = input.code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(code)) return null;
  const current = stepOf(input.now);
  const given = new TextEncoder().encode(code);
  for (const step of [current - 1, current, current + 1]) {
    if (step <= input.lastStep) continue;
    const expected = new TextEncoder().encode(generateHOTP(input.key, BigInt(step), digits));
    if (constantTimeEqual(expected, given)) return step;
  }
  return null;
}

function stepOf(now: number): number {
  return Math.floor(now / 1000 / stepSeconds);
}
