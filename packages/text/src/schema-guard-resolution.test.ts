import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { statementField } from './extensions.ts';
import { elementNamed, updateOf } from './schema-corpus.ts';
import { guardUpdate, precheckUpdate } from './schema-guard.ts';
import { markdownToYUpdate } from './text.ts';

const base = markdownToYUpdate({ markdown: 'First paragraph.\n\nSecond paragraph.' });
const paragraphText = (doc: Y.Doc) => elementNamed(doc, 'paragraph').get(0) as Y.XmlText;

describe('precheckUpdate (no document)', () => {
  it('refuses a root of another name, whatever its type', () => {
    const update = updateOf(base, (doc) => doc.getMap('evil').set('x', 1));
    expect(precheckUpdate({ kind: 'statement', update })).toMatchObject({ ok: false, reason: 'schema.unknown-root' });
  });

  it('refuses a Y.Text written into an empty editor root', () => {
    const update = updateOf(new Uint8Array([0, 0]), (doc) => doc.getText(statementField).insert(0, 'blank'));
    expect(precheckUpdate({ kind: 'statement', update })).toMatchObject({ ok: false, reason: 'schema.wrong-content' });
  });

  it('refuses a mark the schema does not have on existing text, without knowing where the text is', () => {
    const update = updateOf(base, (doc) => paragraphText(doc).format(0, 5, { underline: {} }));
    expect(precheckUpdate({ kind: 'statement', update })).toMatchObject({ ok: false, reason: 'schema.unknown-mark' });
  });

  it('refuses an unknown node pasted inside a new paragraph', () => {
    const update = updateOf(base, (doc) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlElement('script')]);
      doc.getXmlFragment(statementField).insert(0, [paragraph]);
    });
    expect(precheckUpdate({ kind: 'statement', update })).toMatchObject({ ok: false, reason: 'schema.unknown-node' });
  });

  it('passes a whole first document and asks for the document for typing into existing text', () => {
    expect(precheckUpdate({ kind: 'statement', update: base })).toEqual({ ok: true, needsBase: false });
    const typing = updateOf(base, (doc) => paragraphText(doc).insert(3, 'x'));
    expect(precheckUpdate({ kind: 'statement', update: typing })).toEqual({ ok: true, needsBase: true });
  });

  it('asks for the document for the attack of issue 12 on an existing statement, which the guard then refuses', () => {
    const update = updateOf(base, (doc) => doc.getText(statementField).insert(0, '…'));
    expect(precheckUpdate({ kind: 'statement', update })).toEqual({ ok: true, needsBase: true });
    expect(guardUpdate({ kind: 'statement', base: [base], update })).toMatchObject({ ok: false, reason: 'schema.wrong-content' });
  });
});

describe('guardUpdate finds where a struct lands', () => {
  it('follows an origin into the document: keystrokes sent one by one pass', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, base);
    for (const [at, letter] of [[0, 'a'], [1, 'b'], [2, 'c']] as const) {
      const update = updateOf(Y.encodeStateAsUpdate(doc), (d) => paragraphText(d).insert(at, letter));
      expect(guardUpdate({ kind: 'statement', base: doc, update })).toEqual({ ok: true });
      Y.applyUpdate(doc, update);
    }
  });

  it('follows an origin into the document to a root: text after the last paragraph is refused', () => {
    const update = updateOf(base, (doc) => doc.getText(statementField).insert(doc.getText(statementField).length, 'x'));
    expect(guardUpdate({ kind: 'statement', base: [base], update })).toMatchObject({ ok: false, reason: 'schema.wrong-content' });
  });

  it('refuses as unresolved an update whose place depends on one the document has not received', () => {
    const first = updateOf(base, (doc) => paragraphText(doc).insert(0, 'a'));
    const second = updateOf(Y.mergeUpdates([base, first]), (doc) => paragraphText(doc).insert(1, 'b'));
    expect(guardUpdate({ kind: 'statement', base: [base], update: second })).toMatchObject({ ok: false, reason: 'schema.unresolved' });
    expect(guardUpdate({ kind: 'statement', base: [base, first], update: second })).toEqual({ ok: true });
    expect(guardUpdate({ kind: 'statement', base: [base], update: Y.mergeUpdates([first, second]) })).toEqual({ ok: true });
  });

  it('checks the whole document when the update releases content the document held back', () => {
    const honest = updateOf(base, (doc) => doc.getXmlFragment(statementField).push([new Y.XmlElement('paragraph')]));
    const afterHonest = Y.mergeUpdates([base, honest]);
    // Stored before the guard existed: text placed after the honest paragraph, waiting for it.
    const hostile = updateOf(afterHonest, (doc) => doc.getText(statementField).insert(doc.getText(statementField).length, 'x'));
    expect(guardUpdate({ kind: 'statement', base: [base, hostile], update: honest })).toMatchObject({ ok: false, reason: 'schema.wrong-content' });
    expect(guardUpdate({ kind: 'statement', base: [base], update: honest })).toEqual({ ok: true });
  });

  it('lets through a keystroke into a paragraph someone else deleted meanwhile', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, base);
    const typing = updateOf(base, (d) => paragraphText(d).insert(0, 'x'));
    doc.getXmlFragment(statementField).delete(0, 1);
    expect(guardUpdate({ kind: 'statement', base: doc, update: typing })).toEqual({ ok: true });
  });

  it('does not judge again what the document already holds', () => {
    expect(guardUpdate({ kind: 'statement', base: [base], update: base })).toEqual({ ok: true });
  });

  it('refuses an update that does not decode', () => {
    expect(guardUpdate({ kind: 'statement', base: [base], update: new Uint8Array([9, 9, 9]) })).toMatchObject({ ok: false });
  });
});
