import { readFileSync } from 'node:fs';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { statementField, statementSchema } from './extensions.ts';
import { markdownToYUpdate, yDocToText, yUpdateToText } from './text.ts';

const repoRoot = new URL('../../../', import.meta.url);
function fixture(path: string): string {
  return readFileSync(new URL(`../shared/fixtures/${path}`, repoRoot), 'utf8');
}

/** The fixture's text blocks as plain lines: Markdown prefixes stripped, blank lines dropped. */
function markdownLines(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => line.replace(/^(#+ |- |\d+\. )/, '').trim());
}

function docFrom(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

describe('markdownToYUpdate', () => {
  it('imports the English joint statement as a heading, its date and 14 paragraphs, 8 of them numbered', () => {
    const markdown = fixture('joint-statement-surveillance/en.md');
    const doc = docFrom(markdownToYUpdate({ markdown }));
    const root = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(statementField), statementSchema());
    root.check();

    const types = root.content.content.map((node) => node.type.name);
    expect(types).toEqual(['heading', ...Array<string>(7).fill('paragraph'), 'orderedList']);
    const list = root.lastChild;
    expect(list?.childCount).toBe(8);
    expect(list?.attrs.start).toBe(1);

    const lines = yDocToText({ doc }).split('\n');
    expect(lines).toHaveLength(16);
    expect(lines.slice(2)).toHaveLength(14);
    expect(lines).toEqual(markdownLines(markdown));
  });

  it('keeps the Chinese declaration intact, character for character', () => {
    const markdown = fixture('declaration-future-internet/zh-TW.md');
    const text = yUpdateToText({ update: markdownToYUpdate({ markdown }) });
    expect(text.split('\n')).toEqual(markdownLines(markdown));
    expect(text).toContain('我們基於對於數位科技可以促進連結、民主、和平、法治、永續發展');
  });

  it('stores the text in the XmlFragment the editor binds to', () => {
    const doc = docFrom(markdownToYUpdate({ markdown: '# Title\n\nBody' }));
    expect(doc.getXmlFragment(statementField).length).toBe(2);
    expect(doc.getXmlFragment('prosemirror').length).toBe(0);
  });

  it('gives an update that can be applied twice without duplicating text', () => {
    const update = markdownToYUpdate({ markdown: 'Only **once**' });
    const doc = docFrom(update);
    Y.applyUpdate(doc, update);
    expect(yDocToText({ doc })).toBe('Only once');
  });
});

describe('yDocToText', () => {
  it('writes one line per paragraph, heading and list item, without marks or numbers', () => {
    const update = markdownToYUpdate({ markdown: '## Aims\n\n1. *first*\n2. second\n   - nested **point**\n\nEnd' });
    expect(yUpdateToText({ update })).toBe('Aims\nfirst\nsecond\nnested point\nEnd');
  });

  it('sees edits made to the live document', () => {
    const doc = docFrom(markdownToYUpdate({ markdown: 'Hello' }));
    const paragraph = doc.getXmlFragment(statementField).get(0) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).insert(5, ', world');
    expect(yDocToText({ doc })).toBe('Hello, world');
  });
});
