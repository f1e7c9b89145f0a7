/**
 * Reading stored items back field by field. Each reader checks that a field holds what the layout
 * says and otherwise throws a TypeError naming the item (its key, or the map's place in it) and the
 * field: a malformed item fails where it is read, never cast into a domain object. The `…Or`
 * readers give `fallback` for an absent (or null) field — items written before it existed — but
 * still refuse one of another type.
 */
import { tableDefinition } from './table-definition.ts';

type Item = Record<string, unknown>;

/** Where a nested map sits (`USR#1 / ACCOUNT → totpKey`), for the errors of its fields. */
const places = new WeakMap<object, string>();

function placeOf(item: Item): string {
  const known = places.get(item);
  if (known) return known;
  const pk = item[tableDefinition.partitionKey];
  const sk = item[tableDefinition.sortKey];
  return typeof pk === 'string' && typeof sk === 'string' ? `${pk} / ${sk}` : '(no key)';
}

function describe(value: unknown): string {
  if (value === undefined) return 'absent';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Set) return 'a set';
  if (value instanceof Uint8Array) return 'binary';
  return typeof value === 'object' ? 'a map' : `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
}

/** The error for `item[name]` not being `expected`. */
export function malformed(item: Item, name: string, expected: string): TypeError {
  return new TypeError(`stored item ${placeOf(item)}: ${name} should be ${expected}, is ${describe(item[name])}`);
}

const absent = (value: unknown) => value === undefined || value === null;

/** The item's value at `name` when it is a string, else undefined. */
export const str = (item: Item, name: string): string | undefined => {
  const value = item[name];
  return typeof value === 'string' ? value : undefined;
};

/** The item's value at `name` when it is a number, else undefined. */
export const num = (item: Item, name: string): number | undefined => {
  const value = item[name];
  return typeof value === 'number' ? value : undefined;
};

/** The item's value at `name` when it is binary, else undefined. */
export const bin = (item: Item, name: string): Uint8Array | undefined => {
  const value = item[name];
  return value instanceof Uint8Array ? value : undefined;
};

/** A required string. */
export function text(item: Item, name: string): string {
  const value = item[name];
  if (typeof value !== 'string') throw malformed(item, name, 'a string');
  return value;
}

/** A required number. */
export function number(item: Item, name: string): number {
  const value = item[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw malformed(item, name, 'a number');
  return value;
}

/** Required bytes. */
export function binary(item: Item, name: string): Uint8Array {
  const value = item[name];
  if (!(value instanceof Uint8Array)) throw malformed(item, name, 'binary');
  return value;
}

/** A string, or `fallback` when absent. */
export function strOr<F>(item: Item, name: string, fallback: F): string | F {
  return absent(item[name]) ? fallback : text(item, name);
}

/** A number, or `fallback` when absent. */
export function numOr<F>(item: Item, name: string, fallback: F): number | F {
  return absent(item[name]) ? fallback : number(item, name);
}

/** A boolean, or `fallback` when absent. */
export function flag(item: Item, name: string, fallback = false): boolean {
  const value = item[name];
  if (absent(value)) return fallback;
  if (typeof value !== 'boolean') throw malformed(item, name, 'true or false');
  return value;
}

/** One of `values` (a list, or the values of an `as const` object); `fallback` when absent, if given. */
export function oneOf<const T extends string>(item: Item, name: string, values: readonly T[] | Readonly<Record<string, T>>, ...fallback: [] | [T]): T {
  const allowed: readonly string[] = Array.isArray(values) ? values : Object.values(values);
  const value = item[name];
  const isAllowed = (v: unknown): v is T => typeof v === 'string' && allowed.includes(v);
  if (absent(value) && fallback.length > 0) return fallback[0]!;
  if (!isAllowed(value)) throw malformed(item, name, `one of ${allowed.join(', ')}`);
  return value;
}

/** A nested map; its own fields' errors say where it sits. */
export function map(item: Item, name: string): Item {
  const value = item[name];
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Set || value instanceof Uint8Array) throw malformed(item, name, 'a map');
  places.set(value, `${placeOf(item)} → ${name}`);
  return value as Item;
}

/** A nested map, or null when absent. */
export function mapOr(item: Item, name: string): Item | null {
  return absent(item[name]) ? null : map(item, name);
}

/** A list, each element read by `read` (given the list as an item and the element's index as its name). */
export function list<T>(item: Item, name: string, read: (list: Item, index: string) => T): T[] {
  const value = item[name];
  if (!Array.isArray(value)) throw malformed(item, name, 'a list');
  const elements: Item = { ...value };
  places.set(elements, `${placeOf(item)} → ${name}`);
  return value.map((_, index) => read(elements, String(index)));
}

/** A list of strings. */
export const strings = (item: Item, name: string): string[] => list(item, name, text);

/** A string set (absent: empty — DynamoDB stores no empty set). */
export function stringSet(item: Item, name: string): string[] {
  const value = item[name];
  if (absent(value)) return [];
  const members: unknown[] = value instanceof Set ? [...value] : [];
  if (!(value instanceof Set) || !members.every((v): v is string => typeof v === 'string')) throw malformed(item, name, 'a set of strings');
  return members;
}

/** Who acted (a person and the organisation they acted for), as every stored act, actor and author holds it. */
export const actedBy = (item: Item): { userId: string; organisationId: string } => ({ userId: text(item, 'userId'), organisationId: text(item, 'organisationId') });
