import { describe, expect, it } from 'vitest';
import { isTextFixed, statementStage, textAccess } from './statement-stage.ts';

const call = (status: string, result: string | null = null) => ({ status, outcome: result ? { result } : null });

describe('statementStage', () => {
  it.each<[string, Parameters<typeof statementStage>[0], string]>([
    ['no call: a draft', { calls: [], publication: null }, 'draft'],
    ['a call not adopted, another withdrawn: a draft again', { calls: [call('closed', 'not-adopted'), call('withdrawn')], publication: null }, 'draft'],
    ['an open call', { calls: [call('closed', 'not-adopted'), call('open')], publication: null }, 'under-call'],
    ['a call closed as adopted', { calls: [call('closed', 'adopted')], publication: null }, 'adopted'],
    ['published', { calls: [call('closed', 'adopted')], publication: { status: 'published' } }, 'published'],
    ['its declaration withdrawn', { calls: [call('closed', 'adopted')], publication: { status: 'withdrawn' } }, 'withdrawn'],
  ])('%s', (_name, input, stage) => {
    expect(statementStage(input)).toBe(stage);
  });
});

describe('textAccess', () => {
  it('lets a writer write a draft only', () => {
    expect(textAccess({ access: 'write', stage: 'draft', frozen: false })).toBe('write');
    for (const stage of ['under-call', 'adopted', 'published', 'withdrawn'] as const) {
      expect(textAccess({ access: 'write', stage, frozen: false })).toBe('read');
    }
  });

  it('reads a frozen draft, and gives nothing to whoever had nothing', () => {
    expect(textAccess({ access: 'write', stage: 'draft', frozen: true })).toBe('read');
    expect(textAccess({ access: 'none', stage: 'adopted', frozen: true })).toBe('none');
    expect(isTextFixed({ stage: 'draft', frozen: false })).toBe(false);
  });
});
