import { describe, expect, it } from 'vitest';
import type { Organisation, TaskForce } from './coalition.ts';
import { mentionableOrganisations } from './negotiation-rules.ts';
import type { Statement } from './statement.ts';
import { openDraft } from './testing/statement.ts';

const org = (id: string, name: string, tier: Organisation['tier'], isChair = false): Organisation => ({ id, coalitionId: 'coal_M', name, tier, stakeholderGroup: 'government', isChair });
const organisations = [
  org('org_GH', 'Ghana', 'member'),
  org('org_CA', 'Canada', 'member'),
  org('org_NL', 'Netherlands', 'member', true),
  org('org_AC', 'Access Now', 'advisory'),
  org('org_EE', 'Ecuador (observer)', 'observer'),
  org('org_AL', 'Åland Institute', 'advisory'),
];
const statement = (visibility: Statement['visibility']): Statement => openDraft({ id: 'stmt_M', coalitionId: 'coal_M', title: 'T', visibility });
const names = (list: Organisation[]) => list.map((o) => o.name);

describe('mentionableOrganisations', () => {
  it('lists every organisation a draft shared with the whole coalition reaches, sorted by name', () => {
    const shared = mentionableOrganisations({ organisations, statement: statement({ scope: 'coalition', taskForceId: null, advisory: true, observers: true }), taskForce: null, locale: 'en' });
    expect(names(shared)).toEqual(['Access Now', 'Åland Institute', 'Canada', 'Ecuador (observer)', 'Ghana', 'Netherlands']);
  });

  it('leaves out those a members-only draft is not shared with', () => {
    const shared = mentionableOrganisations({ organisations, statement: statement({ scope: 'members', taskForceId: null, advisory: true, observers: true }), taskForce: null });
    expect(names(shared).sort()).toEqual(['Canada', 'Ghana', 'Netherlands']);
  });

  it('keeps a task force draft to the task force, and the chair who sees every draft', () => {
    const taskForce: TaskForce = { id: 'tf_1', coalitionId: 'coal_M', name: 'TF', organisationIds: ['org_GH', 'org_AC'] };
    const shared = mentionableOrganisations({ organisations, statement: statement({ scope: 'task-force', taskForceId: 'tf_1', advisory: true, observers: false }), taskForce, locale: 'en' });
    expect(names(shared)).toEqual(['Access Now', 'Ghana', 'Netherlands']);
  });
});
