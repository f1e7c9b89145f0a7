/**
 * The stored form of each directory entity: exactly its domain fields, written one by one and
 * read back with checks, so keys and index attributes never leak into domain objects.
 */
import {
  openVisibility,
  Scope,
  StakeholderGroup,
  Tier,
  type Coalition,
  type Organisation,
  type Statement,
  type TaskForce,
  type User,
  type Visibility,
} from '@concord/core';
import { asItem, rolesFrom, requireNumber, requireString, stringsFrom } from './item-shapes.ts';
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

/** A coalition stored before notice settings existed (or with malformed ones) reads with none: the defaults apply. */
export const coalitionShape: EntityShape<Coalition> = {
  toItem: (c) => ({ id: c.id, name: c.name, ...(c.notice ? { notice: { silenceHours: c.notice.silenceHours, explicitHours: c.notice.explicitHours } } : {}) }),
  fromItem: (item) => {
    const coalition: Coalition = { id: requireString(item, 'id'), name: requireString(item, 'name') };
    const notice = item.notice as { silenceHours?: unknown; explicitHours?: unknown } | undefined;
    if (notice && typeof notice.silenceHours === 'number' && typeof notice.explicitHours === 'number') {
      coalition.notice = { silenceHours: notice.silenceHours, explicitHours: notice.explicitHours };
    }
    return coalition;
  },
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

export const taskForceShape: EntityShape<TaskForce> = {
  toItem: (t) => ({ id: t.id, coalitionId: t.coalitionId, name: t.name, organisationIds: [...t.organisationIds] }),
  fromItem: (item) => ({
    id: requireString(item, 'id'),
    coalitionId: requireString(item, 'coalitionId'),
    name: requireString(item, 'name'),
    organisationIds: stringsFrom(item.organisationIds, 'organisationIds'),
  }),
};

const statuses: Record<string, User['status']> = { active: 'active', removed: 'removed' };

/** Users written before roles and removal existed read as active, with no roles. */
export const userShape: EntityShape<User> = {
  toItem: (u) => ({ id: u.id, name: u.name, organisationId: u.organisationId, coalitionId: u.coalitionId, roles: [...u.roles], status: u.status }),
  fromItem: (item) => ({
    id: requireString(item, 'id'),
    name: requireString(item, 'name'),
    organisationId: requireString(item, 'organisationId'),
    coalitionId: requireString(item, 'coalitionId'),
    roles: rolesFrom(item.roles),
    status: item.status === undefined ? 'active' : oneOf(statuses, item, 'status'),
  }),
};

/** Statements written before sharing existed read as open to the whole coalition, with no pen holders. */
export const statementShape: EntityShape<Statement> = {
  toItem: (s) => ({
    id: s.id,
    coalitionId: s.coalitionId,
    title: s.title,
    language: s.language,
    visibility: visibilityItem(s.visibility),
    penHolderIds: [...s.penHolderIds],
    advisoryParticipation: s.advisoryParticipation,
    amendmentDecisions: s.amendmentDecisions,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  }),
  fromItem: (item) => ({
    id: requireString(item, 'id'),
    coalitionId: requireString(item, 'coalitionId'),
    title: requireString(item, 'title'),
    language: requireString(item, 'language'),
    visibility: item.visibility === undefined ? { ...openVisibility } : visibilityFrom(item.visibility),
    penHolderIds: item.penHolderIds === undefined ? [] : stringsFrom(item.penHolderIds, 'penHolderIds'),
    // Written before negotiation settings existed: advisory organisations take part, editors decide.
    advisoryParticipation: item.advisoryParticipation === undefined ? true : item.advisoryParticipation === true,
    amendmentDecisions: item.amendmentDecisions === 'chair' ? 'chair' : 'editors',
    createdAt: requireNumber(item, 'createdAt'),
    updatedAt: requireNumber(item, 'updatedAt'),
  }),
};

function visibilityItem(v: Visibility): Item {
  return { scope: v.scope, taskForceId: v.taskForceId, advisory: v.advisory, observers: v.observers };
}

function visibilityFrom(value: unknown): Visibility {
  const item = asItem(value, 'visibility');
  const taskForceId = item.taskForceId;
  if (taskForceId !== null && taskForceId !== undefined && typeof taskForceId !== 'string') throw new TypeError('stored visibility has a malformed taskForceId');
  return {
    scope: oneOf(Scope, item, 'scope'),
    taskForceId: taskForceId ?? null,
    advisory: item.advisory === true,
    observers: item.observers === true,
  };
}
