import { describe, expect, it } from 'vitest';
import { actions, authorize, statementAccess } from './policy.ts';
import {
  actors,
  expectation,
  roles,
  statements,
  targetOrganisation,
  taskForce,
  type StatementScenario,
} from './testing/authorization-matrix.ts';

const scenarios = Object.keys(statements) as StatementScenario[];
const taskForceFor = (scenario: StatementScenario) => (statements[scenario].visibility.scope === 'task-force' ? taskForce : null);

describe('authorize (the authorization matrix)', () => {
  for (const role of roles) {
    describe(role, () => {
      for (const action of actions.statement) {
        for (const scenario of scenarios) {
          const allowed = expectation(role, `${action}@${scenario}`);
          it(`${allowed ? 'may' : 'may not'} ${action} a ${scenario} draft`, () => {
            const decision = authorize({ actor: actors[role], action, statement: statements[scenario], taskForce: taskForceFor(scenario) });
            expect(decision.allow).toBe(allowed);
          });
        }
      }
      for (const action of actions.coalition) {
        const allowed = expectation(role, action);
        it(`${allowed ? 'may' : 'may not'} ${action}`, () => {
          expect(authorize({ actor: actors[role], action, coalitionId: 'coal_MATRIX' }).allow).toBe(allowed);
        });
      }
      for (const action of actions.organisation) {
        for (const target of ['own', 'other'] as const) {
          const allowed = expectation(role, `${action}@${target}`);
          it(`${allowed ? 'may' : 'may not'} ${action} of ${target === 'own' ? 'its own' : 'another'} organisation`, () => {
            expect(authorize({ actor: actors[role], action, organisation: targetOrganisation(role, target) }).allow).toBe(allowed);
          });
        }
      }
    });
  }
});

describe('authorize', () => {
  it('says why it denies, with a dotted code', () => {
    const decision = authorize({ actor: actors.member, action: 'statement.edit', statement: statements.open, taskForce: null });
    expect(decision).toEqual({ allow: false, code: 'forbidden.not-pen-holder', reason: 'Only the pen-holders edit this text.' });
    expect(authorize({ actor: null, action: 'audit.read', coalitionId: 'coal_MATRIX' })).toMatchObject({ code: 'auth.signed-out' });
  });

  it('answers an outsider about a draft exactly as about one that does not exist', () => {
    const outsider = authorize({ actor: actors['other-coalition'], action: 'statement.list', statement: statements.open, taskForce: null });
    const observer = authorize({ actor: actors.observer, action: 'statement.list', statement: statements.membersOnly, taskForce: null });
    expect(outsider).toEqual(observer);
  });
});

describe('statementAccess', () => {
  it('shares a task-force draft with nobody when its task force is missing or another one', () => {
    const draft = statements.taskForce;
    expect(statementAccess({ actor: actors.member, statement: draft, taskForce: taskForce })).toBe('write');
    expect(statementAccess({ actor: actors.member, statement: draft, taskForce: null })).toBe('none');
    expect(statementAccess({ actor: actors.member, statement: draft, taskForce: { ...taskForce, id: 'tf_OTHER' } })).toBe('none');
  });

  it('keeps advisory and observer organisations out of a members-only draft whatever its switches say', () => {
    expect(statements.membersOnly.visibility).toMatchObject({ advisory: true, observers: true });
    expect(statementAccess({ actor: actors.advisory, statement: statements.membersOnly, taskForce: null })).toBe('none');
    expect(statementAccess({ actor: actors.observer, statement: statements.membersOnly, taskForce: null })).toBe('none');
  });
});

describe('statement.translate', () => {
  it('follows editing: advisory organisations read translations but do not translate', () => {
    const advisory = authorize({ actor: actors.advisory, action: 'statement.translate', statement: statements.taskForce, taskForce });
    expect(advisory).toMatchObject({ allow: false, code: 'forbidden.cannot-translate' });
    expect(authorize({ actor: actors.advisory, action: 'statement.read', statement: statements.taskForce, taskForce }).allow).toBe(true);
    expect(authorize({ actor: actors['pen-holder'], action: 'statement.translate', statement: statements.open, taskForce: null }).allow).toBe(true);
    expect(authorize({ actor: actors.member, action: 'statement.translate', statement: statements.open, taskForce: null }).allow).toBe(false);
  });

  it('hides a draft not shared with the actor, as editing does', () => {
    expect(authorize({ actor: actors.observer, action: 'statement.translate', statement: statements.membersOnly, taskForce: null })).toMatchObject({ code: 'forbidden.not-shared' });
  });
});
