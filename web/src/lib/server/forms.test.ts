import { fail as domainFail } from '@concord/core';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { actionFailure, checkbox, invalid, listField, perform, textField } from './forms.ts';
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

  it('perform redirects after success and returns the failure otherwise', async () => {
    const done = await caught(() => perform({ form: 'x', run: async () => {}, then: '/done' }));
    expect(isRedirect(done) && done.status === 303 && done.location).toBe('/done');
    expect(await perform({ form: 'x', run: async () => Promise.reject(invalid({ message: 'No.' })), then: '/done' })).toMatchObject({ status: 400 });
  });
});
