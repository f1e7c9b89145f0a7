import { describe, expect, it } from 'vitest';
import { negotiationPolicy, statementAccess } from './policy.ts';
import { draftAudience, membersOnlyVisibility, type Scope, type Statement } from './statement.ts';
import { actors, statements } from './testing/authorization-matrix.ts';

describe('membersOnlyVisibility', () => {
  it('shares a new draft with member organisations only', () => {
    expect(draftAudience({ visibility: membersOnlyVisibility, advisoryParticipation: false })).toEqual({ members: 'all', advisory: 'none', observers: false });
  });
});

describe('draftAudience', () => {
  it('says exactly what the policy grants advisory and observer organisations, for every setting', () => {
    for (const scope of ['coalition', 'members'] as Scope[]) {
      for (const advisory of [true, false]) {
        for (const observers of [true, false]) {
          for (const advisoryParticipation of [true, false]) {
            const statement: Statement = { ...statements.open, penHolderIds: [], visibility: { scope, taskForceId: null, advisory, observers }, advisoryParticipation };
            const audience = draftAudience(statement);
            const seen = (role: 'advisory' | 'observer') => statementAccess({ actor: actors[role], statement, taskForce: null }) !== 'none';
            const comments = negotiationPolicy['statement.comment']({ actor: actors.advisory!, statement, taskForce: null }).allow;
            expect(audience.advisory === 'none' ? !seen('advisory') : audience.advisory === 'comment' ? seen('advisory') && comments : seen('advisory') && !comments).toBe(true);
            expect(audience.observers).toBe(seen('observer'));
          }
        }
      }
    }
  });

  it('names a task force as the members who see it', () => {
    expect(draftAudience(statements.taskForce).members).toBe('task-force');
  });
});
