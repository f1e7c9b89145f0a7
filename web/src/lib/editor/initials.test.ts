import { describe, expect, it } from 'vitest';
import { initials } from './initials.ts';

describe('initials', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initials('Amina Mensah')).toBe('AM');
    expect(initials('  jean  paul  sartre ')).toBe('JS');
  });

  it('takes one letter from a one-word name, whole characters in any script', () => {
    expect(initials('Ghana')).toBe('G');
    expect(initials('فاطمة الزهراء')).toBe('فا');
    expect(initials('𝒜lex')).toBe('𝒜');
  });

  it('shows a question mark for an empty name', () => {
    expect(initials('   ')).toBe('?');
  });
});
