import { fail, generalCode, refusals, type RefusalCode } from '@concord/core';
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { hasOwnWords, isWordedCode, isWordedIn, wordsFor, type Area } from './error-messages.ts';

const forbidden = (code: string, message: string) => wordsFor({ code, message, kind: 'forbidden' }).text;

describe('the policy’s refusals in the reader’s language', () => {
  it('word every refusal the policy makes, by its code', () => {
    const all = Object.keys(refusals) as RefusalCode[];
    expect(all.filter((refusal) => !hasOwnWords(refusal) && !isWordedCode(generalCode(refusal)))).toEqual([]);
    // A general code's one message cannot be right for several reasons: each then has its own.
    const shared = all.filter((refusal) => all.some((other) => other !== refusal && generalCode(other) === generalCode(refusal)));
    expect(shared.filter((refusal) => !hasOwnWords(refusal))).toEqual([]);
  });

  it('pick the precise message by the refusal, not only its general code', () => {
    const sharing = forbidden('forbidden.not-manager', refusals['forbidden.not-manager.sharing']);
    const audit = forbidden('forbidden.not-manager', refusals['forbidden.not-manager.audit']);
    expect(sharing).not.toBe(audit);
    // A denial the policy did not make keeps its own words.
    expect(forbidden('forbidden.something-new', 'Only the chair.')).toBe('Only the chair.');
  });
});

describe('text over its limit', () => {
  it('says the limit the refusal carries, on the call and publication pages alike', () => {
    const over = fail.tooLong('call.explanation-too-long', 10_000);
    expect(wordsFor({ code: over.code, message: over.message, kind: over.kind, area: 'calls', details: over.details }).text).toBe('Use at most 10,000 characters.');
    const title = fail.tooLong('publication.title-too-long', 300);
    expect(wordsFor({ code: title.code, message: title.message, kind: title.kind, area: 'publication', details: title.details }).text).toBe('Use at most 300 characters.');
    // A refusal without the limit keeps the area's own words.
    expect(wordsFor({ code: 'signon.name-too-long', message: 'english', kind: 'input', area: 'publication' }).text).toBe('Keep it shorter.');
  });
});

describe('call refusals', () => {
  it('are worded from the messages on the call page', () => {
    expect(wordsFor({ code: 'call.text-not-clean', message: 'english', kind: 'conflict', area: 'calls' }).text).toBe('Settle every open bracket first: only a clean text goes to a consensus call.');
  });

  it('leave a code the area has no words for as it came', () => {
    expect(wordsFor({ code: 'forbidden.something-new', message: 'as is', kind: 'forbidden', area: 'calls' }).text).toBe('as is');
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

describe('coalition refusals', () => {
  const coalition = (code: string, details: Record<string, string | number> = {}) => wordsFor({ code, message: 'english', kind: 'input', area: 'coalition', details });

  it('are worded with what the refusal carries: the organisation, the drafts counted, the limit', () => {
    expect(coalition('organisation.already-chair', { organisation: 'Kenya' })).toEqual({ text: 'Kenya already holds the chair.', field: 'chair' });
    expect(coalition('task-force.in-use', { count: 1, taskForce: 'Cyber' })).toEqual({ text: 'A draft is shared with Cyber: share it differently first.', field: null });
    expect(coalition('task-force.in-use', { count: 3, taskForce: 'Cyber' }).text).toBe('3 drafts are shared with Cyber: share them differently first.');
    expect(coalition('organisation.name-missing')).toEqual({ text: 'Enter the organisation’s name (at most 120 characters).', field: 'name' });
    expect(coalition('invitation.name-too-long')).toEqual({ text: 'Use at most 100 characters.', field: 'name' });
  });
});

describe('a feature package’s refusals', () => {
  /** The codes a package's sources refuse input with (`fail.input('code'`, a conflict), tests aside: what not found means is general. */
  const codesOf = (name: string) => {
    const dir = new URL(`../../../../packages/${name}/src/`, import.meta.url);
    const sources = readdirSync(dir).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && file !== 'memory.ts');
    return sources.flatMap((file) => [...readFileSync(new URL(file, dir), 'utf8').matchAll(/fail\.(?:input|conflict)\('([a-z.-]+)'/g)].map((found) => found[1]!));
  };

  it.each<[string, Area]>([['accounts', 'accounts'], ['coalition', 'coalition']])('%s: every refusal of what was submitted has words in its pages’ area', (name, area) => {
    const codes = codesOf(name);
    expect(codes.length).toBeGreaterThan(5);
    expect(codes.filter((code) => !isWordedIn(area, code))).toEqual([]);
  });

  it('accounts: a refusal beside a field becomes the form’s, a dead link keeps its code', () => {
    const accounts = (code: string, details: Record<string, string | number> = {}) => wordsFor({ code, message: 'english', kind: 'input', area: 'accounts', details });
    expect(accounts('account.wrong-password')).toEqual({ text: 'That is not your password.', field: 'password' });
    expect(accounts('password.too-short')).toEqual({ text: expect.stringContaining('12'), field: 'password' });
    expect(accounts('two-factor.limited', { retryAfterMs: 240_000 }).text).toBe('Too many attempts. Try again in 4 minutes.');
    expect(accounts('reset.invalid')).toEqual({ text: 'This reset link does not work.', field: null });
  });
});
