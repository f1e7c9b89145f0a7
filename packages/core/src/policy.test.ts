import { describe, expect, it } from 'vitest';
import { actions, authorize, statementAccess } from './policy.ts';
import {
  actors,
  expectation,
  organisations,
  organisationTargets,
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
        for (const target of organisationTargets) {
          const allowed = expectation(role, `${action}@${target}`);
          it(`${allowed ? 'may' : 'may not'} ${action} of ${target === 'own' ? 'its own' : target === 'chair' ? "the chair's" : 'another'} organisation`, () => {
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

describe('separation of duties (issue 12 §4)', () => {
  const secretariat = actors.secretariat!;
  const ownOrganisation = organisations.supportUnit;

  it('refuses each step of the secretariat making itself chair, even after a step went through behind its back', () => {
    expect(authorize({ actor: secretariat, action: 'organisation.change-tier', organisation: ownOrganisation })).toMatchObject({ allow: false, code: 'forbidden.own-organisation' });
    // Suppose its organisation had become a member anyway: it still may not hand itself the chair…
    const asMember = { ...secretariat, tier: 'member' as const };
    expect(authorize({ actor: asMember, action: 'organisation.hand-chair', organisation: ownOrganisation })).toMatchObject({ allow: false, code: 'forbidden.chair-only' });
    // …nor, still not the chair, grant the secretariat role.
    expect(authorize({ actor: asMember, action: 'role.grant-secretariat', coalitionId: secretariat.coalitionId })).toMatchObject({ allow: false, code: 'forbidden.chair-only' });
  });

  it('lets nobody, the chair included, change their own organisation or hand it the chair', () => {
    const chair = actors.chair!;
    expect(authorize({ actor: chair, action: 'organisation.change-tier', organisation: organisations.chair })).toMatchObject({ code: 'forbidden.own-organisation' });
    expect(authorize({ actor: chair, action: 'organisation.hand-chair', organisation: organisations.chair })).toMatchObject({ code: 'forbidden.own-organisation' });
    // A secretariat that is also a chair's delegate is the chair, and still not for its own organisation.
    const both = { ...chair, roles: ['secretariat' as const] };
    expect(authorize({ actor: both, action: 'organisation.change-tier', organisation: organisations.chair }).allow).toBe(false);
    expect(authorize({ actor: both, action: 'organisation.hand-chair', organisation: organisations.member }).allow).toBe(true);
  });

  it("keeps the chair's delegation out of the secretariat's hands", () => {
    expect(authorize({ actor: secretariat, action: 'organisation.manage-delegates', organisation: organisations.chair })).toMatchObject({ allow: false, code: 'forbidden.not-lead' });
    expect(authorize({ actor: secretariat, action: 'organisation.manage-delegates', organisation: organisations.member }).allow).toBe(true);
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
