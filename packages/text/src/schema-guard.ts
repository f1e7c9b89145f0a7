/**
 * The check every incoming Yjs update of a live document passes before it is stored: would the
 * document, with this update applied, still be inside its schema (`schema-rules.ts`)? Only what
 * the update adds is looked at, so the cost follows the update, not the document. How each new
 * piece finds the place it lands in — the part of Yjs' rules this mirrors — is in SCHEMA-GUARD.md.
 *
 * - `precheckUpdate` needs no document: it judges every struct whose place the update itself
 *   names (a root, or a type created in the same update), and says whether some need the base.
 * - `guardUpdate` takes the current document and judges everything.
 */
import * as Y from 'yjs';
import { checkDocument } from './schema-check.ts';
import { allowedSomewhere, refusal, schemaRules, slotOfType, type DocumentKind, type SchemaRefusal, type SchemaRules, type Slot } from './schema-rules.ts';

export type GuardResult = { ok: true } | SchemaRefusal;
export type PrecheckResult = { ok: true; needsBase: boolean } | SchemaRefusal;

/** Where a new struct lands: a slot and, for a map entry, its key; 'void' when Yjs will drop it. */
type Place = { slot: Slot; key: string | null } | 'void' | 'unresolved' | SchemaRefusal;
type Step = Place | { via: Y.Item };

/**
 * Judges what `update` adds from the update alone. `{ ok: true, needsBase: false }`: everything
 * in it was judged and allowed (an update that only deletes, a paste of whole new paragraphs, a
 * document's first state). `needsBase: true`: some structs attach to content the update does not
 * hold (typing into an existing paragraph) — call {@link guardUpdate} with the document.
 */
export function precheckUpdate(input: { kind: DocumentKind; update: Uint8Array }): PrecheckResult {
  const result = examine({ ...input, base: null });
  return 'reason' in result ? result : { ok: true, needsBase: result.unresolved > 0 };
}

/**
 * Whether `base` (the current document: a Y.Doc, or its stored snapshot and updates in order)
 * with `update` (format v1) applied stays inside the schema of `kind`. Refuses with
 * `schema.unresolved` an update with structs whose place depends on content neither it nor the
 * base holds (Yjs would keep them pending, out of reach of this check, and place them later):
 * not always hostile — an update that overtook an earlier one — so a caller may answer with its
 * state vector (sync step 1) and let the client send both. Assumes `base` is valid; when `base`
 * holds pending structs that this update could release, checks the merged document in full.
 */
export function guardUpdate(input: { kind: DocumentKind; base: Y.Doc | readonly Uint8Array[]; update: Uint8Array }): GuardResult {
  const owned = !(input.base instanceof Y.Doc);
  const base = input.base instanceof Y.Doc ? input.base : docFrom(input.base);
  try {
    const result = examine({ kind: input.kind, update: input.update, base });
    if ('reason' in result) return result;
    if (result.unresolved > 0) return refusal('schema.unresolved', `${result.unresolved} structs attach to content the document lacks`);
    return base.store.pendingStructs ? fullCheck({ kind: input.kind, base, update: input.update }) : { ok: true };
  } finally {
    if (owned) base.destroy();
  }
}

/** A fixed guid: Yjs would draw a random one (crypto) for every scratch document, per keystroke. */
const scratchOptions = { guid: 'concord-guard' } as const;

function docFrom(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc(scratchOptions);
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

function fullCheck(input: { kind: DocumentKind; base: Y.Doc; update: Uint8Array }): GuardResult {
  const scratch = new Y.Doc(scratchOptions);
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(input.base));
    Y.applyUpdate(scratch, input.update);
    return checkDocument({ doc: scratch, kind: input.kind });
  } finally {
    scratch.destroy();
  }
}

function examine(input: { kind: DocumentKind; update: Uint8Array; base: Y.Doc | null }): SchemaRefusal | { unresolved: number } {
  let structs: unknown[];
  try {
    structs = Y.decodeUpdate(input.update).structs;
  } catch {
    return refusal('schema.wrong-content', 'the update does not decode');
  }
  const { base } = input;
  // Structs the base already holds are ignored by Yjs: an honest resend is not judged again.
  const items = structs.filter((s): s is Y.Item => s instanceof Y.Item && !(base && s.id.clock + s.length <= Y.getState(base.store, s.id.client)));
  const rules = schemaRules(input.kind);
  const places = createPlaces({ rules, items, base });
  let unresolved = 0;
  for (const item of items) {
    const place = places.of(item);
    if (place === 'void') continue;
    if (place === 'unresolved') {
      // Its place is unknown here, but content wrong in every place is refused all the same.
      const nowhere = allowedSomewhere(rules, item.content);
      if (nowhere) return nowhere;
      unresolved += 1;
    }
    else if ('reason' in place) return place;
    else {
      const refused = place.key === null ? rules.child(place.slot, item.content) : rules.entry(place.slot, place.key, item.content);
      if (refused) return refused;
    }
  }
  return { unresolved };
}

interface Context {
  rules: SchemaRules;
  base: Y.Doc | null;
  /** The update's structs per client, in clock order. */
  byClient: Map<number, Y.Item[]>;
  memo: Map<Y.Item, Place>;
}

/** Finds each new struct's place, following neighbours through the update and into the base. */
function createPlaces(input: { rules: SchemaRules; items: Y.Item[]; base: Y.Doc | null }) {
  const byClient = new Map<number, Y.Item[]>();
  for (const item of input.items) {
    const list = byClient.get(item.id.client) ?? [];
    list.push(item);
    byClient.set(item.id.client, list);
  }
  for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  const context: Context = { rules: input.rules, base: input.base, byClient, memo: new Map() };
  return { of: (item: Y.Item) => placeOf(context, item) };
}

/** Follows a chain of neighbours iteratively (an update can hold long chains), memoising it. */
function placeOf(context: Context, item: Y.Item): Place {
  const chain: Y.Item[] = [];
  const seen = new Set<Y.Item>();
  let current = item;
  let place: Place | undefined = context.memo.get(current);
  while (place === undefined) {
    if (seen.has(current)) {
      place = 'unresolved';
      break;
    }
    seen.add(current);
    chain.push(current);
    const next = step(context, current);
    if (typeof next === 'object' && 'via' in next) {
      current = next.via;
      place = context.memo.get(current);
    } else place = next;
  }
  for (const link of chain) context.memo.set(link, place);
  return place;
}

function step(context: Context, item: Y.Item): Step {
  if (typeof item.parent === 'string') return rootPlace(context.rules, item.parent, item.parentSub);
  if (item.parent instanceof Y.ID) return typePlace(inBase(context, item.parent) ?? inUpdate(context, item.parent), item.parentSub);
  // No parent written: Yjs takes the parent of the left neighbour (origin), else the right one.
  const neighbour = item.origin ?? item.rightOrigin;
  if (!neighbour) return refusal('schema.wrong-content', 'a struct without parent or neighbours');
  const known = inBase(context, neighbour);
  if (known) return basePlace(context.rules, known);
  const next = inUpdate(context, neighbour);
  return next ? { via: next } : 'unresolved';
}

/** The update's struct that holds `id` (binary search over that client's structs). */
function inUpdate(context: Context, id: Y.ID): Y.Item | null {
  const list = context.byClient.get(id.client) ?? [];
  let [low, high] = [0, list.length - 1];
  while (low <= high) {
    const mid = (low + high) >> 1;
    const item = list[mid]!;
    if (id.clock < item.id.clock) high = mid - 1;
    else if (id.clock >= item.id.clock + item.length) low = mid + 1;
    else return item;
  }
  return null;
}

function inBase(context: Context, id: Y.ID): Y.Item | Y.GC | null {
  const { base } = context;
  if (!base || id.clock >= Y.getState(base.store, id.client)) return null;
  return Y.getItem(base.store, id) as Y.Item | Y.GC;
}

function rootPlace(rules: SchemaRules, name: string, key: string | null): Place {
  const slot = rules.roots.get(name);
  return slot === undefined ? refusal('schema.unknown-root', `root ${name}`) : { slot, key };
}

/** The place of the children of the type held by `holder`. */
function typePlace(holder: Y.Item | Y.GC | null, key: string | null): Place {
  if (holder === null) return 'unresolved';
  // Yjs drops a struct whose parent was garbage-collected (a paragraph deleted meanwhile).
  if (holder instanceof Y.GC || holder.content instanceof Y.ContentDeleted) return 'void';
  if (!(holder.content instanceof Y.ContentType)) return refusal('schema.wrong-content', 'a parent that is not a type');
  return { slot: slotOfType(holder.content.type), key };
}

/** Where an integrated struct of the base is. */
function basePlace(rules: SchemaRules, struct: Y.Item | Y.GC): Place {
  if (struct instanceof Y.GC) return 'void';
  const parent = struct.parent as Y.AbstractType<any>;
  if (parent._item === null) return rootPlace(rules, Y.findRootTypeKey(parent), struct.parentSub);
  return { slot: slotOfType(parent), key: struct.parentSub };
}
