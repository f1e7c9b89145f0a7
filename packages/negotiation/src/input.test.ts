import { isDomainError } from '@concord/core';
import { describe, expect, it } from 'vitest';
import { readOp } from './input.ts';
import { actionFor } from './service.ts';

const anchor = { from: 'AQID', to: 'BAUG' };
const codeOf = (body: unknown) => {
  try {
    readOp(body);
    return null;
  } catch (error) {
    return isDomainError(error) ? error.code : String(error);
  }
};

describe('readOp', () => {
  it('reads each act with its fields', () => {
    expect(readOp({ op: 'thread.start', anchor, body: 'Why?', mentions: ['org_A'] })).toEqual({ op: 'thread.start', anchor, body: 'Why?', mentions: ['org_A'] });
    expect(readOp({ op: 'amendment.accept', amendmentId: 'amd_01J00000000000000000000000', extra: 1 })).toEqual({ op: 'amendment.accept', amendmentId: 'amd_01J00000000000000000000000' });
    expect(readOp({ op: 'bracket.open', anchor })).toEqual({ op: 'bracket.open', anchor, alternatives: [] });
  });

  it('reads a ruling with or without an alternative', () => {
    const bracketId = 'brk_01J00000000000000000000000';
    expect(readOp({ op: 'bracket.rule', bracketId, reason: 'In the room.' })).toEqual({ op: 'bracket.rule', bracketId, alternativeId: null, reason: 'In the room.' });
    expect(readOp({ op: 'bracket.rule', bracketId, alternativeId: 'alt_01J00000000000000000000000', reason: 'r' })).toMatchObject({ alternativeId: 'alt_01J00000000000000000000000' });
    expect(codeOf({ op: 'bracket.rule', bracketId, alternativeId: 'x', reason: 'r' })).toBe('negotiation.invalid-alternativeId');
  });

  it('refuses what it cannot read, naming the field', () => {
    expect(codeOf(null)).toBe('negotiation.invalid-request');
    expect(codeOf([])).toBe('negotiation.invalid-request');
    expect(codeOf({ op: 'thread.delete' })).toBe('negotiation.invalid-op');
    expect(codeOf({ op: 'thread.reply', threadId: '../x', body: 'a' })).toBe('negotiation.invalid-threadId');
    expect(codeOf({ op: 'thread.start', anchor: { from: 'a b', to: 'AQID' }, body: 'a' })).toBe('negotiation.anchor-invalid');
    expect(codeOf({ op: 'thread.start', anchor: { from: 'A'.repeat(201), to: 'AQID' }, body: 'a' })).toBe('negotiation.anchor-invalid');
    expect(codeOf({ op: 'thread.start', anchor, body: 'a'.repeat(9_000) })).toBe('negotiation.invalid-body');
    expect(codeOf({ op: 'thread.start', anchor, body: 'a', mentions: 'org_A' })).toBe('negotiation.invalid-mentions');
    expect(codeOf({ op: 'bracket.open', anchor, alternatives: Array(6).fill('x') })).toBe('negotiation.invalid-alternatives');
  });
});

describe('actionFor', () => {
  it('asks the policy for the right action', () => {
    expect(actionFor('thread.reopen')).toBe('statement.comment');
    expect(actionFor('amendment.support')).toBe('statement.propose-amendment');
    expect(actionFor('amendment.withdraw')).toBe('statement.propose-amendment');
    expect(actionFor('amendment.accept')).toBe('statement.decide-amendment');
    expect(actionFor('amendment.revert')).toBe('statement.decide-amendment');
    expect(actionFor('bracket.join')).toBe('statement.bracket');
    expect(actionFor('bracket.agree')).toBe('statement.bracket');
    expect(actionFor('bracket.choose')).toBe('statement.bracket');
    expect(actionFor('bracket.rule')).toBe('statement.rule-bracket');
  });
});
