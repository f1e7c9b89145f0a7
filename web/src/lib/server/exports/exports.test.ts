import { isDomainError } from '@concord/core';
import { openDraft } from '@concord/core/testing/statement';
import { createMemoryDocumentStore } from '@concord/sync/memory';
import { contentHash, markdownToYUpdate } from '@concord/text';
import { createMemoryVersionStore } from '@concord/versions';
import { documentFrom } from '@concord/sync';
import { englishLabels } from '@concord/export';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { caught, coalitionId, createFakeContext, seedCoalition } from '../testing/fakes.ts';
import type { ExportsDeps } from './deps.ts';
import { exportHeaders, exportStatement } from './exports.ts';
import { pdfFonts } from './fonts.ts';

const now = 1_800_000_000_000;
const code = (thrown: unknown) => (isDomainError(thrown) ? `${thrown.kind}:${thrown.code}` : thrown);

async function setup() {
  const fake = await createFakeContext({ now: () => now });
  const seeded = await seedCoalition(fake);
  const open = openDraft({ id: 'stmt_D', coalitionId, title: 'Joint statement' });
  await fake.context.directory.statements.put(open);
  await fake.context.directory.statements.put({ ...open, id: 'stmt_M', title: 'Members only', visibility: { scope: 'members', taskForceId: null, advisory: false, observers: false } });
  const documents = createMemoryDocumentStore();
  const versions = createMemoryVersionStore();
  for (const id of ['stmt_D', 'stmt_M']) {
    await documents.appendUpdate({ docId: id, update: markdownToYUpdate({ markdown: '# Title\n\nWe urge action.\n\n1. First demand.' }), origin: 'c', author: 'usr_Member org_Member' });
    const doc = documentFrom(await documents.load({ docId: id }));
    await versions.append({ docId: id, version: { kind: 'named', name: 'Rev. 1', hash: contentHash({ doc }), createdAt: now, createdBy: null, authors: [], restoredFrom: null }, state: Y.encodeStateAsUpdateV2(doc) });
    doc.destroy();
  }
  const deps: ExportsDeps = { directory: fake.context.directory, versions, texts: documents, fonts: pdfFonts, now: () => now };
  return { deps, ...seeded };
}

describe('exports in the web app', () => {
  it('exports a version and the current text to every format, with a download filename', { timeout: 30_000 }, async () => {
    const { deps, people } = await setup();
    for (const format of ['html', 'pdf', 'markdown', 'docx', 'json', 'akn']) {
      const file = await exportStatement({ deps, principal: people.observer, statementId: 'stmt_D', seq: 1, format, labels: englishLabels });
      expect(file.body.byteLength, format).toBeGreaterThan(100);
    }
    const text = await exportStatement({ deps, principal: people.observer, statementId: 'stmt_D', seq: 1, format: 'txt', labels: englishLabels });
    expect(new TextDecoder().decode(text.body)).toBe('# Title\n\nWe urge action.\n\n1. First demand.\n');
    const current = await exportStatement({ deps, principal: people.member, statementId: 'stmt_D', seq: null, format: 'markdown', labels: englishLabels });
    // Unchanged since Rev. 1: the current text says it is Rev. 1.
    expect(new TextDecoder().decode(current.body)).toContain('version: "Rev. 1"');
    expect(exportHeaders(current)['content-disposition']).toBe(`attachment; filename="joint-statement-rev-1.md"; filename*=UTF-8''joint-statement-rev-1.md`);
    expect(exportHeaders({ ...current, filename: '聲明-v3.pdf' })['content-disposition']).toBe(`attachment; filename="statement-v3.pdf"; filename*=UTF-8''${encodeURIComponent('聲明-v3.pdf')}`);
  });

  it('refuses as not found: a draft the reader cannot see, an unknown version, an unknown format', async () => {
    const { deps, people } = await setup();
    const labels = englishLabels;
    expect(code(await caught(() => exportStatement({ deps, principal: people.observer, statementId: 'stmt_M', seq: 1, format: 'pdf', labels })))).toBe('not-found:statement.not-found');
    expect(code(await caught(() => exportStatement({ deps, principal: people.advisory, statementId: 'stmt_M', seq: null, format: 'docx', labels })))).toBe('not-found:statement.not-found');
    expect(code(await caught(() => exportStatement({ deps, principal: people.member, statementId: 'stmt_D', seq: 9, format: 'pdf', labels })))).toBe('not-found:versions.not-found');
    expect(code(await caught(() => exportStatement({ deps, principal: people.member, statementId: 'stmt_D', seq: 1, format: 'exe', labels })))).toBe('not-found:exports.format');
    const members = await exportStatement({ deps, principal: people.member, statementId: 'stmt_M', seq: 1, format: 'json', labels });
    expect(JSON.parse(new TextDecoder().decode(members.body)).title).toBe('Members only');
  });
});
