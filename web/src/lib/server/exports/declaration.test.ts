import { isDomainError, type Publication } from '@concord/core';
import { englishLabels } from '@concord/export';
import { documentFrom } from '@concord/sync';
import { createMemoryDocumentStore } from '@concord/sync/memory';
import { contentHash, markdownToYUpdate } from '@concord/text';
import { createMemoryVersionStore } from '@concord/versions';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exportAdoption, exportDeclaration } from './declaration.ts';
import type { ExportsDeps } from './deps.ts';
import { pdfFonts } from './fonts.ts';

const now = 1_800_000_000_000;
const silent = (name: string) => ({ organisationId: `org_${name}`, name, stance: 'silent' as const, explanation: null });
const record: Publication['record'] = {
  callId: 'call_1',
  adoptedAt: now - 1_000,
  procedure: { kind: 'silence' },
  endorsing: [{ organisationId: 'org_CA', name: 'Canada', stance: 'support', explanation: 'Canada welcomes the text.' }, silent('Ghana'), silent('Kenya')],
  reservations: [{ organisationId: 'org_EE', name: 'Estonia', stance: 'abstain', explanation: 'Estonia stands aside.' }],
  explanations: [],
};

async function setup() {
  const documents = createMemoryDocumentStore();
  const versions = createMemoryVersionStore();
  await documents.appendUpdate({ docId: 'stmt_P', update: markdownToYUpdate({ markdown: 'We urge action.\n\nSecond paragraph.' }), origin: 'c', author: 'u o' });
  const doc = documentFrom(await documents.load({ docId: 'stmt_P' }));
  const hash = contentHash({ doc });
  await versions.append({ docId: 'stmt_P', version: { kind: 'named', name: 'Final', hash, createdAt: now - 5_000, createdBy: null, authors: [], restoredFrom: null }, state: Y.encodeStateAsUpdateV2(doc) });
  doc.destroy();
  // The live text moved on after adoption: a declaration exports what was adopted, not this.
  await documents.appendUpdate({ docId: 'stmt_P', update: markdownToYUpdate({ markdown: 'Edited later.' }), origin: 'c', author: 'u o' });
  const deps: ExportsDeps = { directory: null as never, versions, texts: documents, fonts: pdfFonts, now: () => now };
  const publication = {
    statementId: 'stmt_P', coalitionId: 'coa_1', coalitionName: 'Freedom Coalition', slug: 'joint-statement-2026', title: 'Joint statement', language: 'en', dir: 'ltr',
    version: { seq: 1, name: 'Final', hash }, html: '', plainText: '', record,
    translations: [{ language: 'fr', dir: 'ltr', title: 'Déclaration commune', paragraphs: ['Nous appelons à agir.', 'Deuxième paragraphe.'] }],
    publishedAt: now, publishedBy: { userId: 'usr_1', organisationId: 'org_EE' }, status: 'published', withdrawn: null, signOn: null, attestation: null,
  } as Publication;
  const view = { publication, endorsements: [{ name: 'Access Now', country: 'Global', at: now + 1, late: true }], signOnOpen: false };
  return { deps, view, hash };
}

describe('exports of a declaration', () => {
  it('tells silence apart from positions in the adoption record', () => {
    const adoption = exportAdoption(record);
    expect(adoption.procedure).toBe('silence');
    expect(adoption.silent).toBe(2);
    expect(adoption.positions).toEqual([
      { organisation: 'Canada', stance: 'support', explanation: 'Canada welcomes the text.' },
      { organisation: 'Estonia', stance: 'abstain', explanation: 'Estonia stands aside.' },
    ]);
  });

  it('exports the adopted version with its hash, record, translations and endorsements — under the public slug', async () => {
    const { deps, view, hash } = await setup();
    const file = await exportDeclaration({ deps, view, format: 'json', labels: englishLabels });
    const json = JSON.parse(new TextDecoder().decode(file.body));
    expect(JSON.stringify(json)).toContain('We urge action.');
    expect(JSON.stringify(json)).not.toContain('Edited later.');
    expect(JSON.stringify(json)).not.toContain('stmt_P');
    expect(json.version.hash).toBe(hash);
    expect(json.adoption.silent).toBe(2);
    expect(json.translations[0].paragraphs).toEqual(['Nous appelons à agir.', 'Deuxième paragraphe.']);
    expect(json.endorsements.map((e: { name: string }) => e.name)).toEqual(['Access Now']);
    const markdown = new TextDecoder().decode((await exportDeclaration({ deps, view, format: 'markdown', labels: englishLabels })).body);
    expect(markdown).toContain('Second paragraph.');
  });

  it('refuses a withdrawn declaration and an unknown format', async () => {
    const { deps, view } = await setup();
    const withdrawn = { ...view, publication: { ...view.publication, status: 'withdrawn' as const, withdrawn: { at: now, by: 'usr_1', reason: 'Superseded' } } };
    const codeOf = async (run: () => Promise<unknown>) => run().then(() => 'exported', (e: unknown) => (isDomainError(e) ? e.code : 'other'));
    expect(await codeOf(() => exportDeclaration({ deps, view: withdrawn, format: 'pdf', labels: englishLabels }))).toBe('exports.withdrawn');
    expect(await codeOf(() => exportDeclaration({ deps, view, format: 'exe', labels: englishLabels }))).toBe('exports.format');
  });
});
