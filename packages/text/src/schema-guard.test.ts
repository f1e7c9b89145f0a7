import { Node as PMNode } from '@tiptap/pm/model';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { statementField, statementSchema } from './extensions.ts';
import { checkDocument } from './schema-check.ts';
import { schemaCorpus, type CorpusCase } from './schema-corpus.ts';
import { guardUpdate, precheckUpdate } from './schema-guard.ts';

const corpus = schemaCorpus();
const valid = corpus.filter((c) => c.valid);
const invalid = corpus.filter((c) => !c.valid);

function merged(c: CorpusCase): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, c.base);
  Y.applyUpdate(doc, c.update);
  return doc;
}

describe('guardUpdate over the schema corpus', () => {
  it('has cases of both kinds for both documents', () => {
    expect(valid.filter((c) => c.kind === 'statement').length).toBeGreaterThan(10);
    expect(invalid.filter((c) => c.kind === 'statement').length).toBeGreaterThan(50);
    expect(valid.filter((c) => c.kind === 'translation').length).toBeGreaterThan(3);
    expect(invalid.filter((c) => c.kind === 'translation').length).toBeGreaterThan(5);
  });

  it.each(valid.map((c) => [c.name, c] as const))('lets through %s', (_name, c) => {
    expect(guardUpdate({ kind: c.kind, base: [c.base], update: c.update })).toEqual({ ok: true });
    const pre = precheckUpdate({ kind: c.kind, update: c.update });
    expect(pre.ok).toBe(true);
  });

  it.each(invalid.map((c) => [c.name, c] as const))('refuses %s', (_name, c) => {
    const result = guardUpdate({ kind: c.kind, base: [c.base], update: c.update });
    expect(result).toMatchObject({ ok: false, reason: c.reason });
    const pre = precheckUpdate({ kind: c.kind, update: c.update });
    // Without the document, a refusal or a request for it: never a pass.
    expect(pre.ok === false || pre.needsBase).toBe(true);
  });
});

describe('checkDocument agrees with the guard', () => {
  it.each(valid.map((c) => [c.name, c] as const))('finds the document valid after %s', (_name, c) => {
    const doc = merged(c);
    expect(checkDocument({ doc, kind: c.kind })).toEqual({ ok: true });
    // An emptied document breaks `block+`; the guard does not count (schema-rules.ts says why).
    if (c.kind === 'statement' && doc.getXmlFragment(statementField).length > 0) {
      // ProseMirror's own check of the editor's view of it (content expressions, marks, attributes).
      const node = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(statementField), statementSchema());
      expect(() => PMNode.fromJSON(statementSchema(), node.toJSON()).check()).not.toThrow();
    }
  });

  it.each(invalid.map((c) => [c.name, c] as const))('finds the document invalid after %s', (_name, c) => {
    expect(checkDocument({ doc: merged(c), kind: c.kind })).toMatchObject({ ok: false });
  });
});
