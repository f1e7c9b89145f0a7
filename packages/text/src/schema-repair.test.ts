import { Node as PMNode } from '@tiptap/pm/model';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { contentHash, canonicalText } from './canonical.ts';
import { statementField, statementSchema } from './extensions.ts';
import { restoreUpdate } from './restore.ts';
import { checkDocument, repairToSchema } from './schema-check.ts';
import { elementNamed, schemaCorpus, updateOf } from './schema-corpus.ts';
import { markdownToYUpdate } from './text.ts';

const damagedCases = schemaCorpus().filter((c) => !c.valid);

function docOf(...updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

describe('repairToSchema', () => {
  it.each(damagedCases.map((c) => [c.name, c] as const))('makes a document damaged by %s valid, for every replica', (_name, c) => {
    const doc = docOf(c.base, c.update);
    const repair = repairToSchema({ doc, kind: c.kind });
    expect(repair).not.toBeNull();
    expect(checkDocument({ doc, kind: c.kind })).toEqual({ ok: true });
    // Another replica holding the damage receives the repair as an ordinary update.
    expect(checkDocument({ doc: docOf(c.base, c.update, repair!), kind: c.kind })).toEqual({ ok: true });
  });

  it.each(damagedCases.filter((c) => c.kind === 'statement').map((c) => [c.name, c] as const))(
    'keeps the text and hash of a statement damaged by %s',
    (_name, c) => {
      const doc = docOf(c.base, c.update);
      const before = { text: canonicalText({ doc }), hash: contentHash({ doc }) };
      repairToSchema({ doc, kind: 'statement' });
      expect({ text: canonicalText({ doc }), hash: contentHash({ doc }) }).toEqual(before);
    },
  );

  it('changes nothing in a valid document', () => {
    for (const c of schemaCorpus().filter((c) => c.valid)) expect(repairToSchema({ doc: docOf(c.base, c.update), kind: c.kind })).toBeNull();
  });

  it('gives the editor back a document it can open after the attack of issue 12', () => {
    const base = markdownToYUpdate({ markdown: '# Title\n\nSome words.' });
    const doc = docOf(base, updateOf(base, (d) => d.getText(statementField).insert(0, 'blank everyone')));
    repairToSchema({ doc, kind: 'statement' });
    const node = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(statementField), statementSchema());
    expect(() => PMNode.fromJSON(statementSchema(), node.toJSON()).check()).not.toThrow();
    expect(node.textContent).toBe('TitleSome words.');
  });

  it('removes a mark the schema does not know and keeps the words', () => {
    const base = markdownToYUpdate({ markdown: 'Some **bold** words.' });
    const doc = docOf(base, updateOf(base, (d) => (elementNamed(d, 'paragraph').get(0) as Y.XmlText).format(0, 4, { underline: {} })));
    repairToSchema({ doc, kind: 'statement' });
    expect(canonicalText({ doc })).toBe('Some **bold** words.\n');
    expect(checkDocument({ doc, kind: 'statement' })).toEqual({ ok: true });
  });
});

describe('restoreUpdate on a damaged document', () => {
  it('repairs the document even when the text already equals the version’s', () => {
    const base = markdownToYUpdate({ markdown: 'Agreed words.' });
    const version = Y.encodeStateAsUpdateV2(docOf(base));
    const damaged = docOf(base, updateOf(base, (d) => d.getText(statementField).insert(0, 'garbage')));
    const update = restoreUpdate({ current: Y.encodeStateAsUpdateV2(damaged), target: version });
    expect(update).not.toBeNull();
    Y.applyUpdate(damaged, update!);
    expect(checkDocument({ doc: damaged, kind: 'statement' })).toEqual({ ok: true });
    expect(canonicalText({ doc: damaged })).toBe('Agreed words.\n');
  });

  it('brings back a damaged version as schema-valid text', () => {
    const base = markdownToYUpdate({ markdown: 'Old words.' });
    const damagedVersion = docOf(base, updateOf(base, (d) => d.getXmlFragment(statementField).push([new Y.XmlElement('script')])));
    const current = docOf(markdownToYUpdate({ markdown: 'New words.' }));
    const update = restoreUpdate({ current: Y.encodeStateAsUpdateV2(current), target: Y.encodeStateAsUpdateV2(damagedVersion) });
    Y.applyUpdate(current, update!);
    expect(checkDocument({ doc: current, kind: 'statement' })).toEqual({ ok: true });
    expect(canonicalText({ doc: current })).toBe('Old words.\n');
  });
});
