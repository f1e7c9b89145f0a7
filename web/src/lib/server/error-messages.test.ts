import { DomainError, fail, generalCode, refusals, type RefusalCode } from '@concord/core';
import { describe, expect, it } from 'vitest';
import { errorText, hasOwnWords, isWordedCode, translatedIn, wordsFor } from './error-messages.ts';

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

describe('call refusals', () => {
  const translated = translatedIn('calls');

  it('come back worded from the messages, keeping kind and code', async () => {
    const caught = await translated(() => Promise.reject(fail.conflict('call.text-not-clean', 'english'))).catch((e: unknown) => e);
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({ kind: 'conflict', code: 'call.text-not-clean', message: 'Settle every open bracket first: only a clean text goes to a consensus call.' });
  });

  it('leave unknown codes and other errors as they were', async () => {
    const other = fail.forbidden('forbidden.not-member', 'as is');
    expect(await translated(() => Promise.reject(other)).catch((e: unknown) => e)).toBe(other);
    expect(await translated(async () => 7)).toBe(7);
  });
});

describe('one code, as each area means it', () => {
  it('words a date as the call page and the publication page mean it, and a general one otherwise', () => {
    const date = { code: 'input.date', message: 'Give a date.', kind: 'input' as const };
    const onCalls = wordsFor({ ...date, area: 'calls' });
    const onPublication = wordsFor({ ...date, area: 'publication' });
    expect(onCalls.text).not.toBe(onPublication.text);
    expect([onCalls.field, onPublication.field]).toEqual(['date', 'date']);
    expect(wordsFor(date)).toEqual({ text: 'Give a date.', field: 'date' });
  });

  it('puts an area’s words beside the field it names, and hides what is not found unless the area says more', () => {
    expect(wordsFor({ code: 'translations.exists', message: 'english', kind: 'conflict', area: 'translations' }).field).toBe('language');
    expect(wordsFor({ code: 'versions.name-taken', message: 'english', kind: 'conflict', area: 'versions' }).field).toBe('name');
    const missing = wordsFor({ code: 'versions.not-found', message: 'ver_9', kind: 'not-found' });
    expect(missing.text).not.toContain('ver_9');
    expect(wordsFor({ code: 'versions.not-found', message: 'ver_9', kind: 'not-found', area: 'versions' }).text).not.toBe(missing.text);
  });

  it('says what was wrong with a version’s name from what was typed', () => {
    const empty = wordsFor({ code: 'input.name', message: 'english', kind: 'input', area: 'versions', submitted: { name: '  ' } });
    const long = wordsFor({ code: 'input.name', message: 'english', kind: 'input', area: 'versions', submitted: { name: 'x'.repeat(500) } });
    expect(empty.text).not.toBe(long.text);
    expect(empty.field).toBe('name');
  });
});
