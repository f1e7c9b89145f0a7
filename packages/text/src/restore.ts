/**
 * Restoring an old version as a new change: one Yjs update that turns the current document's
 * text into the version's, touching as little as it can. History is never rewritten — the
 * update is an ordinary edit on top of everything that happened since, so it merges with edits
 * made meanwhile, and it can itself be undone by another change.
 *
 * Unchanged nodes are left alone (comment anchors on them survive). Changed nodes of the same
 * kind are edited in place, recursively — a list keeps its unchanged items, a paragraph keeps
 * its Y.XmlText and receives a character diff, so anchors in its unchanged words survive too;
 * inserted text carries the version's marks, and marks on kept text are set to the version's.
 * Anything else is deleted or inserted as a whole node (a copy of the version's).
 *
 * Both documents are first brought inside the schema (`repairToSchema`): a document damaged by an
 * update stored before the guard existed (a Y.Text written into the editor's root, a node the
 * editor does not know) comes back whole, and the repair is part of the change.
 */
import { diffArrays, diffChars } from 'diff';
import * as Y from 'yjs';
import { pairInOrder, similarity } from './compare-pairing.ts';
import { statementField } from './extensions.ts';
import { repairToSchema } from './schema-check.ts';

type Parent = Y.XmlFragment | Y.XmlElement;
type Node = Y.XmlElement | Y.XmlText;
type Attributes = Record<string, unknown>;

/** Elements of the same kind whose words are at least this alike are edited in place. */
const inPlaceThreshold = 0.3;

/**
 * The update (Yjs format v1, as the sync core stores and sends) that makes the text of
 * `current` equal to that of `target`; both are full-state updates in format v2 (a stored
 * version, and the live document encoded with `Y.encodeStateAsUpdateV2`). Null when the texts
 * are already equal.
 */
export function restoreUpdate(input: { current: Uint8Array; target: Uint8Array }): Uint8Array | null {
  const current = new Y.Doc();
  const target = new Y.Doc();
  try {
    Y.applyUpdateV2(current, input.current);
    Y.applyUpdateV2(target, input.target);
    const updates: Uint8Array[] = [];
    current.on('update', (update: Uint8Array) => updates.push(update));
    repairToSchema({ doc: current, kind: 'statement' });
    repairToSchema({ doc: target, kind: 'statement' });
    current.transact(() => reconcile(current.getXmlFragment(statementField), target.getXmlFragment(statementField)));
    return updates.length === 0 ? null : Y.mergeUpdates(updates);
  } finally {
    current.destroy();
    target.destroy();
  }
}

/** Makes `current`'s children equal to `target`'s. */
function reconcile(current: Parent, target: Parent): void {
  const have = current.toArray().filter(isNode);
  const want = target.toArray().filter(isNode);
  let position = 0;
  let [i, j] = [0, 0];
  let hunk: { removed: Node[]; added: Node[] } = { removed: [], added: [] };
  const flush = () => {
    position = applyHunk({ parent: current, position, ...hunk });
    hunk = { removed: [], added: [] };
  };
  for (const change of diffArrays(have.map(nodeKey), want.map(nodeKey))) {
    const count = change.value.length;
    if (change.removed) hunk.removed.push(...have.slice(i, (i += count)));
    else if (change.added) hunk.added.push(...want.slice(j, (j += count)));
    else {
      flush();
      position += count;
      [i, j] = [i + count, j + count];
    }
  }
  flush();
}

/**
 * Applies one stretch of changes whose removed nodes start at `position` (they are consecutive
 * in the parent); returns the position after the stretch.
 */
function applyHunk(input: { parent: Parent; position: number; removed: Node[]; added: Node[] }): number {
  const { parent } = input;
  let position = input.position;
  for (const { older, newer } of pairInOrder({ removed: input.removed, added: input.added, score: pairingScore, threshold: inPlaceThreshold })) {
    if (older && newer) {
      update(older, newer);
      position += 1;
    } else if (older) {
      parent.delete(position, 1);
    } else if (newer) {
      parent.insert(position, [newer.clone()]);
      position += 1;
    }
  }
  return position;
}

function update(older: Node, newer: Node): void {
  if (older instanceof Y.XmlText && newer instanceof Y.XmlText) return editText(older, newer);
  if (older instanceof Y.XmlElement && newer instanceof Y.XmlElement) {
    syncAttributes(older, newer);
    reconcile(older, newer);
  }
}

function pairingScore(older: Node, newer: Node): number {
  if (older instanceof Y.XmlText && newer instanceof Y.XmlText) return 1;
  if (!(older instanceof Y.XmlElement) || !(newer instanceof Y.XmlElement) || older.nodeName !== newer.nodeName) return 0;
  return similarity(textOf(older), textOf(newer));
}

function syncAttributes(older: Y.XmlElement, newer: Y.XmlElement): void {
  const have = older.getAttributes() as Attributes;
  const want = newer.getAttributes() as Attributes;
  for (const name of Object.keys(have)) if (!(name in want)) older.removeAttribute(name);
  for (const [name, value] of Object.entries(want)) {
    if (JSON.stringify(have[name]) !== JSON.stringify(value)) older.setAttribute(name, value as never);
  }
}

/** A character diff applied to `older`, inserted runs with `newer`'s marks, then marks aligned. */
function editText(older: Y.XmlText, newer: Y.XmlText): void {
  const runs = runsOf(newer);
  const wanted = runs.map((run) => run.text).join('');
  let position = 0;
  let source = 0;
  for (const part of diffChars(runsOf(older).map((run) => run.text).join(''), wanted)) {
    const length = part.value.length;
    if (part.removed) older.delete(position, length);
    else if (part.added) {
      for (const run of slice(runs, source, source + length)) {
        older.insert(position, run.text, { ...run.attributes });
        position += run.text.length;
      }
      source += length;
    } else {
      position += length;
      source += length;
    }
  }
  alignMarks(older, runs);
}

/** Sets the marks of every stretch of `text` whose marks differ from the wanted runs'. */
function alignMarks(text: Y.XmlText, wanted: Run[]): void {
  const have = runsOf(text);
  const spans = boundaries([have, wanted]);
  for (const [from, to] of spans) {
    const mine = attributesAt(have, from);
    const theirs = attributesAt(wanted, from);
    if (JSON.stringify(sorted(mine)) === JSON.stringify(sorted(theirs))) continue;
    const change: Attributes = { ...theirs };
    for (const name of Object.keys(mine)) if (!(name in theirs)) change[name] = null;
    text.format(from, to - from, change);
  }
}

interface Run {
  text: string;
  attributes: Attributes;
}

function runsOf(text: Y.XmlText): Run[] {
  return (text.toDelta() as { insert: unknown; attributes?: Attributes }[])
    .filter((op): op is { insert: string; attributes?: Attributes } => typeof op.insert === 'string')
    .map((op) => ({ text: op.insert, attributes: op.attributes ?? {} }));
}

/** The runs covering [from, to), cut at both ends. */
function slice(runs: Run[], from: number, to: number): Run[] {
  const out: Run[] = [];
  let offset = 0;
  for (const run of runs) {
    const [start, end] = [Math.max(from, offset), Math.min(to, offset + run.text.length)];
    if (start < end) out.push({ text: run.text.slice(start - offset, end - offset), attributes: run.attributes });
    offset += run.text.length;
  }
  return out;
}

/** Consecutive [from, to) spans over which neither list of runs changes its marks. */
function boundaries(lists: Run[][]): [number, number][] {
  const cuts = new Set<number>([0]);
  for (const runs of lists) {
    let offset = 0;
    for (const run of runs) cuts.add((offset += run.text.length));
  }
  const sortedCuts = [...cuts].sort((a, b) => a - b);
  return sortedCuts.slice(1).map((to, n) => [sortedCuts[n] as number, to]);
}

function attributesAt(runs: Run[], index: number): Attributes {
  let offset = 0;
  for (const run of runs) {
    if (index < offset + run.text.length) return run.attributes;
    offset += run.text.length;
  }
  return {};
}

function sorted(attributes: Attributes): [string, unknown][] {
  return Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b));
}

function isNode(value: unknown): value is Node {
  return value instanceof Y.XmlElement || value instanceof Y.XmlText;
}

/** Equal keys mean equal nodes: name, attributes (sorted) and content with its formatting. */
function nodeKey(node: Node): string {
  return node instanceof Y.XmlText ? JSON.stringify(node.toDelta()) : node.toString();
}

function textOf(element: Y.XmlElement): string {
  return element
    .toArray()
    .map((child) => (child instanceof Y.XmlText ? runsOf(child).map((run) => run.text).join('') : child instanceof Y.XmlElement ? ` ${textOf(child)} ` : ''))
    .join('');
}
