import { describe, expect, it } from 'vitest';
import { fixedBy, readStage, type StageReader } from './stage.ts';

function reader(input: { calls?: { status: string; outcome: { result: string } | null }[]; frozenBy?: string | null; publication?: 'published' | 'withdrawn' | null }): StageReader {
  return {
    calls: { listByStatement: async () => input.calls ?? [] },
    freezer: { frozenBy: async () => input.frozenBy ?? null },
    publications: { record: async () => (input.publication ? { status: input.publication } : null) },
  };
}
const adopted = { status: 'closed', outcome: { result: 'adopted' } };

describe('readStage', () => {
  it('reads a draft as changeable and an open call as fixed', async () => {
    expect(await readStage({ reader: reader({}), statementId: 'stmt_1' })).toEqual({ stage: 'draft', frozen: false, fixed: false });
    expect(await readStage({ reader: reader({ calls: [{ status: 'open', outcome: null }], frozenBy: 'call_1' }), statementId: 'stmt_1' })).toMatchObject({ stage: 'under-call', fixed: true });
  });

  it('keeps an adopted text fixed even when its freeze is missing (the seeded statement of issue 13)', async () => {
    expect(await readStage({ reader: reader({ calls: [adopted] }), statementId: 'stmt_1' })).toEqual({ stage: 'adopted', frozen: false, fixed: true });
    expect((await readStage({ reader: reader({ calls: [adopted], publication: 'published' }), statementId: 'stmt_1' })).stage).toBe('published');
  });
});

describe('fixedBy', () => {
  it('names the freeze owner, else the stage of a fixed text, else nothing', async () => {
    expect(await fixedBy({ frozenBy: async () => 'call_1', reader: () => reader({}) })({ docId: 'stmt_1' })).toBe('call_1');
    expect(await fixedBy({ frozenBy: async () => null, reader: () => reader({ calls: [adopted] }) })({ docId: 'stmt_1' })).toBe('adopted');
    expect(await fixedBy({ frozenBy: async () => null, reader: () => reader({}) })({ docId: 'stmt_1' })).toBeNull();
  });
});
