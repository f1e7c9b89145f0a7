/**
 * The stored form of each directory entity: exactly its domain fields, written one by one and
 * read back with checks, so keys and index attributes never leak into domain objects.
 */
import { StakeholderGroup, Tier, type Coalition, type Organisation, type Statement, type User } from '@concord/core';
import { requireNumber, requireString } from './item-shapes.ts';
import type { Item } from './requests.ts';

export interface EntityShape<T> {
  toItem(entity: T): Item;
  fromItem(item: Item): T;
}

const oneOf = <T extends string>(values: Record<string, T>, item: Item, name: string): T => {
  const value = requireString(item, name);
  if (!(Object.values(values) as string[]).includes(value)) throw new TypeError(`stored ${name} has an unknown value: ${value}`);
  return value as T;
};

export const coalitionShape: EntityShape<Coalition> = {
  toItem: (c) => ({ id: c.id, name: c.name }),
  fromItem: (item) => ({ id: requireString(item, 'id'), name: requireString(item, 'name') }),
};

export const organisationShape: EntityShape<Organisation> = {
  toItem: (o) => ({ id: o.id, coalitionId: o.coalitionId, name: o.name, tier: o.tier, stakeholderGroup: o.stakeholderGroup, isChair: o.isChair }),
  fromItem: (item) => ({
    id: requireString(item, 'id'),
    coalitionId: requireString(item, 'coalitionId'),
    name: requireString(item, 'name'),
    tier: oneOf(Tier, item, 'tier'),
    stakeholderGroup: oneOf(StakeholderGroup, item, 'stakeholderGroup'),
    isChair: item.isChair === true,
  }),
};

export const userShape: EntityShape<User> = {
  toItem: (u) => ({ id: u.id, name: u.name, organisationId: u.organisationId, coalitionId: u.coalitionId }),
  fromItem: (item) => ({
    id: requireString(item, 'id'),
    name: requireString(item, 'name'),
    organisationId: requireString(item, 'organisationId'),
    coalitionId: requireString(item, 'coalitionId'),
  }),
};

export const statementShape: EntityShape<Statement> = {
  toItem: (s) => ({ id: s.id, coalitionId: s.coalitionId, title: s.title, language: s.language, createdAt: s.createdAt, updatedAt: s.updatedAt }),
  fromItem: (item) => ({
    id: requireString(item, 'id'),
    coalitionId: requireString(item, 'coalitionId'),
    title: requireString(item, 'title'),
    language: requireString(item, 'language'),
    createdAt: requireNumber(item, 'createdAt'),
    updatedAt: requireNumber(item, 'updatedAt'),
  }),
};
