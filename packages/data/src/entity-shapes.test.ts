import { openVisibility, type Statement, type TaskForce, type User } from '@concord/core';
import { describe, expect, it } from 'vitest';
import { coalitionShape, statementShape, taskForceShape, userShape } from './entity-shapes.ts';
import { principalFrom, principalItem } from './item-shapes.ts';

const user: User = { id: 'usr_1', name: 'Ada', organisationId: 'org_1', coalitionId: 'coal_1', roles: ['secretariat'], status: 'removed' };
const statement: Statement = {
  id: 'stmt_1',
  coalitionId: 'coal_1',
  title: 'Draft',
  language: 'en',
  visibility: { scope: 'task-force', taskForceId: 'tf_1', advisory: false, observers: true },
  penHolderIds: ['org_1', 'org_2'],
  advisoryParticipation: false,
  amendmentDecisions: 'chair',
  createdAt: 1,
  updatedAt: 2,
};

describe('coalitionShape', () => {
  it('round-trips the notice settings, and reads a coalition stored before them with none (the defaults apply)', () => {
    const coalition = { id: 'coal_1', name: 'Freedom Online', notice: { silenceHours: 96, explicitHours: 36 } };
    expect(coalitionShape.fromItem(coalitionShape.toItem(coalition))).toStrictEqual(coalition);
    expect(coalitionShape.fromItem({ id: 'coal_1', name: 'Freedom Online' })).toStrictEqual({ id: 'coal_1', name: 'Freedom Online' });
  });
});

describe('userShape', () => {
  it('round-trips roles and status', () => {
    expect(userShape.fromItem(userShape.toItem(user))).toStrictEqual(user);
  });

  it('reads a user stored before roles and status as active with no roles', () => {
    const legacy = { id: 'usr_1', name: 'Ada', organisationId: 'org_1', coalitionId: 'coal_1' };
    expect(userShape.fromItem(legacy)).toStrictEqual({ ...legacy, roles: [], status: 'active' });
  });

  it('refuses an unknown role or status rather than granting or hiding something', () => {
    expect(() => userShape.fromItem({ ...userShape.toItem(user), roles: ['chair'] })).toThrow(TypeError);
    expect(() => userShape.fromItem({ ...userShape.toItem(user), status: 'suspended' })).toThrow(TypeError);
  });
});

describe('statementShape', () => {
  it('round-trips visibility and pen holders', () => {
    expect(statementShape.fromItem(statementShape.toItem(statement))).toStrictEqual(statement);
  });

  it('reads a statement stored before sharing as open to the coalition, with no pen holders', () => {
    const { visibility: _v, penHolderIds: _p, advisoryParticipation: _a, amendmentDecisions: _d, ...legacy } = statement;
    const read = statementShape.fromItem(legacy);
    expect(read).toStrictEqual({ ...legacy, visibility: openVisibility, penHolderIds: [], advisoryParticipation: true, amendmentDecisions: 'editors' });
    read.visibility.advisory = false;
    expect(openVisibility.advisory).toBe(true);
  });

  it('refuses an unknown scope', () => {
    expect(() => statementShape.fromItem({ ...statementShape.toItem(statement), visibility: { scope: 'everyone', taskForceId: null, advisory: true, observers: true } })).toThrow(TypeError);
  });
});

describe('taskForceShape', () => {
  it('round-trips its organisations, and an empty list', () => {
    const taskForce: TaskForce = { id: 'tf_1', coalitionId: 'coal_1', name: 'Drafting', organisationIds: ['org_1'] };
    expect(taskForceShape.fromItem(taskForceShape.toItem(taskForce))).toStrictEqual(taskForce);
    expect(taskForceShape.fromItem(taskForceShape.toItem({ ...taskForce, organisationIds: [] })).organisationIds).toEqual([]);
  });
});

describe('principalFrom', () => {
  const principal = {
    userId: 'usr_1',
    userName: 'Ada',
    organisationId: 'org_1',
    organisationName: 'Org',
    coalitionId: 'coal_1',
    tier: 'member' as const,
    isChair: true,
    roles: ['organisation-lead' as const],
  };

  it('round-trips roles', () => {
    expect(principalFrom(principalItem(principal))).toStrictEqual(principal);
  });

  it('reads a principal stored before roles (a ticket or connection) with none', () => {
    const { roles: _r, ...legacy } = principal;
    expect(principalFrom(legacy)).toStrictEqual({ ...legacy, roles: [] });
  });
});
