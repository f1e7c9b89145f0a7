/**
 * The authorization matrix: who may do what, written out by hand as the specification the policy
 * must meet (DESIGN.md §1, issue "People, organisations and access"). The unit test checks the
 * pure policy against it; the integration test checks the real HTTP routes and websocket
 * handlers against the same table. Cells are generated from the policy's own action lists, so a
 * new action without a row here fails both.
 */
import type { Organisation, Principal, TaskForce } from '../coalition.ts';
import type { CoalitionAction, OrganisationAction, StatementAction } from '../policy.ts';
import type { Statement } from '../statement.ts';

export const roles = [
  'public',
  'other-coalition',
  'observer',
  'advisory',
  'member',
  'pen-holder',
  'organisation-lead',
  'chair',
  'secretariat',
] as const;
export type RoleName = (typeof roles)[number];

const coalitionId = 'coal_MATRIX';
const org = (id: string, tier: Organisation['tier'], extra: Partial<Organisation> = {}): Organisation => ({
  id,
  coalitionId,
  name: id.replace('org_', ''),
  tier,
  stakeholderGroup: tier === 'member' ? 'government' : 'civil-society',
  isChair: false,
  ...extra,
});

/** The matrix coalition: every tier, a chair, a pen-holder, a task force, a support unit. */
export const organisations = {
  chair: org('org_Chair', 'member', { isChair: true }),
  member: org('org_Member', 'member'),
  pen: org('org_Pen', 'member'),
  lead: org('org_Lead', 'member'),
  advisory: org('org_Advisory', 'advisory'),
  observer: org('org_Observer', 'observer'),
  supportUnit: org('org_SupportUnit', 'observer', { stakeholderGroup: 'intergovernmental' }),
  elsewhere: { ...org('org_Elsewhere', 'member'), coalitionId: 'coal_OTHER' },
} satisfies Record<string, Organisation>;

export const taskForce: TaskForce = {
  id: 'tf_MATRIX',
  coalitionId,
  name: 'Task force on the matrix',
  organisationIds: [organisations.member.id, organisations.advisory.id],
};

const principal = (name: string, organisation: Organisation, roles: Principal['roles'] = []): Principal => ({
  userId: `usr_${name}`,
  userName: name,
  organisationId: organisation.id,
  organisationName: organisation.name,
  coalitionId: organisation.coalitionId,
  tier: organisation.tier,
  isChair: organisation.isChair,
  roles,
});

/** One person per role; `public` is nobody. */
export const actors: Record<RoleName, Principal | null> = {
  public: null,
  'other-coalition': principal('elsewhere', organisations.elsewhere),
  observer: principal('observer', organisations.observer),
  advisory: principal('advisory', organisations.advisory),
  member: principal('member', organisations.member),
  'pen-holder': principal('pen', organisations.pen),
  'organisation-lead': principal('lead', organisations.lead, ['organisation-lead']),
  chair: principal('chair', organisations.chair),
  secretariat: principal('secretariat', organisations.supportUnit, ['secretariat']),
};

type SharingFields = Pick<Statement, 'visibility' | 'penHolderIds' | 'advisoryParticipation' | 'amendmentDecisions'>;
const statement = (id: string, fields: SharingFields): Statement => ({
  id,
  coalitionId,
  title: `Draft ${id}`,
  language: 'en',
  createdAt: 0,
  updatedAt: 0,
  ...fields,
});

/** Statements shared in each way the policy distinguishes. */
export const statements = {
  /** Everyone sees it; one pen-holder; advisory organisations take part. */
  open: statement('stmt_OPEN', {
    visibility: { scope: 'coalition', taskForceId: null, advisory: true, observers: true },
    penHolderIds: [organisations.pen.id],
    advisoryParticipation: true,
    amendmentDecisions: 'editors',
  }),
  /** Members only; the chair alone decides amendments. */
  membersOnly: statement('stmt_MEMBERS', {
    visibility: { scope: 'members', taskForceId: null, advisory: true, observers: true },
    penHolderIds: [],
    advisoryParticipation: true,
    amendmentDecisions: 'chair',
  }),
  /** The task force's organisations; editors decide. */
  taskForce: statement('stmt_TASKFORCE', {
    visibility: { scope: 'task-force', taskForceId: taskForce.id, advisory: true, observers: true },
    penHolderIds: [],
    advisoryParticipation: true,
    amendmentDecisions: 'editors',
  }),
  /** Advisory organisations read but do not take part; observers do not see it. */
  noObservers: statement('stmt_NOOBS', {
    visibility: { scope: 'coalition', taskForceId: null, advisory: true, observers: false },
    penHolderIds: [],
    advisoryParticipation: false,
    amendmentDecisions: 'editors',
  }),
} satisfies Record<string, Statement>;
export type StatementScenario = keyof typeof statements;

/**
 * The organisation an `organisation.*` action targets, relative to the actor: its own, another
 * member organisation, or the one holding the chair (the chair's own, for the chair).
 */
export type OrganisationTarget = 'own' | 'other' | 'chair';
export const organisationTargets = ['own', 'other', 'chair'] as const satisfies readonly OrganisationTarget[];

export type Cell =
  | `${StatementAction}@${StatementScenario}`
  | CoalitionAction
  | `${OrganisationAction}@${OrganisationTarget}`;

// Statement cells, per scenario, in this order (1 = allowed):
const statementColumns = [
  'statement.list',
  'statement.read',
  'statement.edit',
  'statement.configure',
  'statement.comment',
  'statement.propose-amendment',
  'statement.decide-amendment',
  'statement.bracket',
  'statement.rule-bracket',
  'statement.name-version',
  'statement.restore-version',
  'call.open',
  'call.manage',
  'call.take-position',
  'statement.translate',
] as const;
//                   list read edit conf | comm prop deci brak rule name rest | open mng pos | translate (as edit)
const none =        '0000' + '0000000' + '000' + '0';
const reads =       '1100' + '0000000' + '000' + '0';
const takesPart =   '1100' + '1100000' + '000' + '0'; // advisory taking part: comments and proposals
const follows =     '1100' + '1101000' + '001' + '0'; // a member reading a pen-holder's draft: brackets, positions
const writes =      '1110' + '1101011' + '001' + '1'; // editing, deciding not
const decidesToo =  '1110' + '1111011' + '001' + '1';
const oversees =    '1101' + '1000010' + '110' + '0'; // the secretariat: comments, names versions, runs calls
const chairRead =   '1101' + '1111110' + '111' + '0'; // the chair under a pen-holder: decides, rules, cannot edit
const runs =        '1111' + '1111111' + '111' + '1';

const statementRows: Record<RoleName, Record<StatementScenario, string>> = {
  public: { open: none, membersOnly: none, taskForce: none, noObservers: none },
  'other-coalition': { open: none, membersOnly: none, taskForce: none, noObservers: none },
  observer: { open: reads, membersOnly: none, taskForce: none, noObservers: none },
  advisory: { open: takesPart, membersOnly: none, taskForce: takesPart, noObservers: reads },
  member: { open: follows, membersOnly: writes, taskForce: decidesToo, noObservers: decidesToo },
  'pen-holder': { open: decidesToo, membersOnly: writes, taskForce: none, noObservers: decidesToo },
  'organisation-lead': { open: follows, membersOnly: writes, taskForce: none, noObservers: decidesToo },
  chair: { open: chairRead, membersOnly: runs, taskForce: runs, noObservers: runs },
  secretariat: { open: oversees, membersOnly: oversees, taskForce: oversees, noObservers: oversees },
};

// Coalition cells: read-directory, statement.create, coalition.manage, role.grant-secretariat, audit.read, set-notice.
const coalitionRows: Record<RoleName, readonly [0 | 1, 0 | 1, 0 | 1, 0 | 1, 0 | 1, 0 | 1]> = {
  public: [0, 0, 0, 0, 0, 0],
  'other-coalition': [0, 0, 0, 0, 0, 0],
  observer: [1, 0, 0, 0, 0, 0],
  advisory: [1, 0, 0, 0, 0, 0],
  member: [1, 1, 0, 0, 0, 0],
  'pen-holder': [1, 1, 0, 0, 0, 0],
  'organisation-lead': [1, 1, 0, 0, 0, 0],
  chair: [1, 1, 1, 1, 1, 1],
  secretariat: [1, 1, 1, 0, 1, 1],
};

// Urgent procedure (issue 13): opening a call below the notice is the chair's own decision, on any
// statement the chair sees; the secretariat runs ordinary calls only.
const urgentRows: Record<RoleName, 0 | 1> = {
  public: 0,
  'other-coalition': 0,
  observer: 0,
  advisory: 0,
  member: 0,
  'pen-holder': 0,
  'organisation-lead': 0,
  chair: 1,
  secretariat: 0,
};

// Organisation cells, per action: [own organisation, another member organisation, the chair's].
// Separation of duties (issue 12 §4): nobody changes their own organisation's tier or hands the
// chair to it; only the chair hands the chair on; the secretariat does not manage the chair's
// delegation. The secretariat's escalation, step by step, is the secretariat's row: change its
// own organisation's tier (0), hand the chair to it (0), then grant itself the secretariat
// (`role.grant-secretariat` above: 0).
type Triple = readonly [own: 0 | 1, other: 0 | 1, chair: 0 | 1];
const nothing: Triple = [0, 0, 0];
const organisationRows: Record<RoleName, Record<OrganisationAction, Triple>> = {
  public: { 'organisation.manage-delegates': nothing, 'organisation.change-tier': nothing, 'organisation.hand-chair': nothing },
  'other-coalition': { 'organisation.manage-delegates': nothing, 'organisation.change-tier': nothing, 'organisation.hand-chair': nothing },
  observer: { 'organisation.manage-delegates': nothing, 'organisation.change-tier': nothing, 'organisation.hand-chair': nothing },
  advisory: { 'organisation.manage-delegates': nothing, 'organisation.change-tier': nothing, 'organisation.hand-chair': nothing },
  member: { 'organisation.manage-delegates': nothing, 'organisation.change-tier': nothing, 'organisation.hand-chair': nothing },
  'pen-holder': { 'organisation.manage-delegates': nothing, 'organisation.change-tier': nothing, 'organisation.hand-chair': nothing },
  'organisation-lead': { 'organisation.manage-delegates': [1, 0, 0], 'organisation.change-tier': nothing, 'organisation.hand-chair': nothing },
  chair: { 'organisation.manage-delegates': [1, 1, 1], 'organisation.change-tier': [0, 1, 0], 'organisation.hand-chair': [0, 1, 0] },
  secretariat: { 'organisation.manage-delegates': [1, 1, 0], 'organisation.change-tier': [0, 1, 1], 'organisation.hand-chair': nothing },
};

// Publication cells (issue 6), per scenario: publish, withdraw, manage sign-on — the chair and the
// secretariat, on any statement they see (the same rule as running calls).
const publicationColumns = ['statement.publish', 'publication.withdraw', 'signon.manage'] as const;
const publicationRows: Record<RoleName, '000' | '111'> = {
  public: '000',
  'other-coalition': '000',
  observer: '000',
  advisory: '000',
  member: '000',
  'pen-holder': '000',
  'organisation-lead': '000',
  chair: '111',
  secretariat: '111',
};

const coalitionColumns = ['coalition.read-directory', 'statement.create', 'coalition.manage', 'role.grant-secretariat', 'audit.read', 'coalition.set-notice'] as const;

/** The expected decision of every cell for every role. */
export function expectation(role: RoleName, cell: Cell): boolean {
  const [action, qualifier] = cell.split('@') as [string, string | undefined];
  const statementIndex = statementColumns.indexOf(action as (typeof statementColumns)[number]);
  if (statementIndex >= 0) return statementRows[role][qualifier as StatementScenario][statementIndex] === '1';
  const publicationIndex = publicationColumns.indexOf(action as (typeof publicationColumns)[number]);
  if (publicationIndex >= 0) return publicationRows[role][publicationIndex] === '1';
  if (action === 'call.open-urgent') return urgentRows[role] === 1;
  const coalitionIndex = coalitionColumns.indexOf(action as (typeof coalitionColumns)[number]);
  if (coalitionIndex >= 0) return coalitionRows[role][coalitionIndex] === 1;
  const organisationRow = organisationRows[role][action as OrganisationAction] as Triple | undefined;
  if (organisationRow) return organisationRow[organisationTargets.indexOf(qualifier as OrganisationTarget)] === 1;
  throw new Error(`the matrix has no row for ${cell}: add it before adding the action`);
}

/** The organisation an organisation cell targets for `role` (the public and outsiders get the member org). */
export function targetOrganisation(role: RoleName, target: OrganisationTarget): Organisation {
  if (target === 'chair') return organisations.chair;
  const actor = actors[role];
  const own = Object.values(organisations).find((o) => o.id === actor?.organisationId);
  if (target === 'own' && own && own.coalitionId === coalitionId) return own;
  return actor?.organisationId === organisations.member.id ? organisations.pen : organisations.member;
}
