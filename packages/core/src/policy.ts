/**
 * The one authorization policy: actor × action × resource → allow, or deny with a reason. Every
 * route, form action and websocket handler asks here; nothing else decides who may do what.
 *
 * `policy` is a table with one rule per action, so adding an action without a rule does not
 * compile, and the authorization matrix test walks every action in it.
 */
import { hasRole, type Organisation, type Principal, type TaskForce } from './coalition.ts';
import { generalCode, refusals, type RefusalCode } from './refusals.ts';
import type { Statement } from './statement.ts';

export type Decision = { allow: true } | { allow: false; code: string; reason: string };

const allow: Decision = { allow: true };
/** A refusal, by its own code (refusals.ts): it answers with the general code and the English reason. */
const deny = (refusal: RefusalCode): Decision => ({ allow: false, code: generalCode(refusal), reason: refusals[refusal] });

/** What a person may do with a statement's text. */
export type StatementAccess = 'none' | 'read' | 'write';

/** A statement and, when it is shared with a task force, that task force. */
export interface StatementResource {
  statement: Statement;
  taskForce: TaskForce | null;
}

/**
 * Access to one statement. Outside its coalition, or outside its sharing: none — not its title,
 * not its existence. The chair and the secretariat see every draft of their coalition. Writing
 * is for member organisations within the sharing, and only pen-holders when there are any.
 */
export function statementAccess(input: { actor: Principal | null } & StatementResource): StatementAccess {
  const { actor, statement } = input;
  if (!actor || actor.coalitionId !== statement.coalitionId) return 'none';
  const shared = isSharedWith({ ...input, actor });
  const oversight = actor.isChair || hasRole(actor, 'secretariat');
  if (!shared && !oversight) return 'none';
  const holdsPen = statement.penHolderIds.length === 0 || statement.penHolderIds.includes(actor.organisationId);
  const member = actor.tier === 'member' && (shared || actor.isChair);
  return member && holdsPen ? 'write' : 'read';
}

function isSharedWith(input: { actor: Principal } & StatementResource): boolean {
  const { actor, statement, taskForce } = input;
  const { visibility } = statement;
  if (visibility.scope === 'task-force') {
    // Fail closed: a task-force draft without its task force is shared with nobody.
    if (!taskForce || taskForce.id !== visibility.taskForceId) return false;
    if (!taskForce.organisationIds.includes(actor.organisationId)) return false;
  }
  if (actor.tier === 'member') return true;
  if (visibility.scope === 'members') return false;
  return actor.tier === 'advisory' ? visibility.advisory : visibility.observers;
}

type StatementRule = (input: { actor: Principal } & StatementResource) => Decision;
type CoalitionRule = (input: { actor: Principal; coalitionId: string }) => Decision;
/** Organisation rules need only which organisation, in which coalition, and whether it holds the chair. */
export type OrganisationRef = Pick<Organisation, 'id' | 'coalitionId' | 'isChair'>;
type OrganisationRule = (input: { actor: Principal; organisation: OrganisationRef }) => Decision;

const notShared = deny('forbidden.not-shared');

const canSee: StatementRule = (input) => (statementAccess(input) === 'none' ? notShared : allow);

const manages = (actor: Principal) => actor.isChair || hasRole(actor, 'secretariat');

const ownOrganisation = deny('forbidden.own-organisation');

/** Rules on a statement (the actor is signed in; the coalition check is inside statementAccess). */
export const statementPolicy = {
  /** Know it exists: see it in lists, open its page. */
  'statement.list': canSee,
  /** Read its text, live. */
  'statement.read': canSee,
  /** Change its text (a writable websocket connection). */
  'statement.edit': (input) => {
    const access = statementAccess(input);
    if (access === 'none') return notShared;
    if (access === 'read' && input.actor.tier === 'member' && input.statement.penHolderIds.length > 0) {
      return deny('forbidden.not-pen-holder');
    }
    return access === 'write' ? allow : deny('forbidden.read-only.edit');
  },
  /** Change who it is shared with and who holds the pen. */
  'statement.configure': (input) => {
    if (statementAccess(input) === 'none') return notShared;
    return manages(input.actor) ? allow : deny('forbidden.not-manager.sharing');
  },
} satisfies Record<string, StatementRule>;

/** Whether the actor's organisation may take part in negotiating (comment, propose) a draft it can see. */
function participates(input: { actor: Principal } & StatementResource): boolean {
  const { actor, statement } = input;
  return actor.tier === 'member' || (actor.tier === 'advisory' && statement.advisoryParticipation);
}

/** Accepting amendments: the pen-holders, else editors or the chair alone, as set. */
function decides(input: { actor: Principal } & StatementResource): boolean {
  const { actor, statement } = input;
  if (actor.isChair) return true;
  if (statement.penHolderIds.length > 0) return actor.tier === 'member' && statement.penHolderIds.includes(actor.organisationId);
  return statement.amendmentDecisions === 'editors' && statementAccess(input) === 'write';
}

/** The negotiation rules: each needs the draft shared with the actor first (else 404-like). */
function negotiating(rule: (input: { actor: Principal } & StatementResource) => boolean, refusal: Decision): StatementRule {
  return (input) => (statementAccess(input) === 'none' ? notShared : rule(input) ? allow : refusal);
}

/** Rules for negotiating a statement's text (issue "Negotiating a text"). */
export const negotiationPolicy = {
  /** Start or reply to a comment thread; resolve or reopen one. Observers only read. */
  'statement.comment': negotiating(
    (input) => participates(input) || manages(input.actor),
    deny('forbidden.cannot-comment'),
  ),
  /** Propose an amendment, support or oppose one. */
  'statement.propose-amendment': negotiating(participates, deny('forbidden.cannot-propose')),
  /** Accept or reject an amendment (brackets are lifted by their holders' consent, or a ruling). */
  'statement.decide-amendment': negotiating(decides, deny('forbidden.cannot-decide')),
  /** Open, join, leave or agree to lift a bracket on behalf of the organisation: members negotiate. */
  'statement.bracket': negotiating(({ actor }) => actor.tier === 'member', deny('forbidden.not-member.brackets')),
  /** Lift a bracket by ruling, whatever its holders say, with a recorded reason: the chair alone. */
  'statement.rule-bracket': negotiating(({ actor }) => actor.isChair, deny('forbidden.chair-only.rule-bracket')),
  /** Name a version ("Rev. 1"). */
  'statement.name-version': negotiating(
    (input) => statementAccess(input) === 'write' || manages(input.actor),
    deny('forbidden.cannot-name-version'),
  ),
  /** Bring an old version back as a new change: an edit like any other. */
  'statement.restore-version': negotiating(
    (input) => statementAccess(input) === 'write',
    deny('forbidden.read-only.restore'),
  ),
} satisfies Record<string, StatementRule>;

/** Rules for consensus calls on a statement (issue "Consensus calls"). */
export const callPolicy = {
  /** Open a call on a frozen version: the chair, or the secretariat on the chair's behalf. */
  'call.open': negotiating(({ actor }) => manages(actor), deny('forbidden.not-manager.open-call')),
  /** Open a call below the coalition's notice, as an urgent procedure with a reason: the chair's own decision. */
  'call.open-urgent': negotiating(({ actor }) => actor.isChair, deny('forbidden.chair-only.urgent-call')),
  /** Extend, withdraw, or close a call early. */
  'call.manage': negotiating(({ actor }) => manages(actor), deny('forbidden.not-manager.run-call')),
  /** Take (and change) the organisation's position: member organisations only. */
  'call.take-position': negotiating(({ actor }) => actor.tier === 'member', deny('forbidden.not-member.positions')),
} satisfies Record<string, StatementRule>;

/**
 * Rules for translations of a statement (issue 6). Who may edit the statement's text may edit
 * its translations (pen-holders only, when there are any); advisory organisations do not
 * translate, as they do not edit: a translation is published beside the adopted text under the
 * members' authority. Everyone who reads the statement reads its translations.
 */
export const translationPolicy = {
  /** Add a language, edit a translation live, mark a paragraph current after review. */
  'statement.translate': (input) => {
    const edit = statementPolicy['statement.edit'](input);
    return edit.allow || edit.code === 'forbidden.not-shared' ? edit : deny('forbidden.cannot-translate');
  },
} satisfies Record<string, StatementRule>;

/** Rules for publishing an adopted version and its sign-on (issue 6). Endorsing itself is public: see sign-on.ts. */
export const publicationPolicy = {
  /** Publish the adopted version as a declaration. */
  'statement.publish': negotiating(({ actor }) => manages(actor), deny('forbidden.not-manager.publish')),
  /** Withdraw a publication (the page stays, with a notice). */
  'publication.withdraw': negotiating(({ actor }) => manages(actor), deny('forbidden.not-manager.withdraw')),
  /** Open or close the sign-on window; verify, reject and import endorsements. */
  'signon.manage': negotiating(({ actor }) => manages(actor), deny('forbidden.not-manager.sign-on')),
} satisfies Record<string, StatementRule>;

/** Rules on the actor's coalition. */
export const coalitionPolicy = {
  /** See the coalition's organisations and people. */
  'coalition.read-directory': () => allow,
  /** Start a new draft. */
  'statement.create': ({ actor }) =>
    actor.tier === 'member' || hasRole(actor, 'secretariat') ? allow : deny('forbidden.not-member.drafts'),
  /** Add organisations, run task forces (tiers and the chair: `organisationPolicy`). */
  'coalition.manage': ({ actor }) =>
    manages(actor) ? allow : deny('forbidden.not-manager.coalition'),
  /** Set the minimum notice of consensus calls, per procedure. */
  'coalition.set-notice': ({ actor }) =>
    manages(actor) ? allow : deny('forbidden.not-manager.notice'),
  /** Give or take the secretariat role: the chair's delegates only (see `organisationPolicy`). */
  'role.grant-secretariat': ({ actor }) => (actor.isChair ? allow : deny('forbidden.chair-only.secretariat')),
  /** Read and verify the audit log. */
  'audit.read': ({ actor }) => (manages(actor) ? allow : deny('forbidden.not-manager.audit')),
} satisfies Record<string, CoalitionRule>;

/**
 * Rules on one organisation of the actor's coalition, with separation of duties (issue 12 §4):
 *
 * - **Who hands the chair and grants the secretariat is the chair's call**: the chair's
 *   delegates, that is every active delegate acting for the member organisation that holds the
 *   chair (`Principal.isChair`), whatever their other roles. The secretariat does neither, not
 *   even on the chair's behalf.
 * - **Nobody acts on their own organisation's standing**: no one changes the tier (or stakeholder
 *   group) of the organisation they act for, and no one hands the chair to it. Another manager
 *   does it, and the audit log names both.
 * - **The chair organisation's delegation is the chair's**: only its own lead and the chair's
 *   delegates invite or remove them, so the secretariat cannot seat someone it controls there.
 *
 * Together: the secretariat's own organisation never gains a vote, the chair or the secretariat
 * role through the secretariat's own acts.
 */
export const organisationPolicy = {
  /** Invite and remove the organisation's delegates, name its lead. */
  'organisation.manage-delegates': ({ actor, organisation }) => {
    const ownLead = hasRole(actor, 'organisation-lead') && actor.organisationId === organisation.id;
    if (ownLead || actor.isChair) return allow;
    if (hasRole(actor, 'secretariat') && !organisation.isChair) return allow;
    return deny('forbidden.not-lead');
  },
  /** Change the organisation's tier or stakeholder group: the chair and the secretariat, never their own organisation's. */
  'organisation.change-tier': ({ actor, organisation }) => {
    if (!manages(actor)) return deny('forbidden.not-manager.coalition');
    return actor.organisationId === organisation.id ? ownOrganisation : allow;
  },
  /** Hand the chair to the organisation: the chair's delegates, to another organisation. */
  'organisation.hand-chair': ({ actor, organisation }) => {
    if (!actor.isChair) return deny('forbidden.chair-only.hand');
    return actor.organisationId === organisation.id ? ownOrganisation : allow;
  },
} satisfies Record<string, OrganisationRule>;

export type StatementAction =
  | keyof typeof statementPolicy
  | keyof typeof negotiationPolicy
  | keyof typeof callPolicy
  | keyof typeof translationPolicy
  | keyof typeof publicationPolicy;
export type CoalitionAction = keyof typeof coalitionPolicy;
export type OrganisationAction = keyof typeof organisationPolicy;
export type Action = StatementAction | CoalitionAction | OrganisationAction;

const statementRules: Record<StatementAction, StatementRule> = { ...statementPolicy, ...negotiationPolicy, ...callPolicy, ...translationPolicy, ...publicationPolicy };

export const actions = {
  statement: [
    ...Object.keys(statementPolicy),
    ...Object.keys(negotiationPolicy),
    ...Object.keys(callPolicy),
    ...Object.keys(translationPolicy),
    ...Object.keys(publicationPolicy),
  ] as StatementAction[],
  coalition: Object.keys(coalitionPolicy) as CoalitionAction[],
  organisation: Object.keys(organisationPolicy) as OrganisationAction[],
};

export type AuthorizationRequest =
  | ({ action: StatementAction } & StatementResource)
  | { action: CoalitionAction; coalitionId: string }
  | { action: OrganisationAction; organisation: OrganisationRef };

/** Decides one request. Signed out, or in another coalition: denied before any rule runs. */
export function authorize(input: { actor: Principal | null } & AuthorizationRequest): Decision {
  const { actor } = input;
  if (!actor) return deny('auth.signed-out');
  if (coalitionOf(input) !== actor.coalitionId) {
    return 'statement' in input ? notShared : deny('forbidden.other-coalition');
  }
  if ('statement' in input) return statementRules[input.action]({ actor, statement: input.statement, taskForce: input.taskForce });
  if ('organisation' in input) return organisationPolicy[input.action]({ actor, organisation: input.organisation });
  return coalitionPolicy[input.action]({ actor, coalitionId: input.coalitionId });
}

function coalitionOf(input: AuthorizationRequest): string {
  if ('statement' in input) return input.statement.coalitionId;
  if ('organisation' in input) return input.organisation.coalitionId;
  return input.coalitionId;
}
