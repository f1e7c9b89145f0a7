import { isDomainError } from '@concord/core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorBetween, decodePosition, replaceAnchored, resolveAnchor, textLeaves, textLength, type TextPoint } from './anchors.ts';
import { markdownToYUpdate, yDocToText } from './text.ts';

const markdown = '# Title\n\nStates **shall** protect human rights online.\n\nSecond paragraph here.';

function seeded(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, markdownToYUpdate({ markdown }));
  return doc;
}

/** A fresh replica of `doc` (its own client id), as the server builds one from the store. */
function replica(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** The point just before the first occurrence of `words` in the document (leaf by leaf). */
function pointAt(doc: Y.Doc, words: string, after = false): TextPoint {
  for (const text of textLeaves({ doc })) {
    const plain = text.toDelta().map((op: { insert: string }) => op.insert).join('');
    const index = plain.indexOf(words);
    if (index >= 0) return { text, index: after ? index + words.length : index };
  }
  throw new Error(`no “${words}” in the text`);
}

const around = (doc: Y.Doc, words: string) => anchorBetween({ from: pointAt(doc, words), to: pointAt(doc, words, true) });
const codeOf = async (run: () => unknown) => {
  try {
    await run();
  } catch (error) {
    return isDomainError(error) ? error.code : String(error);
  }
  return null;
};

describe('resolveAnchor', () => {
  it('finds the words of a range across formatting', () => {
    const doc = seeded();
    const resolved = resolveAnchor({ doc, anchor: around(doc, 'shall protect') });
    expect(resolved).toMatchObject({ state: 'live', sameText: true, text: 'shall protect' });
  });

  it('keeps the range on its words while text is typed before, after and at both ends', () => {
    const doc = seeded();
    const anchor = around(doc, 'human rights');
    const start = pointAt(doc, 'human rights');
    start.text.insert(start.index + 'human rights'.length, ' and freedoms');
    start.text.insert(start.index, 'all ');
    start.text.insert(0, 'Today, ');
    expect(resolveAnchor({ doc, anchor })).toMatchObject({ state: 'live', text: 'human rights' });
  });

  it('collapses a range whose words were deleted, and says its paragraph is gone when that was deleted', () => {
    const doc = seeded();
    const words = around(doc, 'human rights');
    const paragraph = around(doc, 'Second paragraph');
    const point = pointAt(doc, 'human rights');
    point.text.delete(point.index, 'human rights'.length);
    expect(resolveAnchor({ doc, anchor: words })).toMatchObject({ state: 'live', text: '' });
    const fragment = doc.getXmlFragment('default');
    fragment.delete(fragment.length - 1, 1);
    expect(resolveAnchor({ doc, anchor: paragraph })).toEqual({ state: 'gone' });
  });

  it('reads a range over two paragraphs with a line feed between them', () => {
    const doc = seeded();
    const anchor = anchorBetween({ from: pointAt(doc, 'online'), to: pointAt(doc, 'Second', true) });
    expect(resolveAnchor({ doc, anchor })).toMatchObject({ state: 'live', sameText: false, text: 'online.\nSecond' });
  });

  it('says so when the anchor names content the document does not have yet', () => {
    const ahead = seeded();
    const behind = replica(ahead);
    const point = pointAt(ahead, 'Second');
    point.text.insert(0, 'New words ');
    const anchor = around(ahead, 'New words');
    expect(resolveAnchor({ doc: behind, anchor })).toEqual({ state: 'unknown' });
  });

  it('refuses an anchor that does not decode', async () => {
    expect(await codeOf(() => resolveAnchor({ doc: seeded(), anchor: { from: '%%%', to: 'AAAA' } }))).toBe('negotiation.anchor-invalid');
    expect(decodePosition(42)).toBeNull();
  });

  it('gives offsets in the linear reading of the text', () => {
    const doc = seeded();
    const resolved = resolveAnchor({ doc, anchor: around(doc, 'Title') });
    expect(resolved).toMatchObject({ start: 0, end: 5 });
    expect(textLength({ doc })).toBe(yDocToText({ doc }).length);
  });
});

describe('replaceAnchored', () => {
  it('replaces the words in one update that another replica applies, keeping their formatting', () => {
    const doc = seeded();
    const server = replica(doc);
    const { update, applied } = replaceAnchored({ doc: server, anchor: around(doc, 'shall'), expected: 'shall', replacement: 'should' });
    Y.applyUpdate(doc, update);
    expect(yDocToText({ doc })).toContain('States should protect');
    expect(pointAt(doc, 'should').text.toDelta()).toContainEqual({ insert: 'should', attributes: { bold: {} } });
    expect(resolveAnchor({ doc, anchor: applied })).toMatchObject({ state: 'live', text: 'should' });
  });

  it('deletes and inserts, and a revert restores the original through the recorded range', () => {
    const doc = seeded();
    const deletion = replaceAnchored({ doc: replica(doc), anchor: around(doc, ' online'), expected: ' online', replacement: '' });
    Y.applyUpdate(doc, deletion.update);
    expect(yDocToText({ doc })).toContain('human rights.');
    const revert = replaceAnchored({ doc: replica(doc), anchor: deletion.applied, expected: '', replacement: ' online' });
    Y.applyUpdate(doc, revert.update);
    expect(yDocToText({ doc })).toContain('human rights online.');

    const point = pointAt(doc, ' here', true);
    const insertion = replaceAnchored({ doc: replica(doc), anchor: anchorBetween({ from: point, to: point }), expected: '', replacement: ' too' });
    Y.applyUpdate(doc, insertion.update);
    expect(yDocToText({ doc })).toContain('Second paragraph here too.');
  });

  it('refuses when the words changed, when the range spans paragraphs, and when text was typed at an insertion point', async () => {
    const doc = seeded();
    const anchor = around(doc, 'human rights');
    const point = pointAt(doc, 'rights');
    point.text.insert(point.index, 'civil ');
    expect(await codeOf(() => replaceAnchored({ doc: replica(doc), anchor, expected: 'human rights', replacement: 'rights' }))).toBe('negotiation.text-changed');

    const across = anchorBetween({ from: pointAt(doc, 'online'), to: pointAt(doc, 'Second', true) });
    expect(await codeOf(() => replaceAnchored({ doc: replica(doc), anchor: across, expected: 'online.\nSecond', replacement: 'x' }))).toBe('negotiation.text-changed');

    const at = pointAt(doc, 'here');
    const insertionPoint = anchorBetween({ from: at, to: at });
    at.text.insert(at.index, 'typed ');
    expect(await codeOf(() => replaceAnchored({ doc: replica(doc), anchor: insertionPoint, expected: '', replacement: 'x ' }))).toBe('negotiation.text-changed');
  });
});
