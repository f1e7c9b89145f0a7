import { describe, expect, it } from 'vitest';
import { focusTarget, type FocusCandidates } from './focus.ts';

const none: FocusCandidates<string> = { formErrors: [], invalidFields: [], pageErrors: [], pageNotices: [], heading: null };

describe('focusTarget', () => {
  it('sends a failure to the form’s own error message first', () => {
    const candidates = { ...none, formErrors: ['form-error'], invalidFields: ['field'], pageErrors: ['other-error'], pageNotices: ['notice'] };
    expect(focusTarget({ outcome: 'failure', candidates })).toBe('form-error');
  });

  it('sends a failure without a message to the first invalid field', () => {
    const candidates = { ...none, invalidFields: ['email', 'password'], pageErrors: ['other-error'] };
    expect(focusTarget({ outcome: 'failure', candidates })).toBe('email');
  });

  it('sends a failure to an error elsewhere on the page when the form shows none', () => {
    expect(focusTarget({ outcome: 'failure', candidates: { ...none, pageErrors: ['page-error'], pageNotices: ['notice'] } })).toBe('page-error');
  });

  it('never sends a failure to a success notice', () => {
    expect(focusTarget({ outcome: 'failure', candidates: { ...none, pageNotices: ['notice'] } })).toBeNull();
  });

  it('sends a success or a redirect to the notice saying what happened', () => {
    const candidates = { ...none, pageNotices: ['saved', 'older'], heading: 'h1' };
    expect(focusTarget({ outcome: 'redirect', candidates })).toBe('saved');
    expect(focusTarget({ outcome: 'success', candidates })).toBe('saved');
  });

  it('leaves focus alone after a success that shows nothing', () => {
    expect(focusTarget({ outcome: 'success', candidates: { ...none, heading: 'h1' } })).toBeNull();
  });

  it('sends an error page to its message, else its heading', () => {
    expect(focusTarget({ outcome: 'error', candidates: { ...none, pageErrors: ['alert'], heading: 'h1' } })).toBe('alert');
    expect(focusTarget({ outcome: 'error', candidates: { ...none, heading: 'h1' } })).toBe('h1');
  });
});
