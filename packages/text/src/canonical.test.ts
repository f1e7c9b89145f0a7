import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canonicalText, canonicalTextOfState, contentHash } from './canonical.ts';
import { statementField } from './extensions.ts';
import { markdownToYUpdate } from './text.ts';

const repoRoot = new URL('../../../', import.meta.url);
const fixture = (path: string) => readFileSync(new URL(`../shared/fixtures/${path}`, repoRoot), 'utf8');

function docOf(markdown: string): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, markdownToYUpdate({ markdown }));
  return doc;
}

const hashOf = (markdown: string) => contentHash({ doc: docOf(markdown) });

/** A document with one paragraph per string, built through the Yjs API by client `clientID`. */
function paragraphs(clientID: number, texts: string[]): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const fragment = doc.getXmlFragment(statementField);
  for (const text of texts) {
    const paragraph = new Y.XmlElement('paragraph');
    fragment.push([paragraph]);
    const content = new Y.XmlText();
    paragraph.push([content]);
    content.insert(0, text);
  }
  return doc;
}

describe('canonicalText', () => {
  it('writes headings, paragraphs, nested lists, marks and hard breaks in one Markdown-like form', () => {
    const doc = docOf('# Title\n\nA **bold** and _italic_ and ***both*** word.\n\n3. three\n4. four\\\n   broken\n   - nested\n     - deeper\n\n- bullet\n\n## Section');
    expect(canonicalText({ doc })).toBe(
      [
        '# Title',
        '',
        'A **bold** and _italic_ and **_both_** word.',
        '',
        '3. three',
        '4. four\\',
        '   broken',
        '  - nested',
        '    - deeper',
        '',
        '- bullet',
        '',
        '## Section',
        '',
      ].join('\n'),
    );
  });

  it('drops empty paragraphs and trailing spaces, and ends with exactly one line feed', () => {
    const doc = paragraphs(1, ['First line   ', '', '   ', 'Second\u00a0']);
    expect(canonicalText({ doc })).toBe('First line\n\nSecond\n');
  });

  it('is the empty string for a text without words', () => {
    expect(canonicalText({ doc: paragraphs(1, ['', ' ']) })).toBe('');
  });

  it('escapes characters that would read as marks or markers, so literal asterisks differ from bold', () => {
    expect(canonicalText({ doc: paragraphs(1, ['**not bold** a_b', '# not a heading', '2. not a list']) })).toBe(
      '\\*\\*not bold\\*\\* a\\_b\n\n\\# not a heading\n\n\\2. not a list\n',
    );
    expect(hashOf('\\*\\*word\\*\\*')).not.toBe(hashOf('**word**'));
  });

  it('reads a version stored as a full-state update in format v2', () => {
    const doc = docOf('Stored **text**');
    expect(canonicalTextOfState({ state: Y.encodeStateAsUpdateV2(doc) })).toBe('Stored **text**\n');
  });
});

describe('contentHash', () => {
  it('gives the English joint statement the same hash on every run and every host (golden value)', () => {
    const doc = docOf(fixture('joint-statement-surveillance/en.md'));
    expect(contentHash({ doc })).toBe('8d16e3cd1b45086bd15e6f78bcf2c893dbbc9a9a4ed7b3b8b4f35ae886fac783');
  });

  it('gives the Chinese declaration a hash of its NFC text', () => {
    const doc = docOf(fixture('declaration-future-internet/zh-TW.md'));
    expect(contentHash({ doc })).toMatch(/^[0-9a-f]{64}$/);
    expect(canonicalText({ doc })).toContain('我們基於對於數位科技可以促進連結、民主、和平、法治、永續發展');
  });

  it('changes with any visible change: a letter, bold on a word, a heading level, list nesting', () => {
    const base = hashOf('# Aims\n\nWe call on states.\n\n- one\n- two');
    const variants = [
      '# Aims\n\nWe call on state.\n\n- one\n- two',
      '# Aims\n\nWe call on **states**.\n\n- one\n- two',
      '## Aims\n\nWe call on states.\n\n- one\n- two',
      '# Aims\n\nWe call on states.\n\n- one\n  - two',
      '# Aims\n\nWe call on states.\n\n1. one\n2. two',
      '# Aims\n\nWe call on states.\n\n- one\n- two\n\nAnd more.',
    ];
    const hashes = variants.map(hashOf);
    expect(new Set([base, ...hashes]).size).toBe(variants.length + 1);
  });

  it('stays the same for the same text typed in different orders by different clients', () => {
    const typedInOrder = paragraphs(1, ['Hello world', 'Second']);
    const typedBackwards = paragraphs(2, ['', '']);
    const [first, second] = typedBackwards.getXmlFragment(statementField).toArray() as Y.XmlElement[];
    const late = new Y.Doc();
    late.clientID = 3;
    ((second!.get(0) as Y.XmlText)).insert(0, 'cond');
    ((first!.get(0) as Y.XmlText)).insert(0, 'world');
    Y.applyUpdate(late, Y.encodeStateAsUpdate(typedBackwards));
    const lateFirst = (late.getXmlFragment(statementField).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const lateSecond = (late.getXmlFragment(statementField).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    lateFirst.insert(0, 'Hello ');
    lateSecond.insert(0, 'Se');
    expect(canonicalText({ doc: late })).toBe('Hello world\n\nSecond\n');
    expect(contentHash({ doc: late })).toBe(contentHash({ doc: typedInOrder }));
  });

  it('stays the same when marks are split differently or characters are composed differently', () => {
    const split = paragraphs(1, ['']);
    const text = (split.getXmlFragment(statementField).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(0, 'Cafe\u0301 ');
    text.insert(6, 'str', { bold: {} });
    text.insert(9, 'ong', { bold: {} });
    expect(contentHash({ doc: split })).toBe(hashOf('Café **strong**'));
  });
});
