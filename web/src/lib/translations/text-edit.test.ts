import { describe, expect, it } from 'vitest';
import { movedCaret, textChange } from './text-edit.ts';

describe('textChange', () => {
  const cases: [string, string, ReturnType<typeof textChange>][] = [
    ['abc', 'abc', null],
    ['abc', 'abXc', { at: 2, remove: 0, insert: 'X' }],
    ['abc', 'ac', { at: 1, remove: 1, insert: '' }],
    ['', 'نص', { at: 0, remove: 0, insert: 'نص' }],
    ['aaa', 'aaaa', { at: 3, remove: 0, insert: 'a' }],
    ['hello world', 'hello there', { at: 6, remove: 5, insert: 'there' }],
  ];
  for (const [before, after, change] of cases) {
    it(`turns "${before}" into "${after}"`, () => {
      expect(textChange(before, after)).toEqual(change);
      if (change) expect(before.slice(0, change.at) + change.insert + before.slice(change.at + change.remove)).toBe(after);
    });
  }
});

describe('movedCaret', () => {
  it('stays before an edit, follows one before it, lands after a replaced span around it', () => {
    expect(movedCaret('abc', 'abcX', 1)).toBe(1);
    expect(movedCaret('abc', 'Xabc', 1)).toBe(2);
    expect(movedCaret('abcdef', 'aZf', 3)).toBe(2);
  });
});
