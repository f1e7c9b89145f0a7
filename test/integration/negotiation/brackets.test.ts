import { isTextClean, negotiate, negotiationState } from '@concord/negotiation';
import { describe, expect, it } from 'vitest';
import { around, codeOf, negotiationWorld, statementId } from './setup.ts';

describe('negotiation service: brackets and clean', () => {
  it('opens a bracket for the organisation, others join; it stays until every holder agrees, then the text is clean', async () => {
    const world = await negotiationWorld();
    const { ports, people } = world;
    expect(await isTextClean({ notes: ports.notes, statementId })).toBe(true);
    const anchor = around(await world.doc(), 'human rights online');
    const { id } = await negotiate({ ports, principal: people.member, statementId, body: { op: 'bracket.open', anchor, alternatives: ['human rights offline too'] } });
    await negotiate({ ports, principal: people.other, statementId, body: { op: 'bracket.join', bracketId: id } });
    expect(await codeOf(() => negotiate({ ports, principal: people.lead, statementId, body: { op: 'bracket.join', bracketId: id } }))).toBe('bracket.already-held');
    let state = await negotiationState({ ports, principal: people.other, statementId });
    expect(state).toMatchObject({ clean: false, openBrackets: 1 });
    expect(state.bracketedShare).toBeCloseTo('human rights online'.length / ('States shall protect human rights online.'.length + 1 + 'Second paragraph here.'.length));
    expect(state.brackets[0]?.holders.map((h) => h.organisationId)).toEqual(['org_Member', 'org_Other']);
    expect(state.brackets[0]?.actions).toEqual(['leave', 'add-alternative', 'agree', 'choose-alternative']);
    // The chair is no holder: agreeing is not its to do (it rules instead).
    expect(await codeOf(() => negotiate({ ports, principal: people.chair, statementId, body: { op: 'bracket.agree', bracketId: id } }))).toBe('bracket.not-holder');
    await negotiate({ ports, principal: people.member, statementId, body: { op: 'bracket.agree', bracketId: id } });
    expect(await isTextClean({ notes: ports.notes, statementId })).toBe(false);
    expect(await codeOf(() => negotiate({ ports, principal: people.lead, statementId, body: { op: 'bracket.agree', bracketId: id } }))).toBe('bracket.already-agreed');
    await negotiate({ ports, principal: people.other, statementId, body: { op: 'bracket.agree', bracketId: id } });
    state = await negotiationState({ ports, principal: people.other, statementId });
    expect(state).toMatchObject({ clean: true, openBrackets: 0, bracketedShare: 0 });
    expect(state.brackets[0]).toMatchObject({ status: 'agreed', lift: 'consent', ruling: null, closedBy: { userId: 'usr_Other', organisationId: 'org_Other' }, actions: [] });
    expect(state.brackets[0]?.holders.map((h) => [h.organisationId, h.agreement?.alternativeId, h.agreement?.userId])).toEqual([['org_Member', null, 'usr_Member'], ['org_Other', null, 'usr_Other']]);
    expect(await world.text()).toContain('human rights online');
    expect(await world.auditActions()).toEqual(['bracket.opened', 'bracket.joined', 'bracket.agreement', 'bracket.agreement', 'bracket.agreed']);
  });

  it('one holder choosing an alternative alone changes nothing; when both choose it, it replaces the text once', async () => {
    const world = await negotiationWorld();
    const { ports, people } = world;
    const doc = await world.doc();
    const { id } = await negotiate({ ports, principal: people.member, statementId, body: { op: 'bracket.open', anchor: around(doc, 'online'), alternatives: [] } });
    await negotiate({ ports, principal: people.other, statementId, body: { op: 'bracket.join', bracketId: id } });
    await negotiate({ ports, principal: people.other, statementId, body: { op: 'bracket.add-alternative', bracketId: id, text: '  online and offline ' } });
    await negotiate({ ports, principal: people.other, statementId, body: { op: 'bracket.add-alternative', bracketId: id, text: 'everywhere' } });
    const [andOffline, everywhere] = (await negotiationState({ ports, principal: people.member, statementId })).brackets[0]!.alternatives.map((a) => a.id) as [string, string];
    expect(await codeOf(() => negotiate({ ports, principal: people.member, statementId, body: { op: 'bracket.choose', bracketId: id, alternativeId: 'alt_01J00000000000000000000000' } }))).toBe('bracket.alternative-unknown');
    // Canada chooses alone (issue 13.2): the bracket stays, the text is unchanged.
    await negotiate({ ports, principal: people.other, statementId, body: { op: 'bracket.choose', bracketId: id, alternativeId: andOffline } });
    await negotiate({ ports, principal: people.member, statementId, body: { op: 'bracket.choose', bracketId: id, alternativeId: everywhere } });
    expect((await negotiationState({ ports, principal: people.member, statementId })).brackets[0]).toMatchObject({ status: 'open' });
    expect(world.sent.updates).toHaveLength(0);
    // The Netherlands comes round to Canada's wording.
    await negotiate({ ports, principal: people.member, statementId, body: { op: 'bracket.choose', bracketId: id, alternativeId: andOffline } });
    expect(await world.text()).toContain('human rights online and offline.');
    expect(world.sent.updates).toHaveLength(1);
    const state = await negotiationState({ ports, principal: people.member, statementId });
    expect(state.brackets[0]).toMatchObject({ status: 'settled', lift: 'consent', chosenAlternativeId: andOffline, current: 'online and offline', closedBy: { organisationId: 'org_Member' } });
    expect(state.clean).toBe(true);
  });

  it('lifts when the one holding out leaves and the others all agreed; the last holder leaving releases it', async () => {
    const world = await negotiationWorld();
    const { ports, people } = world;
    const doc = await world.doc();
    const first = await negotiate({ ports, principal: people.member, statementId, body: { op: 'bracket.open', anchor: around(doc, 'online'), alternatives: [] } });
    await negotiate({ ports, principal: people.other, statementId, body: { op: 'bracket.join', bracketId: first.id } });
    await negotiate({ ports, principal: people.member, statementId, body: { op: 'bracket.agree', bracketId: first.id } });
    await negotiate({ ports, principal: people.other, statementId, body: { op: 'bracket.leave', bracketId: first.id } });
    const second = await negotiate({ ports, principal: people.other, statementId, body: { op: 'bracket.open', anchor: around(doc, 'Second'), alternatives: [] } });
    await negotiate({ ports, principal: people.other, statementId, body: { op: 'bracket.leave', bracketId: second.id } });
    const state = await negotiationState({ ports, principal: people.member, statementId });
    expect(state.brackets.map((b) => [b.status, b.lift])).toEqual([['agreed', 'consent'], ['agreed', 'released']]);
  });

  it('the chair rules with a reason, whatever the holders say; nobody else may, and not without a reason', async () => {
    const world = await negotiationWorld();
    const { ports, people } = world;
    const { id } = await negotiate({ ports, principal: people.member, statementId, body: { op: 'bracket.open', anchor: around(await world.doc(), 'online'), alternatives: ['online and offline'] } });
    const alternativeId = (await negotiationState({ ports, principal: people.chair, statementId })).brackets[0]!.alternatives[0]!.id;
    expect((await negotiationState({ ports, principal: people.chair, statementId })).brackets[0]?.actions).toContain('rule');
    const rule = (principal: typeof people.chair, reason: string) => codeOf(() => negotiate({ ports, principal, statementId, body: { op: 'bracket.rule', bracketId: id, alternativeId, reason } }));
    expect(await rule(people.member, 'Mine.')).toBe('forbidden.chair-only');
    expect(await rule(people.chair, '  ')).toBe('bracket.ruling-reason-empty');
    expect(await rule(people.chair, 'Agreed in the room on 3 May.')).toBeNull();
    expect(await world.text()).toContain('human rights online and offline.');
    const state = await negotiationState({ ports, principal: people.member, statementId });
    expect(state.brackets[0]).toMatchObject({ status: 'settled', lift: 'ruling', ruling: 'Agreed in the room on 3 May.', chosenAlternativeId: alternativeId, closedBy: { organisationId: 'org_Chair' } });
    expect(await rule(people.chair, 'Again.')).toBe('bracket.closed');
  });
});
