import { fail as domainFail } from '@concord/core';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { actionFailure, checkbox, invalid, jsonRefusal, listField, act, textField } from './forms.ts';
import { caught } from './testing/fakes.ts';

describe('form fields', () => {
  it('trims and bounds text, reads checkboxes and repeated fields', () => {
    const form = new FormData();
    form.set('name', '  Ama  ');
    form.set('long', 'x'.repeat(500));
    form.set('lead', 'on');
    form.append('ids', 'a');
    form.append('ids', ' ');
    form.append('ids', 'b');
    expect(textField(form, 'name')).toBe('Ama');
    expect(textField(form, 'long', 10)).toHaveLength(10);
    expect(textField(form, 'missing')).toBe('');
    expect(checkbox(form, 'lead')).toBe(true);
    expect(checkbox(form, 'missing')).toBe(false);
    expect(listField(form, 'ids')).toEqual(['a', 'b']);
  });
});

describe('actionFailure', () => {
  it('turns validation into a failure naming the form and field, and the rest into HTTP errors', async () => {
    expect(actionFailure(invalid({ field: 'email', message: 'Bad.' }), 'invite')).toMatchObject({ status: 400, data: { form: 'invite', field: 'email', code: 'input.email', message: 'Bad.' } });
    expect(actionFailure(domainFail.conflict('account.email-taken', 'Taken.'), 'accept')).toMatchObject({ status: 409, data: { field: null, code: 'account.email-taken' } });
    const notFound = await caught(async () => actionFailure(domainFail.notFound('user.not-found', 'usr_X'), 'remove'));
    expect(isHttpError(notFound) && notFound.status === 404 && !notFound.body.message.includes('usr_X')).toBe(true);
    const other = new Error('boom');
    expect(await caught(async () => actionFailure(other, 'x'))).toBe(other);
  });

  it('act redirects after success and returns the failure otherwise', async () => {
    const done = await caught(() => act({ form: 'x', run: async () => {}, then: '/done' }));
    expect(isRedirect(done) && done.status === 303 && done.location).toBe('/done');
    expect(await act({ form: 'x', run: async () => Promise.reject(invalid({ message: 'No.' })), then: '/done' })).toMatchObject({ status: 400 });
  });

  it('act answers what run returned when there is nowhere to go, and words a failure as the page’s area means it', async () => {
    expect(await act({ form: 'x', run: async () => 7 })).toBe(7);
    const exists = await act({ form: 'add', area: 'translations', run: async () => Promise.reject(domainFail.conflict('translations.exists', 'english')) });
    expect(exists).toMatchObject({ status: 409, data: { form: 'add', field: 'language', code: 'translations.exists' } });
    expect((exists as { data: { message: string } }).data.message).not.toBe('english');
    const done = await caught(() => act({ form: 'x', run: async () => 'trn_1', then: (id) => `/t/${id}` }));
    expect(isRedirect(done) && done.location).toBe('/t/trn_1');
  });
});

describe('jsonRefusal', () => {
  it('answers a JSON endpoint’s refusal with its code, the status of its kind and the page’s words', async () => {
    const frozen = jsonRefusal(domainFail.conflict('negotiation.text-frozen', 'english'), { area: 'negotiation', headers: { 'cache-control': 'no-store' } });
    expect(frozen.status).toBe(409);
    expect(frozen.headers.get('cache-control')).toBe('no-store');
    const body = (await frozen.json()) as { code: string; message: string };
    expect(body.code).toBe('negotiation.text-frozen');
    expect(body.message).not.toBe('english');
    const hidden = jsonRefusal(domainFail.notFound('statement.not-found', 'stmt_secret'));
    expect(hidden.status).toBe(404);
    expect(JSON.stringify(await hidden.json())).not.toContain('stmt_secret');
    const other = new Error('boom');
    expect(() => jsonRefusal(other)).toThrow(other);
  });
});
