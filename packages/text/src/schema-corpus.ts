/**
 * A corpus of updates generated from the schema, for every suite that must show the guard holds
 * (this package's unit test; the sync handlers and the host's socket in the hostile-input
 * suite): each case is a base document, an update to it, and whether the update must pass.
 *
 * Valid cases are made the way the editor makes them — a ProseMirror transform of the base
 * written into Yjs by y-tiptap's `updateYFragment` — one per node type the schema has (inserted
 * where its content expression allows it), per mark, per attribute value. Invalid cases are
 * written with raw Yjs, as an attacker with a write ticket would: every node type at every level
 * its parent does not allow, names the schema does not know, wrong root types and names.
 */
import type { Node as PMNode, NodeType, Schema } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { statementField, statementSchema } from './extensions.ts';
import type { DocumentKind, SchemaReason } from './schema-rules.ts';
import { markdownToYUpdate } from './text.ts';
import { insertTranslatedParagraph, translationParagraphs, translationState, translationTitle } from './translation-doc.ts';

export interface CorpusCase {
  name: string;
  kind: DocumentKind;
  /** The document before (a full-state update, format v1). */
  base: Uint8Array;
  /** The update a client sends (format v1). */
  update: Uint8Array;
  valid: boolean;
  /** For an invalid case, the reason the guard gives. */
  reason?: SchemaReason;
}

const sample = [
  '# Joint statement',
  '',
  'We, the **undersigned**, call on _all_ parties to act.',
  '',
  '- First point',
  '  - nested point',
  '- Second point',
  '',
  '3. third',
  '4. fourth',
].join('\n');

/** Every case, statements then translations. */
export function schemaCorpus(): CorpusCase[] {
  return [...statementCases(), ...translationCases()];
}

/** The update `change` makes to a document loaded from `base`. */
export function updateOf(base: Uint8Array, change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  change(doc);
  doc.destroy();
  return Y.mergeUpdates(updates);
}

/** The update the editor writes for a ProseMirror change of the statement in `base`. */
function editorUpdate(base: Uint8Array, change: (tr: Transform) => void): Uint8Array {
  return updateOf(base, (doc) => {
    const fragment = doc.getXmlFragment(statementField);
    const tr = new Transform(yXmlFragmentToProseMirrorRootNode(fragment, statementSchema()));
    change(tr);
    doc.transact(() => updateYFragment(doc, fragment, tr.doc, { mapping: new Map(), isOMark: new Map() }));
  });
}

function statementCases(): CorpusCase[] {
  const base = markdownToYUpdate({ markdown: sample });
  const schema = statementSchema();
  const valid = (name: string, update: Uint8Array): CorpusCase => ({ name, kind: 'statement', base, update, valid: true });
  const invalid = (name: string, reason: SchemaReason, update: Uint8Array): CorpusCase => ({ name, kind: 'statement', base, update, valid: false, reason });
  return [
    valid('a first state imported from Markdown', markdownToYUpdate({ markdown: sample })),
    valid('typing a character inside a paragraph', editorUpdate(base, (tr) => tr.insert(firstTextPosition(tr.doc) + 2, tr.doc.type.schema.text('x')))),
    ...Object.values(schema.marks).map((mark) =>
      valid(`marking words ${mark.name}`, editorUpdate(base, (tr) => tr.addMark(firstTextPosition(tr.doc), firstTextPosition(tr.doc) + 5, mark.create()))),
    ),
    ...insertableTypes(schema).map((type) => valid(`inserting a ${type.name} where the schema allows it`, editorUpdate(base, (tr) => insertWhereAllowed(tr, type)))),
    ...([1, 2, 3] as const).map((level) => valid(`a heading of level ${level}`, editorUpdate(base, (tr) => tr.setNodeMarkup(0, schema.nodes.heading, { level })))),
    valid('deleting a block', editorUpdate(base, (tr) => tr.delete(0, tr.doc.child(0).nodeSize))),
    valid('deleting everything', updateOf(base, (doc) => doc.getXmlFragment(statementField).delete(0, doc.getXmlFragment(statementField).length))),
    invalid('a Y.Text written into the editor root', 'schema.wrong-content', updateOf(base, (doc) => doc.getText(statementField).insert(0, 'blank'))),
    invalid('a Y.Text appended to the editor root', 'schema.wrong-content', updateOf(base, (doc) => doc.getText(statementField).insert(doc.getText(statementField).length, '!'))),
    invalid('a Y.Map written into the editor root', 'schema.unknown-attribute', updateOf(base, (doc) => doc.getMap(statementField).set('x', 1))),
    invalid('a Y.Array of values in the editor root', 'schema.wrong-content', updateOf(base, (doc) => doc.getArray(statementField).push([1]))),
    ...[
      ['a Y.Text root of another name', (doc: Y.Doc) => doc.getText('title').insert(0, 'x')],
      ['a Y.Map root of another name', (doc: Y.Doc) => doc.getMap('meta').set('k', 'v')],
      ['a Y.Array root of another name', (doc: Y.Doc) => doc.getArray('paragraphs').push(['x'])],
      ['an XML root of another name', (doc: Y.Doc) => doc.getXmlFragment('prosemirror').push([new Y.XmlElement('paragraph')])],
    ].map(([name, change]) => invalid(name as string, 'schema.unknown-root', updateOf(base, change as (doc: Y.Doc) => void))),
    invalid('text directly in the fragment', 'schema.misplaced-node', updateOf(base, (doc) => doc.getXmlFragment(statementField).push([textOf('loose')]))),
    ...unknownNames(schema).map((name) => invalid(`an unknown node ${name}`, 'schema.unknown-node', updateOf(base, (doc) => doc.getXmlFragment(statementField).push([new Y.XmlElement(name)])))),
    ...misplacedCases(base, schema),
    ...markCases(base, schema),
    ...attributeCases(base, schema),
    ...wrongTypeCases(base),
  ];
}

/** Position just inside the first paragraph's text. */
function firstTextPosition(doc: PMNode): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found < 0 && node.type.name === 'paragraph') found = pos + 1;
    return found < 0;
  });
  return found;
}

/** Node types a document can hold below its top, except text (typed, not inserted). */
function insertableTypes(schema: Schema): NodeType[] {
  return Object.values(schema.nodes).filter((type) => type !== schema.topNodeType && !type.isText);
}

/** Inserts a filled `type` at the first position whose parent allows it there. */
function insertWhereAllowed(tr: Transform, type: NodeType): void {
  const node = type.isTextblock ? type.create(null, type.schema.text('new words')) : type.createAndFill();
  for (let pos = 0; pos <= tr.doc.content.size; pos++) {
    const $pos = tr.doc.resolve(pos);
    if (node && $pos.parent.canReplaceWith($pos.index(), $pos.index(), type)) {
      tr.insert(pos, node);
      return;
    }
  }
  throw new Error(`no place for ${type.name}`);
}

function textOf(text: string, attributes?: Record<string, unknown>): Y.XmlText {
  const node = new Y.XmlText();
  node.insert(0, text, attributes);
  return node;
}

/** The first element named `name` in the statement, depth first. */
export function elementNamed(doc: Y.Doc, name: string): Y.XmlElement {
  const stack: (Y.XmlFragment | Y.XmlElement)[] = [doc.getXmlFragment(statementField)];
  while (stack.length > 0) {
    const parent = stack.shift()!;
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === name) return child;
      stack.push(child);
    }
  }
  throw new Error(`no ${name} in the sample`);
}

/** Names the schema does not have: extensions left out, HTML, and ProseMirror's own. */
function unknownNames(schema: Schema): string[] {
  return ['blockquote', 'codeBlock', 'horizontalRule', 'image', 'table', 'script', schema.topNodeType.name, 'text', ''];
}

/** Every node type inside every element of the sample whose content expression does not allow it. */
function misplacedCases(base: Uint8Array, schema: Schema): CorpusCase[] {
  const cases: CorpusCase[] = [];
  const parents = ['paragraph', 'heading', 'bulletList', 'orderedList', 'listItem'];
  for (const parent of parents) {
    const parentType = schema.nodes[parent]!;
    for (const child of [schema.topNodeType, ...insertableTypes(schema)]) {
      if (child === schema.topNodeType || allows(parentType, child)) continue;
      const update = updateOf(base, (doc) => elementNamed(doc, parent).push([new Y.XmlElement(child.name)]));
      cases.push({ name: `a ${child.name} inside a ${parent}`, kind: 'statement', base, update, valid: false, reason: 'schema.misplaced-node' });
    }
    if (!allows(parentType, schema.nodes.text!)) {
      const update = updateOf(base, (doc) => elementNamed(doc, parent).push([textOf('stray')]));
      cases.push({ name: `text directly inside a ${parent}`, kind: 'statement', base, update, valid: false, reason: 'schema.misplaced-node' });
    }
  }
  for (const child of ['listItem', 'hardBreak']) {
    const update = updateOf(base, (doc) => doc.getXmlFragment(statementField).push([new Y.XmlElement(child)]));
    cases.push({ name: `a ${child} at the top level`, kind: 'statement', base, update, valid: false, reason: 'schema.misplaced-node' });
  }
  const update = updateOf(base, (doc) => elementNamed(doc, 'paragraph').insert(0, [new Y.XmlElement('hardBreak')]));
  cases.push({ name: 'a hardBreak inside a paragraph', kind: 'statement', base, update, valid: true });
  return cases;
}

function allows(parent: NodeType, child: NodeType): boolean {
  const seen = new Set<unknown>();
  const stack = [parent.contentMatch];
  while (stack.length > 0) {
    const match = stack.pop()!;
    if (seen.has(match)) continue;
    seen.add(match);
    for (let i = 0; i < match.edgeCount; i++) {
      if (match.edge(i).type === child) return true;
      stack.push(match.edge(i).next);
    }
  }
  return false;
}

function firstText(doc: Y.Doc): Y.XmlText {
  return elementNamed(doc, 'paragraph').get(0) as Y.XmlText;
}

function markCases(base: Uint8Array, schema: Schema): CorpusCase[] {
  const c = (name: string, valid: boolean, change: (doc: Y.Doc) => void, reason?: SchemaReason): CorpusCase => ({ name, kind: 'statement', base, update: updateOf(base, change), valid, reason });
  return [
    ...Object.keys(schema.marks).map((mark) => c(`typing ${mark} text`, true, (doc) => firstText(doc).insert(1, 'x', { [mark]: {} }))),
    ...['underline', 'strike', 'link', 'code', 'highlight', 'color'].map((mark) =>
      c(`an unknown mark ${mark}`, false, (doc) => firstText(doc).format(0, 3, { [mark]: {} }), 'schema.unknown-mark'),
    ),
    c('unknown marks on typed text', false, (doc) => firstText(doc).insert(0, 'x', { link: { href: 'javascript:alert(1)' } }), 'schema.unknown-mark'),
    c('a mark whose value is not an object', false, (doc) => firstText(doc).format(0, 3, { bold: 'yes' }), 'schema.mark-value'),
    c('a mark with attributes the schema does not know', false, (doc) => firstText(doc).format(0, 3, { italic: { onclick: 'x' } }), 'schema.mark-value'),
    c('an embed in the text', false, (doc) => firstText(doc).insertEmbed(0, { image: 'x' }), 'schema.wrong-content'),
    c('attributes on a text node', false, (doc) => firstText(doc).setAttribute('bold', {} as never), 'schema.unknown-attribute'),
  ];
}

function attributeCases(base: Uint8Array, schema: Schema): CorpusCase[] {
  const cases: CorpusCase[] = [];
  const add = (name: string, valid: boolean, node: string, key: string, value: unknown, reason?: SchemaReason) =>
    cases.push({ name, kind: 'statement', base, update: updateOf(base, (doc) => elementNamed(doc, node).setAttribute(key, value as never)), valid, reason });
  for (const node of ['paragraph', 'heading', 'bulletList', 'orderedList', 'listItem']) {
    for (const key of ['style', 'class', 'onclick', 'bold', 'dir']) {
      if (!(key in (schema.nodes[node]!.spec.attrs ?? {}))) add(`an attribute ${key} on a ${node}`, false, node, key, 'x', 'schema.unknown-attribute');
    }
  }
  add('a heading level 3', true, 'heading', 'level', 3);
  for (const level of [0, 4, 7, '1', null, { x: 1 }]) add(`a heading level ${JSON.stringify(level)}`, false, 'heading', 'level', level, 'schema.attribute-value');
  add('a list starting at 7', true, 'orderedList', 'start', 7);
  add('a list starting at "x"', false, 'orderedList', 'start', 'x', 'schema.attribute-value');
  add('a list numbered a, b, c', true, 'orderedList', 'type', 'a');
  add('a list type that is not a numbering', false, 'orderedList', 'type', '" onmouseover="x', 'schema.attribute-value');
  const subdocument = updateOf(base, (doc) => elementNamed(doc, 'heading').setAttribute('level', new Y.Doc() as never));
  cases.push({ name: 'a subdocument as an attribute', kind: 'statement', base, update: subdocument, valid: false, reason: 'schema.attribute-value' });
  return cases;
}

function wrongTypeCases(base: Uint8Array): CorpusCase[] {
  const types: [string, () => Y.AbstractType<any>][] = [
    ['a Y.Text', () => new Y.Text('x')],
    ['a Y.Map', () => new Y.Map()],
    ['a Y.Array', () => new Y.Array()],
    ['a nested Y.XmlFragment', () => new Y.XmlFragment()],
    ['a Y.XmlHook', () => new Y.XmlHook('paragraph')],
  ];
  return types.flatMap(([name, make]) =>
    ['paragraph', 'bulletList'].map((parent) => ({
      name: `${name} inside a ${parent}`,
      kind: 'statement' as const,
      base,
      update: updateOf(base, (doc) => elementNamed(doc, parent).insert(0, [make() as never])),
      valid: false,
      reason: 'schema.wrong-content' as const,
    })),
  );
}

function translationCases(): CorpusCase[] {
  const base = translationState({ title: 'Déclaration', paragraphs: [{ sourceHash: 'a'.repeat(64), text: 'Premier paragraphe.' }] });
  const c = (name: string, valid: boolean, change: (doc: Y.Doc) => void, reason?: SchemaReason): CorpusCase => ({ name, kind: 'translation', base, update: updateOf(base, change), valid, reason });
  const entry = (doc: Y.Doc) => translationParagraphs(doc).get(0);
  return [
    c('a first translation state', true, (doc) => Y.applyUpdate(doc, translationState({ title: 'T', paragraphs: [{ sourceHash: 'b'.repeat(64), text: 'Deux' }] }))),
    c('typing in the title', true, (doc) => translationTitle(doc).insert(3, 'x')),
    c('typing in a paragraph', true, (doc) => (entry(doc).get('text') as Y.Text).insert(2, 'x')),
    c('adding a paragraph', true, (doc) => insertTranslatedParagraph({ doc, at: 1, sourceHash: 'c'.repeat(64) }).insert(0, 'Nouveau')),
    c('stamping a paragraph', true, (doc) => entry(doc).set('source', 'd'.repeat(64))),
    c('removing a paragraph', true, (doc) => translationParagraphs(doc).delete(0, 1)),
    c('formatting the title', false, (doc) => translationTitle(doc).format(0, 2, { bold: true }), 'schema.wrong-content'),
    c('an embed in a paragraph', false, (doc) => (entry(doc).get('text') as Y.Text).insertEmbed(0, { x: 1 }), 'schema.wrong-content'),
    c('a value in the paragraph list', false, (doc) => translationParagraphs(doc).push(['text' as never]), 'schema.wrong-content'),
    c('a Y.Text in the paragraph list', false, (doc) => translationParagraphs(doc).push([new Y.Text('x') as never]), 'schema.wrong-content'),
    c('an unknown key on a paragraph', false, (doc) => entry(doc).set('html', '<b>x</b>'), 'schema.unknown-attribute'),
    c('a paragraph source that is not a string', false, (doc) => entry(doc).set('source', 7), 'schema.attribute-value'),
    c('a paragraph text that is XML', false, (doc) => entry(doc).set('text', new Y.XmlText('x')), 'schema.attribute-value'),
    c('the title written as an array', false, (doc) => doc.getArray('title').push(['x']), 'schema.wrong-content'),
    c('the paragraphs written as a text', false, (doc) => doc.getText('paragraphs').insert(0, 'x'), 'schema.wrong-content'),
    c('the statement editor root in a translation', false, (doc) => doc.getXmlFragment(statementField).push([new Y.XmlElement('paragraph')]), 'schema.unknown-root'),
    c('a root of another name', false, (doc) => doc.getMap('meta').set('k', 1), 'schema.unknown-root'),
  ];
}
