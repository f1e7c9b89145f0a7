import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compareVersions, wordDiff, type ComparedBlock } from './compare.ts';
import { markdownToYUpdate } from './text.ts';

const repoRoot = new URL('../../../', import.meta.url);
const fixture = (path: string) => readFileSync(new URL(`../shared/fixtures/${path}`, repoRoot), 'utf8');

/** A version as the store keeps it: a full-state update in format v2. */
function version(markdown: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, markdownToYUpdate({ markdown }));
  return Y.encodeStateAsUpdateV2(doc);
}

const compare = (older: string, newer: string) => compareVersions({ older: version(older), newer: version(newer) });

/** A block as `<change>: text` with removed words in [-…] and added ones in {+…}. */
function render(block: ComparedBlock): string {
  const text = block.runs.map((run) => (run.change === 'same' ? run.text : run.change === 'added' ? `{+${run.text}}` : `[-${run.text}]`)).join('');
  return `${block.change}: ${text}`;
}

describe('compareVersions', () => {
  it('marks a replaced word inside its paragraph and leaves the others unchanged', () => {
    const { blocks, counts } = compare('First paragraph.\n\nWe urge all governments to act.', 'First paragraph.\n\nWe urge all states to act.');
    expect(blocks.map(render)).toEqual(['same: First paragraph.', 'changed: We urge all [-governments]{+states} to act.']);
    expect(counts).toEqual({ added: 0, removed: 0, changed: 1 });
  });

  it('shows a paragraph inserted between two as added, with both neighbours unchanged', () => {
    const { blocks } = compare('One.\n\nThree.', 'One.\n\nTwo is new.\n\nThree.');
    expect(blocks.map(render)).toEqual(['same: One.', 'added: {+Two is new.}', 'same: Three.']);
  });

  it('shows a deleted paragraph as removed', () => {
    const { blocks, counts } = compare('One.\n\nTwo goes.\n\nThree.', 'One.\n\nThree.');
    expect(blocks.map(render)).toEqual(['same: One.', 'removed: [-Two goes.]', 'same: Three.']);
    expect(counts).toEqual({ added: 0, removed: 1, changed: 0 });
  });

  it('shows two swapped paragraphs as one moved: removed where it was, added where it is', () => {
    const { blocks } = compare('Alpha paragraph.\n\nBeta paragraph.', 'Beta paragraph.\n\nAlpha paragraph.');
    const changes = blocks.map((block) => block.change).sort();
    expect(changes).toEqual(['added', 'removed', 'same']);
    const moved = blocks.filter((block) => block.change !== 'same').map((block) => block.runs.map((run) => run.text).join(''));
    expect(moved[0]).toBe(moved[1]);
  });

  it('pairs a heading whose level changed, with the older and newer shapes', () => {
    const { blocks } = compare('# Aims\n\nText.', '## Aims\n\nText.');
    expect(blocks[0]).toMatchObject({ change: 'changed', kind: 'heading', level: 2, older: { level: 1, marker: '#' }, newer: { level: 2, marker: '##' } });
    expect(blocks[0]?.runs).toEqual([{ text: 'Aims', change: 'same' }]);
  });

  it('notices a word made bold even though the words are the same', () => {
    const { blocks } = compare('We must act.', 'We **must** act.');
    expect(blocks[0]).toMatchObject({ change: 'changed', formattingChanged: true });
  });

  it('keeps numbered items aligned when one is inserted above them', () => {
    const { blocks } = compare('1. first\n2. second\n3. third', '1. new\n2. first\n3. second\n4. third');
    expect(blocks.map(render)).toEqual(['added: {+new}', 'same: first', 'same: second', 'same: third']);
    expect(blocks[1]).toMatchObject({ older: { marker: '1.' }, newer: { marker: '2.' } });
  });

  it('diffs the Chinese declaration character by character inside a changed sentence', () => {
    const markdown = fixture('declaration-future-internet/zh-TW.md');
    const edited = markdown.replace('促進連結、民主、和平', '促進連結、自由、和平');
    const { blocks, counts } = compare(markdown, edited);
    expect(counts).toEqual({ added: 0, removed: 0, changed: 1 });
    const changed = blocks.find((block) => block.change === 'changed');
    expect(changed?.runs.filter((run) => run.change !== 'same')).toEqual([
      { text: '民主', change: 'removed' },
      { text: '自由', change: 'added' },
    ]);
    expect(changed?.runs.map((run) => (run.change === 'added' ? '' : run.text)).join('')).toContain('我們基於對於數位科技可以促進連結、民主、和平');
  });

  it('finds nothing to show between a version and itself', () => {
    const markdown = fixture('joint-statement-surveillance/en.md');
    const { blocks, counts } = compare(markdown, markdown);
    expect(counts).toEqual({ added: 0, removed: 0, changed: 0 });
    expect(blocks.every((block) => block.change === 'same')).toBe(true);
    expect(blocks).toHaveLength(16);
  });
});

describe('wordDiff', () => {
  it('folds a lone space between two changes, so a replaced phrase reads as one removal and one addition', () => {
    expect(wordDiff({ older: 'the quick fox', newer: 'a slow fox' })).toEqual([
      { text: 'the quick', change: 'removed' },
      { text: 'a slow', change: 'added' },
      { text: ' fox', change: 'same' },
    ]);
  });

  it('keeps the text of both sides: older without additions, newer without removals', () => {
    const runs = wordDiff({ older: 'Member states shall protect data.', newer: 'States should protect personal data.' });
    expect(runs.filter((r) => r.change !== 'added').map((r) => r.text).join('')).toBe('Member states shall protect data.');
    expect(runs.filter((r) => r.change !== 'removed').map((r) => r.text).join('')).toBe('States should protect personal data.');
  });
});
