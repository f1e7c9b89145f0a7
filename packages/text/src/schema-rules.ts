/**
 * What each kind of live document may hold, said at the level Yjs stores it: for every place a
 * piece of content can land (a root, an element, a text), which content is allowed there. The
 * statement's rules are read from the editor's ProseMirror schema (`statementSchema`), so they
 * follow it when it changes; the translation's are those of `translation-doc.ts`.
 *
 * A *slot* names a place: `root:<name>` for a root (resolved through `roots`), `element:<node>`
 * for a Y.XmlElement (the statement's root fragment acts as the `doc` node), `xmltext` for a
 * statement's Y.XmlText, `text` for a translation's Y.Text, `map` for a translated paragraph,
 * `paragraphs` for the translation's list of them, `other` for any type no rule allows.
 *
 * Order and counts in content expressions (a list item starting with a paragraph, at least one
 * block) are deliberately not rules: two valid concurrent edits can merge into a document that
 * breaks them, which no server may blame on either sender, and y-tiptap renders such a document.
 * What is refused is what breaks every editor or makes y-tiptap delete content on load: roots,
 * node names, nesting, attributes, marks, and the kind of each piece of content.
 */
import { parseTranslationDocId } from '@concord/core';
import type { NodeType, Schema } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { headingLevels, statementField, statementSchema } from './extensions.ts';
import { translationFields } from './translation-doc.ts';

export type DocumentKind = 'statement' | 'translation';

/** Why content is refused; dotted codes, stable for logs and tests. */
export type SchemaReason =
  | 'schema.unknown-root'
  | 'schema.wrong-content'
  | 'schema.unknown-node'
  | 'schema.misplaced-node'
  | 'schema.unknown-attribute'
  | 'schema.attribute-value'
  | 'schema.unknown-mark'
  | 'schema.mark-value'
  | 'schema.unresolved';

export interface SchemaRefusal {
  ok: false;
  reason: SchemaReason;
  /** For logs: where and what, never shown to people. */
  detail: string;
}

export type Slot = string;
type Content = Y.Item['content'];

export interface SchemaRules {
  kind: DocumentKind;
  /** The slot each root name acts as; any other root name is refused. */
  roots: ReadonlyMap<string, Slot>;
  /** Whether `content` may be a child (in sequence) of `slot`. */
  child(slot: Slot, content: Content): SchemaRefusal | null;
  /** Whether `content` may be the value of entry `key` of `slot` (an attribute, a map key). */
  entry(slot: Slot, key: string, content: Content): SchemaRefusal | null;
  /** Every slot content can land in, with the entry keys each has. */
  slots: ReadonlyMap<Slot, readonly string[]>;
}

/**
 * Null when `content` is allowed in at least one place of the document, else why not: what a
 * check that cannot tell where a struct lands can still refuse (an unknown mark, node or type is
 * wrong wherever it goes).
 */
export function allowedSomewhere(rules: SchemaRules, content: Content): SchemaRefusal | null {
  const asChildren: SchemaRefusal[] = [];
  const asEntries: SchemaRefusal[] = [];
  for (const [slot, keys] of rules.slots) {
    const asChild = rules.child(slot, content);
    if (!asChild) return null;
    asChildren.push(asChild);
    for (const key of keys) {
      const asEntry = rules.entry(slot, key, content);
      if (!asEntry) return null;
      asEntries.push(asEntry);
    }
  }
  // The most telling reason: from the place this kind of content belongs in (a mark's, in a text).
  const byVagueness = (a: SchemaRefusal, b: SchemaRefusal) => vague.indexOf(a.reason) - vague.indexOf(b.reason);
  const entryContent = content instanceof Y.ContentAny || content instanceof Y.ContentDoc || content instanceof Y.ContentBinary;
  const ranked = entryContent ? [...asEntries.sort(byVagueness), ...asChildren] : [...asChildren.sort(byVagueness), ...asEntries];
  return ranked[0] ?? refusal('schema.wrong-content', 'no place');
}

/** Reasons that say less than the others, least telling last. */
const vague: readonly SchemaReason[] = ['schema.unknown-node', 'schema.unknown-mark', 'schema.mark-value', 'schema.attribute-value', 'schema.misplaced-node', 'schema.unknown-attribute', 'schema.wrong-content'];

/** Statement ids never contain `--`: a translation's document id is `<statementId>--tr-<lang>`. */
export function documentKindOf(docId: string): DocumentKind {
  return parseTranslationDocId(docId) ? 'translation' : 'statement';
}

export function refusal(reason: SchemaReason, detail: string): SchemaRefusal {
  return { ok: false, reason, detail };
}

/** The slot of a type that is not a root (subclasses first: XmlText is a Text, XmlHook a Map). */
export function slotOfType(type: unknown): Slot {
  if (type instanceof Y.XmlElement) return `element:${type.nodeName}`;
  if (type instanceof Y.XmlText) return 'xmltext';
  if (type instanceof Y.XmlHook || type instanceof Y.XmlFragment) return 'other';
  if (type instanceof Y.Text) return 'text';
  if (type instanceof Y.Map) return 'map';
  return 'other';
}

const rulesByKind = new Map<DocumentKind, SchemaRules>();

export function schemaRules(kind: DocumentKind): SchemaRules {
  let rules = rulesByKind.get(kind);
  if (!rules) {
    rules = kind === 'statement' ? statementRules(statementSchema()) : translationRules();
    rulesByKind.set(kind, rules);
  }
  return rules;
}

/**
 * Whether a statement's schema allows an element named `child` inside one named `parent` (null:
 * the root fragment, the `doc` node).
 */
export function nodeAllowedIn(input: { parent: string | null; child: string }): boolean {
  nesting ??= new Map(Object.entries(statementSchema().nodes).map(([name, type]) => [name, allowedChildren(type)]));
  const parent = input.parent ?? statementSchema().topNodeType.name;
  return input.child !== 'text' && (nesting.get(parent)?.has(input.child) ?? false);
}

let nesting: Map<string, Set<string>> | undefined;

/** Every node name that may appear anywhere in `type`'s content expression. */
function allowedChildren(type: NodeType): Set<string> {
  const names = new Set<string>();
  const seen = new Set<unknown>();
  const stack = [type.contentMatch];
  while (stack.length > 0) {
    const match = stack.pop()!;
    if (seen.has(match)) continue;
    seen.add(match);
    for (let i = 0; i < match.edgeCount; i++) {
      const edge = match.edge(i);
      names.add(edge.type.name);
      stack.push(edge.next);
    }
  }
  return names;
}

const isPrimitive = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value);
const shortPrimitive = (value: unknown) => isPrimitive(value) && (typeof value !== 'string' || value.length <= 200);

/** Values y-tiptap writes for this schema's attributes; anything else is refused. */
const attributeChecks: Record<string, (value: unknown) => boolean> = {
  'heading.level': (value) => headingLevels.includes(value as never),
  'orderedList.start': (value) => Number.isSafeInteger(value),
  'orderedList.type': (value) => value === null || (typeof value === 'string' && /^[1aAiI]$/.test(value)),
};

function singleValue(content: Content): { value: unknown } | null {
  if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) return null;
  return { value: content.arr[0] };
}

function markRefusal(schema: Schema, name: string, value: unknown): SchemaRefusal | null {
  const mark = schema.marks[name];
  if (!mark) return refusal('schema.unknown-mark', `mark ${name}`);
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return refusal('schema.mark-value', `mark ${name}`);
  const known = Object.keys(mark.spec.attrs ?? {});
  const ok = Object.entries(value as object).every(([key, v]) => known.includes(key) && shortPrimitive(v));
  return ok ? null : refusal('schema.mark-value', `mark ${name}`);
}

/** Whether a statement's text may carry mark `name` with `value` (what a run's formatting attribute holds). */
export function markAllowed(input: { name: string; value: unknown }): boolean {
  return input.value !== null && markRefusal(statementSchema(), input.name, input.value) === null;
}

function statementRules(schema: Schema): SchemaRules {
  const children = new Map<string, Set<string>>();
  const attributes = new Map<string, Set<string>>();
  for (const [name, type] of Object.entries(schema.nodes)) {
    children.set(name, allowedChildren(type));
    attributes.set(name, new Set(Object.keys(type.spec.attrs ?? {})));
  }
  const elementName = (slot: Slot) => (slot.startsWith('element:') ? slot.slice('element:'.length) : null);

  function child(slot: Slot, content: Content): SchemaRefusal | null {
    if (content instanceof Y.ContentDeleted) return null;
    if (slot === 'xmltext') return textRun(content);
    const parent = elementName(slot);
    const allowed = parent === null ? undefined : children.get(parent);
    if (!allowed) return refusal('schema.wrong-content', `content inside ${slot}`);
    if (!(content instanceof Y.ContentType)) return refusal('schema.wrong-content', `${content.constructor.name} inside ${parent}`);
    const type = content.type;
    if (type instanceof Y.XmlText) return allowed.has('text') ? null : refusal('schema.misplaced-node', `text inside ${parent}`);
    if (!(type instanceof Y.XmlElement)) return refusal('schema.wrong-content', `${type.constructor.name} inside ${parent}`);
    const name = type.nodeName;
    if (!children.has(name) || name === 'text' || name === schema.topNodeType.name) return refusal('schema.unknown-node', `node ${name}`);
    return allowed.has(name) ? null : refusal('schema.misplaced-node', `${name} inside ${parent}`);
  }

  function textRun(content: Content): SchemaRefusal | null {
    if (content instanceof Y.ContentString) return null;
    if (!(content instanceof Y.ContentFormat)) return refusal('schema.wrong-content', `${content.constructor.name} inside text`);
    return markRefusal(schema, content.key, content.value);
  }

  function entry(slot: Slot, key: string, content: Content): SchemaRefusal | null {
    if (content instanceof Y.ContentDeleted) return null;
    const parent = elementName(slot);
    if (parent === null || !attributes.get(parent)?.has(key)) return refusal('schema.unknown-attribute', `attribute ${key} on ${parent ?? slot}`);
    const single = singleValue(content);
    const check = attributeChecks[`${parent}.${key}`] ?? shortPrimitive;
    return single && check(single.value) ? null : refusal('schema.attribute-value', `attribute ${key} on ${parent}`);
  }

  const slots = new Map<Slot, readonly string[]>([...attributes].map(([name, keys]) => [`element:${name}`, [...keys]]));
  slots.set('xmltext', []);
  return { kind: 'statement', roots: new Map([[statementField, `element:${schema.topNodeType.name}`]]), child, entry, slots };
}

function translationRules(): SchemaRules {
  function child(slot: Slot, content: Content): SchemaRefusal | null {
    if (content instanceof Y.ContentDeleted) return null;
    if (slot === 'text') return content instanceof Y.ContentString ? null : refusal('schema.wrong-content', `${content.constructor.name} inside text`);
    if (slot === 'paragraphs') {
      const isMap = content instanceof Y.ContentType && slotOfType(content.type) === 'map';
      return isMap ? null : refusal('schema.wrong-content', `${content.constructor.name} inside paragraphs`);
    }
    return refusal('schema.wrong-content', `content inside ${slot}`);
  }

  function entry(slot: Slot, key: string, content: Content): SchemaRefusal | null {
    if (content instanceof Y.ContentDeleted) return null;
    if (slot !== 'map' || (key !== 'source' && key !== 'text')) return refusal('schema.unknown-attribute', `entry ${key} on ${slot}`);
    if (key === 'text') {
      const isText = content instanceof Y.ContentType && slotOfType(content.type) === 'text';
      return isText ? null : refusal('schema.attribute-value', 'paragraph text');
    }
    const single = singleValue(content);
    const ok = single && typeof single.value === 'string' && single.value.length <= 200;
    return ok ? null : refusal('schema.attribute-value', 'paragraph source');
  }

  const roots = new Map([
    [translationFields.title, 'text'],
    [translationFields.paragraphs, 'paragraphs'],
  ]);
  const slots = new Map<Slot, readonly string[]>([
    ['text', []],
    ['paragraphs', []],
    ['map', ['source', 'text']],
  ]);
  return { kind: 'translation', roots, child, entry, slots };
}
