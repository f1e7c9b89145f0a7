import { isHttpError, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { enforce, requirePrincipal } from './guard.ts';

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (caught) {
    return caught;
  }
  return null;
}

describe('enforce', () => {
  it('lets an allowed request through', () => {
    expect(thrown(() => enforce({ allow: true }))).toBeNull();
  });

  it('answers 403 with the policy’s reason, 401 when signed out, and 404 when the thing must stay hidden', () => {
    const reason = 'Only the chair and the secretariat manage the coalition.';
    const forbidden = thrown(() => enforce({ allow: false, code: 'forbidden.not-manager', reason }));
    expect(isHttpError(forbidden) && forbidden.status === 403 && forbidden.body.message === reason).toBe(true);
    // A reason the interface has no words for keeps the policy's own.
    const unknown = thrown(() => enforce({ allow: false, code: 'forbidden.something-new', reason: 'Only the chair.' }));
    expect(isHttpError(unknown) && unknown.body.message).toBe('Only the chair.');
    const signedOut = thrown(() => enforce({ allow: false, code: 'auth.signed-out', reason: 'Sign in first.' }));
    expect(isHttpError(signedOut) && signedOut.status).toBe(401);
    const hidden = thrown(() => enforce({ allow: false, code: 'forbidden.not-shared', reason: 'Not shared.' }, { hide: true }));
    expect(isHttpError(hidden) && hidden.status === 404 && !hidden.body.message.includes('shared')).toBe(true);
  });
});

describe('requirePrincipal', () => {
  it('sends a signed-out visitor to sign in, coming back to the same page', () => {
    const url = new URL('http://hub.test/statements/stmt_1?tab=text');
    const caught = thrown(() => requirePrincipal({ locals: { principal: null } as App.Locals, url }));
    expect(isRedirect(caught) && caught.location).toBe('/signin?next=%2Fstatements%2Fstmt_1%3Ftab%3Dtext');
  });
});
