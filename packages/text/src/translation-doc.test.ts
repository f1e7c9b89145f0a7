import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canonicalParagraphs, hashCanonicalText } from './canonical.ts';
import { markdownToYUpdate } from './text.ts';
import { insertTranslatedParagraph, readTranslation, stampParagraph, translationParagraphs, translationState } from './translation-doc.ts';

describe('canonicalParagraphs', () => {
  it('gives each heading, paragraph and list item with the SHA-256 of its canonical line', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, markdownToYUpdate({ markdown: '# Title\n\nWe  urge **action**.\n\n\n- one\n- two\n' }));
    const paragraphs = canonicalParagraphs({ doc });
    expect(paragraphs.map((p) => p.text)).toEqual(['# Title', 'We  urge **action**.', '- one', '- two']);
    expect(paragraphs[1]?.hash).toBe(hashCanonicalText({ text: 'We  urge **action**.' }));
  });
});

describe('the translation document', () => {
  it('converges when two people translate different paragraphs at once', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    Y.applyUpdate(a, translationState({ title: 'Déclaration', paragraphs: [{ sourceHash: 'h1', text: '' }, { sourceHash: 'h2', text: '' }] }));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    (translationParagraphs(a).get(0).get('text') as Y.Text).insert(0, 'Nous appelons');
    (translationParagraphs(b).get(1).get('text') as Y.Text).insert(0, 'à agir.');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readTranslation({ doc: a })).toEqual(readTranslation({ doc: b }));
    expect(readTranslation({ doc: a }).paragraphs.map((p) => p.text)).toEqual(['Nous appelons', 'à agir.']);
  });

  it('inserts a paragraph for a new source paragraph and stamps a reviewed one', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, translationState({ title: '', paragraphs: [{ sourceHash: 'h1', text: 'Un' }] }));
    insertTranslatedParagraph({ doc, at: 0, sourceHash: 'h0' }).insert(0, ' Zéro ');
    stampParagraph({ doc, index: 1, sourceHash: 'h1b' });
    expect(readTranslation({ doc }).paragraphs).toEqual([
      { sourceHash: 'h0', text: 'Zéro' },
      { sourceHash: 'h1b', text: 'Un' },
    ]);
  });
});
