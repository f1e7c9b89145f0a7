/**
 * Hostile input (issue #12), import bombs: a new statement from a DOCX that inflates to 24 MB from 80 KB
 * (100 MB from 350 KB: `test/integration/hostile/import-bombs.test.ts`),
 * Markdown (a file, or typed) nested thousands of levels deep or longer than a statement, as the
 * new-statement action takes them — `markdownFromUpload`, then `createStatement`. Each is refused
 * with our message, quickly, and nothing is created.
 */
import { deepMarkdown, docxBomb } from '@concord/export/testing/bombs';
import { describe, expect, it } from 'vitest';
import { createStatement, type SettingsFields } from '../statement-settings.ts';
import { createFakeContext, seedCoalition } from '../testing/fakes.ts';
import { markdownFromUpload } from './upload.ts';

const fields: SettingsFields = { title: 'Imported', scope: 'coalition', taskForceId: '', advisory: true, observers: true, penHolderIds: [], advisoryParticipation: true, amendmentDecisions: 'editors' };

/** The new-statement action's steps, as `statements/new/+page.server.ts` runs them. */
async function newStatement(input: { file?: File; typed?: string }) {
  const fake = await createFakeContext();
  const { people } = await seedCoalition(fake);
  const form = new FormData();
  if (input.file) form.set('file', input.file);
  const started = performance.now();
  let outcome: unknown;
  try {
    const uploaded = await markdownFromUpload(form);
    outcome = await createStatement({ context: fake.context, actor: people.member, fields, language: 'en', markdown: uploaded ?? input.typed ?? '', now: Date.now() });
  } catch (caught) {
    outcome = caught;
  }
  const created = await fake.context.directory.statements.listByCoalition(people.member.coalitionId);
  return { outcome, ms: performance.now() - started, created: created.filter((s) => s.title === 'Imported'), updates: fake.calls.updates };
}

describe('importing a hostile file into a new statement', () => {
  it('stops a small DOCX that inflates to 24 MB while inflating, says why, and creates nothing', { timeout: 30_000 }, async () => {
    const bomb = docxBomb({ inflatedBytes: 24 * 1024 * 1024 });
    expect(bomb.byteLength).toBeLessThan(120 * 1024);
    const result = await newStatement({ file: new File([bomb as Uint8Array<ArrayBuffer>], 'minutes.docx') });
    expect(result.outcome).toMatchObject({ kind: 'input', code: 'input.file', message: expect.stringContaining('8 MB') });
    // Stopping after 8 MB takes a fraction of what inflating and parsing 24 MB would; loose for a busy CI.
    expect(result.ms).toBeLessThan(10_000);
    expect(result.created).toEqual([]);
    expect(result.updates).toEqual([]);
  });

  it('refuses a Markdown file nested deeper than the lexer can go, and creates nothing', async () => {
    for (const shape of ['quotes', 'markers'] as const) {
      const result = await newStatement({ file: new File([deepMarkdown({ depth: 20_000, shape })], 'deep.md') });
      expect(result.outcome, shape).toMatchObject({ code: 'input.file', message: expect.stringContaining('16') });
      expect(result.created).toEqual([]);
    }
  });

  it('refuses typed Markdown nested thousands deep or past the length, where the lexer would have overflowed', async () => {
    for (const typed of [deepMarkdown({ depth: 20_000, shape: 'quotes' }), deepMarkdown({ depth: 300, shape: 'indented' }), 'Paragraph.\n\n'.repeat(6_000)]) {
      const result = await newStatement({ typed });
      expect(result.outcome).toMatchObject({ kind: 'input', code: 'input.markdown' });
      expect(result.created).toEqual([]);
      expect(result.updates).toEqual([]);
    }
  });

  it('still creates a statement from an ordinary nested text', async () => {
    const result = await newStatement({ typed: '# Title\n\n1. One\n   - a\n   - b\n2. Two\n\n> Quoted.' });
    expect(result.created).toHaveLength(1);
    expect(result.updates).toHaveLength(1);
  });
});
