import { generalCode, refusals, type RefusalCode } from '@concord/core';
import { describe, expect, it } from 'vitest';
import { errorText, hasOwnWords, isWordedCode } from './error-text.ts';

describe('the policy’s refusals in the reader’s language', () => {
  it('word every refusal the policy makes, by its code', () => {
    const all = Object.keys(refusals) as RefusalCode[];
    expect(all.filter((refusal) => !hasOwnWords(refusal) && !isWordedCode(generalCode(refusal)))).toEqual([]);
    // A general code's one message cannot be right for several reasons: each then has its own.
    const shared = all.filter((refusal) => all.some((other) => other !== refusal && generalCode(other) === generalCode(refusal)));
    expect(shared.filter((refusal) => !hasOwnWords(refusal))).toEqual([]);
  });

  it('pick the precise message by the refusal, not only its general code', () => {
    const sharing = errorText({ code: 'forbidden.not-manager', fallback: refusals['forbidden.not-manager.sharing'] });
    const audit = errorText({ code: 'forbidden.not-manager', fallback: refusals['forbidden.not-manager.audit'] });
    expect(sharing).not.toBe(audit);
    // A denial the policy did not make keeps its own words.
    expect(errorText({ code: 'forbidden.something-new', fallback: 'Only the chair.' })).toBe('Only the chair.');
  });
});
