/**
 * The negotiation state a person may see (`NegotiationView`): every thread, amendment and bracket
 * of the statement resolved in the stored text (its words now, or orphaned), with the steps this
 * person may take on each (the core rules over the policy's answers), clean and bracketed share.
 */
import { amendmentActions, bracketActions, mentionableOrganisations, threadActions, type Anchor, type NegotiationPermissions, type Principal } from '@concord/core';
import { resolveAnchor } from '@concord/text/anchors';
import type * as Y from 'yjs';
import { allows, negotiating } from './access.ts';
import { bracketSummaryOf } from './clean.ts';
import type { NegotiationPorts } from './ports.ts';
import { storedText } from './placement.ts';
import type { NegotiationView, Placement } from './view.ts';

function placement(doc: Y.Doc, anchor: Anchor): Placement {
  try {
    const resolved = resolveAnchor({ doc, anchor });
    if (resolved.state === 'gone') return { orphaned: true, current: null };
    if (resolved.state === 'unknown') return { orphaned: false, current: null };
    return { orphaned: false, current: resolved.text };
  } catch {
    return { orphaned: true, current: null };
  }
}

/** Orphaned also when the range collapsed: its words were deleted though the paragraph stayed. */
function placed(doc: Y.Doc, anchor: Anchor, hadWords: boolean): Placement {
  const where = placement(doc, anchor);
  return hadWords && where.current === '' ? { orphaned: true, current: null } : where;
}

/** What `principal` sees of the statement's negotiation; not-found when the statement is not shared with them. */
export async function negotiationState(input: { ports: NegotiationPorts; principal: Principal; statementId: string }): Promise<NegotiationView> {
  const { ports, principal } = input;
  const who = await negotiating({ ports, principal, statementId: input.statementId, action: 'statement.read' });
  const docId = who.statement.id;
  const [notes, doc, organisations, users] = await Promise.all([
    ports.notes.list({ docId }),
    storedText({ ports, docId }),
    ports.directory.organisations.listByCoalition(who.statement.coalitionId),
    ports.directory.users.listByCoalition(who.statement.coalitionId),
  ]);
  const resource = { principal, statement: who.statement, taskForce: who.taskForce };
  const decisions = {
    comment: allows({ ...resource, action: 'statement.comment' }),
    propose: allows({ ...resource, action: 'statement.propose-amendment' }),
    decide: allows({ ...resource, action: 'statement.decide-amendment' }),
    bracket: allows({ ...resource, action: 'statement.bracket' }),
    rule: allows({ ...resource, action: 'statement.rule-bracket' }),
  };
  const can: NegotiationPermissions = {
    comment: decisions.comment.allow,
    propose: decisions.propose.allow,
    decide: decisions.decide.allow,
    bracket: decisions.bracket.allow,
    rule: decisions.rule.allow,
  };
  const refusals: NegotiationView['refusals'] = {};
  for (const [key, decision] of Object.entries(decisions) as [keyof NegotiationPermissions, { allow: boolean; code?: string }][]) {
    if (!decision.allow && decision.code) refusals[key] = decision.code;
  }
  const actor = who.actor;
  const summary = bracketSummaryOf({ doc, brackets: notes.brackets });
  return {
    statementId: docId,
    clean: summary.openBrackets === 0,
    openBrackets: summary.openBrackets,
    bracketedShare: summary.bracketedShare,
    can,
    refusals,
    me: actor,
    organisations: organisations.map((o) => ({ id: o.id, name: o.name, tier: o.tier })),
    mentionable: mentionableOrganisations({ organisations, statement: who.statement, taskForce: who.taskForce }).map((o) => o.id),
    people: Object.fromEntries(users.map((u) => [u.id, u.name])),
    threads: notes.threads.map((thread) => ({ ...thread, ...placed(doc, thread.anchor, thread.quote !== ''), actions: threadActions({ thread, can }) })),
    amendments: notes.amendments.map(({ lock: _lock, ...amendment }) => ({
      ...amendment,
      ...(amendment.status === 'accepted' && amendment.applied
        ? placed(doc, amendment.applied, amendment.replacement !== '')
        : placed(doc, amendment.anchor, amendment.original !== '')),
      actions: amendmentActions({ amendment, actor, can }),
    })),
    brackets: notes.brackets.map(({ lock: _lock, rev: _rev, ...bracket }) => ({
      ...bracket,
      ...(bracket.applied ? placed(doc, bracket.applied, true) : placed(doc, bracket.anchor, bracket.quote !== '')),
      actions: bracketActions({ bracket, actor, can }),
    })),
  };
}
