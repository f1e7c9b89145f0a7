import { describe, expect, it } from 'vitest';
import { generateTotpKey, totpCode, totpUri, verifyTotp } from './totp.ts';

// RFC 6238's SHA-1 test key ("12345678901234567890") and its published codes (last 6 digits).
const rfcKey = new TextEncoder().encode('12345678901234567890');

describe('totp', () => {
  it('produces the RFC 6238 test vectors', () => {
    expect(totpCode({ key: rfcKey, now: 59_000 })).toBe('287082');
    expect(totpCode({ key: rfcKey, now: 1_111_111_109_000 })).toBe('081804');
    expect(totpCode({ key: rfcKey, now: 2_000_000_000_000 })).toBe('279037');
  });

  it('accepts the current code and its neighbours for clock drift, returning the step', () => {
    const now = 1_111_111_109_000;
    const step = Math.floor(now / 30_000);
    expect(verifyTotp({ key: rfcKey, code: '081804', now, lastStep: 0 })).toBe(step);
    expect(verifyTotp({ key: rfcKey, code: totpCode({ key: rfcKey, now: now - 30_000 }), now, lastStep: 0 })).toBe(step - 1);
    expect(verifyTotp({ key: rfcKey, code: totpCode({ key: rfcKey, now: now + 30_000 }), now, lastStep: 0 })).toBe(step + 1);
    expect(verifyTotp({ key: rfcKey, code: totpCode({ key: rfcKey, now: now - 90_000 }), now, lastStep: 0 })).toBeNull();
  });

  it('never accepts a code twice', () => {
    const now = 1_111_111_109_000;
    const step = verifyTotp({ key: rfcKey, code: '081804', now, lastStep: 0 });
    expect(step).not.toBeNull();
    expect(verifyTotp({ key: rfcKey, code: '081804', now, lastStep: step! })).toBeNull();
  });

  it('ignores spaces and refuses anything but six digits', () => {
    expect(verifyTotp({ key: rfcKey, code: '081 804', now: 1_111_111_109_000, lastStep: 0 })).not.toBeNull();
    for (const code of ['', '08180', '0818045', 'abcdef']) expect(verifyTotp({ key: rfcKey, code, now: 0, lastStep: -1 })).toBeNull();
  });

  it('gives authenticator apps a standard otpauth URI', () => {
    const uri = totpUri({ issuer: 'Concord', accountName: 'kadri@mfa.ee', key: generateTotpKey() });
    expect(uri).toMatch(/^otpauth:\/\/totp\/Concord:kadri%40mfa\.ee\?/);
    expect(uri).toContain('period=30');
    expect(uri).toContain('digits=6');
  });
});
