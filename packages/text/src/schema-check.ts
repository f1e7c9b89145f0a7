/**
 * The whole-document check against the schema rules (`schema-rules.ts`), and the repair of a
 * document that fails it. Both walk the Yjs items themselves, not `toArray()`/`toJSON()`: a root
 * written as the wrong type (a `Y.Text` where the editor reads a `Y.XmlFragment`) is only visible
 * there, and reading it through the wrong accessor would throw or hide it.
 */
import * as Y from 'yjs';
import { schemaRules, slotOfType, refusal, type DocumentKind, type SchemaRefusal, type SchemaRules, type Slot } from './schema-rules.ts';

export type SchemaCheck = { ok: true } | SchemaRefusal;

interface Finding {
  item: Y.Item;
  refusal: SchemaRefusal;
}

/**
 * Whether every live piece of `doc` is allowed where it is, for a document of `kind`: the full
 * check, linear in the document's items (about 30 ms for a 100,000-character statement, see
 * SCHEMA-GUARD.md). Deleted content is not looked at: nobody reads it.
 */
export function checkDocument(input: { doc: Y.Doc; kind: DocumentKind }): SchemaCheck {
  const [first] = findings({ ...input, limit: 1 });
  return first ? first.refusal : { ok: true };
}

/**
 * Makes `doc` schema-valid as a new change, and returns that change (a Yjs update, format v1)
 * or null when the document was already valid. What the schema cannot hold is deleted — a root
 * of another name or type, a node it does not know or not at that level, an attribute it does
 * not know or with a value it never writes — which is what y-tiptap itself does on load with a
 * node it cannot build; a mark it does not know is removed from the text, the text is kept.
 * `origin` is the transaction origin (for the caller's update listeners).
 */
export function repairToSchema(input: { doc: Y.Doc; kind: DocumentKind; origin?: unknown }): Uint8Array | null {
  const found = findings({ doc: input.doc, kind: input.kind, limit: Number.POSITIVE_INFINITY });
  if (found.length === 0) return null;
  const updates: Uint8Array[] = [];
  const collect = (update: Uint8Array) => updates.push(update);
  input.doc.on('update', collect);
  try {
    input.doc.transact((transaction) => {
      for (const { item } of found) if (!item.deleted) item.delete(transaction);
    }, input.origin);
  } finally {
    input.doc.off('update', collect);
  }
  return updates.length === 0 ? null : Y.mergeUpdates(updates);
}

/** The live items `rules` refuse, outermost first; nothing inside a refused item is visited. */
function findings(input: { doc: Y.Doc; kind: DocumentKind; limit: number }): Finding[] {
  const rules = schemaRules(input.kind);
  const found: Finding[] = [];
  const stack: { type: Y.AbstractType<any>; slot: Slot | null }[] = [];
  for (const [name, type] of input.doc.share) stack.push({ type, slot: rules.roots.get(name) ?? null });
  while (stack.length > 0 && found.length < input.limit) {
    const { type, slot } = stack.pop()!;
    for (const { item, key } of liveItems(type)) {
      const refused = slot === null ? refusal('schema.unknown-root', `root ${rootName(input.doc, type)}`) : judge(rules, slot, key, item);
      if (refused) found.push({ item, refusal: refused });
      else if (item.content instanceof Y.ContentType) stack.push({ type: item.content.type, slot: slotOfType(item.content.type) });
      if (found.length >= input.limit) break;
    }
  }
  return found;
}

function judge(rules: SchemaRules, slot: Slot, key: string | null, item: Y.Item): SchemaRefusal | null {
  return key === null ? rules.child(slot, item.content) : rules.entry(slot, key, item.content);
}

/** The live items of a type: its sequence, then the current value of each of its keys. */
function* liveItems(type: Y.AbstractType<any>): Generator<{ item: Y.Item; key: string | null }> {
  for (let item = type._start; item !== null; item = item.right) if (!item.deleted) yield { item, key: null };
  for (const [key, item] of type._map) if (!item.deleted) yield { item, key };
}

function rootName(doc: Y.Doc, type: Y.AbstractType<any>): string {
  for (const [name, root] of doc.share) if (root === type) return name;
  return '?';
}
