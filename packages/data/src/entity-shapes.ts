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
import { flag, map, mapOr, number, num, oneOf, strOr, strings, text } from './fields.ts';
import { rolesFrom } from './item-shapes.ts';
import type { Item } from './requests.ts';

export interface EntityShape<T> {
  toItem(entity: T): Item;
  fromItem(item: Item): T;
}

/** A coalition stored before notice settings existed (or with malformed ones) reads with none: the defaults apply. */
export const coalitionShape: EntityShape<Coalition> = {
  toItem: (c) => ({ id: c.id, name: c.name, ...(c.notice ? { notice: { silenceHours: c.notice.silenceHours, explicitHours: c.notice.explicitHours } } : {}) }),
  fromItem: (item) => {
    const coalition: Coalition = { id: text(item, 'id'), name: text(item, 'name') };
    const notice = typeof item.notice === 'object' && item.notice !== null ? mapOr(item, 'notice') : null;
    const silenceHours = notice && num(notice, 'silenceHours');
    const explicitHours = notice && num(notice, 'explicitHours');
    if (typeof silenceHours === 'number' && typeof explicitHours === 'number') coalition.notice = { silenceHours, explicitHours };
    return coalition;
  },
};

export const organisationShape: EntityShape<Organisation> = {
  toItem: (o) => ({ id: o.id, coalitionId: o.coalitionId, name: o.name, tier: o.tier, stakeholderGroup: o.stakeholderGroup, isChair: o.isChair }),
  fromItem: (item) => ({
    id: text(item, 'id'),
    coalitionId: text(item, 'coalitionId'),
    name: text(item, 'name'),
    tier: oneOf(item, 'tier', Tier),
    stakeholderGroup: oneOf(item, 'stakeholderGroup', StakeholderGroup),
    isChair: flag(item, 'isChair'),
  }),
};

export const taskForceShape: EntityShape<TaskForce> = {
  toItem: (t) => ({ id: t.id, coalitionId: t.coalitionId, name: t.name, organisationIds: [...t.organisationIds] }),
  fromItem: (item) => ({
    id: text(item, 'id'),
    coalitionId: text(item, 'coalitionId'),
    name: text(item, 'name'),
    organisationIds: strings(item, 'organisationIds'),
  }),
};

const statuses: readonly User['status'][] = ['active', 'removed'];

/** Users written before roles and removal existed read as active, with no roles. */
export const userShape: EntityShape<User> = {
  toItem: (u) => ({ id: u.id, name: u.name, organisationId: u.organisationId, coalitionId: u.coalitionId, roles: [...u.roles], status: u.status }),
  fromItem: (item) => ({
    id: text(item, 'id'),
    name: text(item, 'name'),
    organisationId: text(item, 'organisationId'),
    coalitionId: text(item, 'coalitionId'),
    roles: rolesFrom(item),
    status: oneOf(item, 'status', statuses, 'active'),
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
    id: text(item, 'id'),
    coalitionId: text(item, 'coalitionId'),
    title: text(item, 'title'),
    language: text(item, 'language'),
    visibility: item.visibility === undefined ? { ...openVisibility } : visibilityFrom(map(item, 'visibility')),
    penHolderIds: item.penHolderIds === undefined ? [] : strings(item, 'penHolderIds'),
    // Written before negotiation settings existed: advisory organisations take part, editors decide.
    advisoryParticipation: flag(item, 'advisoryParticipation', true),
    amendmentDecisions: oneOf(item, 'amendmentDecisions', ['chair', 'editors'], 'editors'),
    createdAt: number(item, 'createdAt'),
    updatedAt: number(item, 'updatedAt'),
  }),
};

function visibilityItem(v: Visibility): Item {
  return { scope: v.scope, taskForceId: v.taskForceId, advisory: v.advisory, observers: v.observers };
}

function visibilityFrom(item: Item): Visibility {
  return { scope: oneOf(item, 'scope', Scope), taskForceId: strOr(item, 'taskForceId', null), advisory: flag(item, 'advisory'), observers: flag(item, 'observers') };
}
