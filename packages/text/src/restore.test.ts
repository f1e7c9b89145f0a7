import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canonicalText } from './canonical.ts';
import { statementField } from './extensions.ts';
import { restoreUpdate } from './restore.ts';
import { markdownToYUpdate } from './text.ts';

const repoRoot = new URL('../../../', import.meta.url);
const fixture = (path: string) => readFileSync(new URL(`../shared/fixtures/${path}`, repoRoot), 'utf8');

function docOf(markdown: string, clientID = 1): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  Y.applyUpdate(doc, markdownToYUpdate({ markdown }));
  return doc;
}

const state = (doc: Y.Doc) => Y.encodeStateAsUpdateV2(doc);
const text = (doc: Y.Doc) => canonicalText({ doc });
const paragraphText = (doc: Y.Doc, index: number) => ((doc.getXmlFragment(statementField).get(index) as Y.XmlElement).get(0) as Y.XmlText);

/** Restores `target`'s text onto `current` (in place) and returns the update used. */
function restore(current: Y.Doc, target: Y.Doc): Uint8Array | null {
  const update = restoreUpdate({ current: state(current), target: state(target) });
  if (update) Y.applyUpdate(current, update);
  return update;
}

/** `doc` edited like a live document: the version's history goes on in the same document. */
function edited(doc: Y.Doc, edit: (fragment: Y.XmlFragment) => void): Y.Doc {
  const copy = new Y.Doc();
  copy.clientID = 9;
  Y.applyUpdateV2(copy, state(doc));
  edit(copy.getXmlFragment(statementField));
  return copy;
}

describe('restoreUpdate', () => {
  const cases: [string, string, string][] = [
    ['a word replaced', 'One.\n\nWe urge all governments to act.', 'One.\n\nWe urge all states to act.'],
    ['a paragraph inserted between two', 'One.\n\nThree.', 'One.\n\nTwo.\n\nThree.'],
    ['a paragraph deleted', 'One.\n\nTwo.\n\nThree.', 'One.\n\nThree.'],
    ['two paragraphs swapped', 'Alpha paragraph.\n\nBeta paragraph.', 'Beta paragraph.\n\nAlpha paragraph.'],
    ['a heading level changed', '# Aims\n\nText.', '## Aims\n\nText.'],
    ['bold added and italic removed', 'We _must_ act now.', 'We must **act** now.'],
    ['a list item changed, nested and renumbered', '1. first\n2. second\n\nEnd.', '3. first\n   - nested point\n4. the second item\n\nEnd.'],
    ['a list turned into paragraphs', '- one\n- two', 'one\n\ntwo'],
    ['everything removed', '# Title\n\nText.', ''],
  ];
  for (const [what, before, after] of cases) {
    it(`brings the text back exactly: ${what}`, () => {
      const current = docOf(after, 2);
      const target = docOf(before, 3);
      restore(current, target);
      expect(text(current)).toBe(text(target));
    });
  }

  it('brings back the English joint statement after heavy editing, as one new change on top of the history', () => {
    const original = docOf(fixture('joint-statement-surveillance/en.md'));
    const later = edited(original, (fragment) => {
      fragment.delete(3, 2);
      (fragment.get(0) as Y.XmlElement).setAttribute('level', 2 as never);
      ((fragment.get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Updated: ', { bold: {} });
      fragment.insert(2, [new Y.XmlElement('paragraph')]);
    });
    const update = restore(later, original);
    expect(text(later)).toBe(text(original));
    // A new change by one new client: nothing of the earlier clients' history is rewritten.
    const clients = new Set(Y.decodeUpdate(update!).structs.map((struct) => struct.id.client));
    expect(clients.size).toBe(1);
    expect([...clients].some((client) => client === original.clientID || client === later.clientID)).toBe(false);
  });

  it('brings back any text after random edits (seeded), in both directions', () => {
    const original = docOf(fixture('joint-statement-surveillance/en.md'));
    for (let seed = 1; seed <= 30; seed++) {
      const random = mulberry32(seed);
      const later = edited(original, (fragment) => {
        for (let n = 0; n < 6; n++) randomEdit(fragment, random);
      });
      const back = edited(later, () => {});
      restore(back, original);
      expect(text(back), `seed ${seed}`).toBe(text(original));
      const forward = edited(original, () => {});
      restore(forward, later);
      expect(text(forward), `seed ${seed}`).toBe(text(later));
    }
  });

  it('gives null when the texts are already equal', () => {
    expect(restoreUpdate({ current: state(docOf('Same **text**.')), target: state(docOf('Same **text**.', 2)) })).toBeNull();
  });

  it('leaves an unchanged paragraph untouched: an anchor in it still resolves to the same words', () => {
    const target = docOf('Kept paragraph with an anchor.\n\nOld ending.');
    const current = edited(target, (fragment) => {
      ((fragment.get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'New ');
      fragment.push([new Y.XmlElement('paragraph')]);
    });
    const kept = paragraphText(current, 0);
    const anchor = Y.createRelativePositionFromTypeIndex(kept, 5);
    const kept1 = paragraphText(current, 1);
    const inEdited = Y.createRelativePositionFromTypeIndex(kept1, 8);
    restore(current, target);
    const resolved = Y.createAbsolutePositionFromRelativePosition(anchor, current);
    expect(resolved?.type).toBe(kept);
    expect(kept.toString().slice(resolved!.index)).toBe('paragraph with an anchor.');
    // In an edited paragraph, an anchor in words that stay still points at them.
    const moved = Y.createAbsolutePositionFromRelativePosition(inEdited, current);
    expect(paragraphText(current, 1).toString().slice(moved!.index)).toBe('ending.');
  });

  it('merges with an edit another client made meanwhile to another paragraph', () => {
    const target = docOf('First paragraph.\n\nSecond paragraph.\n\nThird paragraph.');
    const current = edited(target, (fragment) => ((fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Changed '));
    const other = new Y.Doc();
    other.clientID = 42;
    Y.applyUpdateV2(other, state(current));
    paragraphText(other, 2).insert(0, 'Concurrent ');

    const update = restoreUpdate({ current: state(current), target: state(target) })!;
    Y.applyUpdate(current, update);
    Y.applyUpdate(current, Y.encodeStateAsUpdate(other));
    Y.applyUpdate(other, update);
    expect(text(current)).toBe('First paragraph.\n\nSecond paragraph.\n\nConcurrent Third paragraph.\n');
    expect(text(other)).toBe(text(current));
  });

  it('keeps the version’s marks on text it inserts, never the marks of the text before it', () => {
    const target = docOf('Plain **bold** plain.');
    const current = docOf('Plain **bold**', 5);
    restore(current, target);
    expect(text(current)).toBe('Plain **bold** plain.\n');
  });
});

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The Y.XmlText of every paragraph and heading under `parent`. */
function texts(parent: Y.XmlFragment | Y.XmlElement): Y.XmlText[] {
  return parent.toArray().flatMap((child) => (child instanceof Y.XmlText ? [child] : child instanceof Y.XmlElement ? texts(child) : []));
}

/** One edit a person might make: type, delete, format, drop or add a block, change a heading. */
function randomEdit(fragment: Y.XmlFragment, random: () => number): void {
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const all = texts(fragment).filter((t) => t.length > 0);
  const target = pick(all);
  const at = target ? Math.floor(random() * target.length) : 0;
  switch (Math.floor(random() * 6)) {
    case 0:
      target?.insert(at, ' inserted words ');
      break;
    case 1:
      target?.delete(at, Math.min(12, target.length - at));
      break;
    case 2:
      target?.format(at, Math.min(7, target.length - at), { bold: {} });
      break;
    case 3:
      if (fragment.length > 2) fragment.delete(Math.floor(random() * fragment.length), 1);
      break;
    case 4: {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('A brand new paragraph.')]);
      fragment.insert(Math.floor(random() * fragment.length), [paragraph]);
      break;
    }
    default:
      (fragment.get(0) as Y.XmlElement).setAttribute('level', (1 + Math.floor(random() * 3)) as never);
  }
}
