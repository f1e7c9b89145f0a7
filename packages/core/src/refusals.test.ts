import { describe, expect, it } from 'vitest';
import { authorize } from './policy.ts';
import { generalCode, refusalOf, refusals, type RefusalCode } from './refusals.ts';

describe('the policy’s refusals', () => {
  it('each have a code of their own, found again from the denial they make', () => {
    const codes = Object.keys(refusals) as RefusalCode[];
    for (const code of codes) expect(refusalOf({ code: generalCode(code), reason: refusals[code] })).toBe(code);
    // One reason is never two refusals: the web app words each one by its code.
    expect(new Set(Object.values(refusals)).size).toBe(codes.length);
  });

  it('answer with the general code the clients know', () => {
    expect(generalCode('forbidden.not-manager.sharing')).toBe('forbidden.not-manager');
    expect(generalCode('forbidden.not-pen-holder')).toBe('forbidden.not-pen-holder');
    expect(authorize({ actor: null, action: 'coalition.read-directory', coalitionId: 'coa_1' })).toEqual({ allow: false, code: 'auth.signed-out', reason: refusals['auth.signed-out'] });
  });

  it('know nothing of a denial the policy did not make', () => {
    expect(refusalOf({ code: 'forbidden.not-manager', reason: 'Only the chair.' })).toBeNull();
    expect(refusalOf({ code: 'forbidden.chair-only', reason: refusals['forbidden.not-manager.sharing'] })).toBeNull();
  });
});
