import { DomainError, fail } from '@concord/core';
import { describe, expect, it } from 'vitest';
import { translated } from './errors.ts';

describe('call refusals', () => {
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
