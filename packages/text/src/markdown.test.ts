import { describe, expect, it } from 'vitest';
import { statementSchema } from './extensions.ts';
import { markdownToProseMirrorJSON } from './markdown.ts';

function parse(markdown: string) {
  const json = markdownToProseMirrorJSON({ markdown });
  statementSchema().nodeFromJSON(json).check();
  return json;
}

describe('markdownToProseMirrorJSON', () => {
  it('maps headings to heading nodes, capping the level at the deepest the schema allows', () => {
    const json = parse('# Title\n\n## Section\n\n##### Deep');
    expect(json.content?.map((node) => [node.type, node.attrs?.level])).toEqual([
      ['heading', 1],
      ['heading', 2],
      ['heading', 3],
    ]);
  });

  it('keeps bold and italic as marks, nested ones included', () => {
    const json = parse('Plain **bold *both*** and _it_');
    expect(json.content?.[0]?.content).toEqual([
      { type: 'text', text: 'Plain ' },
      { type: 'text', text: 'bold ', marks: [{ type: 'bold' }] },
      { type: 'text', text: 'both', marks: [{ type: 'bold' }, { type: 'italic' }] },
      { type: 'text', text: ' and ' },
      { type: 'text', text: 'it', marks: [{ type: 'italic' }] },
    ]);
  });

  it('keeps the start number of a numbered list and nests bullet lists', () => {
    const json = parse('3. three\n4. four\n\n- a\n  - nested\n- b');
    const [ordered, bullets] = json.content ?? [];
    expect(ordered?.type).toBe('orderedList');
    expect(ordered?.attrs?.start).toBe(3);
    expect(ordered?.content).toHaveLength(2);
    expect(bullets?.type).toBe('bulletList');
    expect(bullets?.content?.[0]?.content?.map((node) => node.type)).toEqual(['paragraph', 'bulletList']);
  });

  it('turns soft line breaks into spaces and hard breaks into hardBreak nodes', () => {
    const json = parse('one\ntwo\\\nthree');
    expect(json.content?.[0]?.content).toEqual([
      { type: 'text', text: 'one two' },
      { type: 'hardBreak' },
      { type: 'text', text: 'three' },
    ]);
  });

  it('keeps what the schema cannot hold as plain paragraphs', () => {
    const json = parse('> quoted words\n\n```\nsome code\n```\n\n<div>raw</div>');
    expect(json.content?.map((node) => [node.type, node.content?.[0]?.text])).toEqual([
      ['paragraph', 'quoted words'],
      ['paragraph', 'some code'],
      ['paragraph', '<div>raw</div>'],
    ]);
  });

  it('gives an empty document one empty paragraph', () => {
    expect(parse('')).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });
});
