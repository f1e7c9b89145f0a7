import { isTextClean, negotiate, negotiationState } from '@concord/negotiation';
import { describe, expect, it } from 'vitest';
import { around, codeOf, negotiationWorld, statementId } from './setup.ts';

describe('negotiation service: comments', () => {
  it('starts a thread on the stored words, replies with a mention, resolves and reopens, and tells open editors', async () => {
    const world = await negotiationWorld();
    const { ports, people, organisations } = world;
    const anchor = around(await world.doc(), 'human rights');
    const { id } = await negotiate({ ports, principal: people.member, statementId, body: { op: 'thread.start', anchor, body: '  Which rights?  ', mentions: [] } });
    await negotiate({ ports, principal: people.other, statementId, body: { op: 'thread.reply', threadId: id, body: 'All of them.', mentions: [organisations.member.id] } });
    await negotiate({ ports, principal: people.member, statementId, body: { op: 'thread.resolve', threadId: id } });
    expect(await codeOf(() => negotiate({ ports, principal: people.other, statementId, body: { op: 'thread.reply', threadId: id, body: 'Late', mentions: [] } }))).toBe('comment.thread-resolved');
    expect(await codeOf(() => negotiate({ ports, principal: people.other, statementId, body: { op: 'thread.resolve', threadId: id } }))).toBe('comment.already-resolved');
    const state = await negotiationState({ ports, principal: people.other, statementId });
    expect(state.threads).toHaveLength(1);
    expect(state.threads[0]).toMatchObject({ quote: 'human rights', status: 'resolved', orphaned: false, current: 'human rights', actions: ['reopen'] });
    expect(state.threads[0]?.messages.map((m) => [m.body, m.mentions])).toEqual([['Which rights?', []], ['All of them.', [organisations.member.id]]]);
    expect(world.sent.notices).toEqual(Array(3).fill('{"kind":"negotiation"}'));
  });

  it('refuses bad input without storing anything: empty body, unknown mention, unknown op, a forged anchor', async () => {
    const world = await negotiationWorld();
    const { ports, people } = world;
    const anchor = around(await world.doc(), 'human rights');
    expect(await codeOf(() => negotiate({ ports, principal: people.member, statementId, body: { op: 'thread.start', anchor, body: '   ', mentions: [] } }))).toBe('comment.body-empty');
    expect(await codeOf(() => negotiate({ ports, principal: people.member, statementId, body: { op: 'thread.start', anchor, body: 'x', mentions: ['org_Nowhere'] } }))).toBe('comment.mention-unknown');
    expect(await codeOf(() => negotiate({ ports, principal: people.member, statementId, body: { op: 'thread.delete' } }))).toBe('negotiation.invalid-op');
    expect(await codeOf(() => negotiate({ ports, principal: people.member, statementId, body: { op: 'thread.start', anchor: { from: 'AAAA', to: 'AAAA' }, body: 'x', mentions: [] } }))).toMatch(/^negotiation\./);
    expect(await codeOf(() => negotiate({ ports, principal: people.member, statementId: 'stmt_NOPE', body: { op: 'thread.start', anchor, body: 'x', mentions: [] } }))).toBe('statement.not-found');
    expect((await negotiationState({ ports, principal: people.member, statementId })).threads).toEqual([]);
    expect(world.sent.notices).toEqual([]);
  });

  it('keeps a thread whose words were deleted, shown as orphaned with its quote', async () => {
    const world = await negotiationWorld();
    const { ports, people } = world;
    const doc = await world.doc();
    const anchor = around(doc, 'Second paragraph');
    await negotiate({ ports, principal: people.member, statementId, body: { op: 'thread.start', anchor, body: 'Cut this?', mentions: [] } });
    // Someone deletes the paragraph's words in the live text.
    const before = (await import('yjs')).encodeStateVector(doc);
    const { textLeaves } = await import('@concord/text/anchors');
    const leaf = textLeaves({ doc })[1]!;
    leaf.delete(0, leaf.length);
    await world.documents.appendUpdate({ docId: statementId, update: (await import('yjs')).encodeStateAsUpdate(doc, before), origin: 'editor' });
    const state = await negotiationState({ ports, principal: people.member, statementId });
    expect(state.threads[0]).toMatchObject({ orphaned: true, current: null, quote: 'Second paragraph' });
  });
});

describe('negotiation service: who may do what (the core policy, on the server)', () => {
  it('lets an advisory organisation comment and propose when the statement allows it, never decide or bracket; observers only read', async () => {
    const world = await negotiationWorld();
    const { ports, people } = world;
    const anchor = around(await world.doc(), 'shall');
    await negotiate({ ports, principal: people.advisory, statementId, body: { op: 'thread.start', anchor, body: 'A view from civil society.', mentions: [] } });
    const { id } = await negotiate({ ports, principal: people.advisory, statementId, body: { op: 'amendment.propose', anchor, replacement: 'must', reason: 'Stronger.' } });
    expect(await codeOf(() => negotiate({ ports, principal: people.advisory, statementId, body: { op: 'amendment.accept', amendmentId: id } }))).toBe('forbidden.cannot-decide');
    expect(await codeOf(() => negotiate({ ports, principal: people.advisory, statementId, body: { op: 'bracket.open', anchor, alternatives: [] } }))).toBe('forbidden.not-member');
    expect(await codeOf(() => negotiate({ ports, principal: people.observer, statementId, body: { op: 'thread.start', anchor, body: 'x', mentions: [] } }))).toBe('forbidden.cannot-comment');
    expect(await codeOf(() => negotiate({ ports, principal: people.observer, statementId, body: { op: 'amendment.support', amendmentId: id } }))).toBe('forbidden.cannot-propose');
    const observerView = await negotiationState({ ports, principal: people.observer, statementId });
    expect(observerView.can).toEqual({ comment: false, propose: false, decide: false, bracket: false, rule: false });
    expect(observerView.amendments[0]?.actions).toEqual([]);
    expect(await world.text()).toContain('shall');
  });

  it('without advisory participation, advisory organisations read only', async () => {
    const world = await negotiationWorld({ statement: { advisoryParticipation: false } });
    const anchor = around(await world.doc(), 'shall');
    expect(await codeOf(() => negotiate({ ports: world.ports, principal: world.people.advisory, statementId, body: { op: 'amendment.propose', anchor, replacement: 'must', reason: 'Stronger.' } }))).toBe('forbidden.cannot-propose');
  });

  it('with pen-holders, only they (and the chair) decide', async () => {
    const world = await negotiationWorld({ statement: { penHolderIds: ['org_Other'] } });
    const { ports, people } = world;
    const anchor = around(await world.doc(), 'shall');
    const { id } = await negotiate({ ports, principal: people.member, statementId, body: { op: 'amendment.propose', anchor, replacement: 'should', reason: 'Softer.' } });
    expect(await codeOf(() => negotiate({ ports, principal: people.member, statementId, body: { op: 'amendment.accept', amendmentId: id } }))).toBe('forbidden.cannot-decide');
    await negotiate({ ports, principal: people.other, statementId, body: { op: 'amendment.accept', amendmentId: id } });
    expect(await world.text()).toContain('States should protect');
  });
});

describe('negotiation service: amendments', () => {
  it('proposes on behalf of the organisation, tallies support and opposition per organisation, accepts once into the text, audited', async () => {
    const world = await negotiationWorld();
    const { ports, people } = world;
    const anchor = around(await world.doc(), 'shall');
    const { id } = await negotiate({ ports, principal: people.member, statementId, body: { op: 'amendment.propose', anchor, replacement: 'should', reason: 'Softer.' } });
    await negotiate({ ports, principal: people.other, statementId, body: { op: 'amendment.oppose', amendmentId: id } });
    await negotiate({ ports, principal: people.other, statementId, body: { op: 'amendment.support', amendmentId: id } });
    await negotiate({ ports, principal: people.advisory, statementId, body: { op: 'amendment.support', amendmentId: id } });
    let state = await negotiationState({ ports, principal: people.other, statementId });
    expect(state.amendments[0]?.positions.map((p) => [p.organisationId, p.stand])).toEqual([['org_Other', 'support'], ['org_Advisory', 'support']]);
    expect(state.amendments[0]).toMatchObject({ original: 'shall', replacement: 'should', proposedBy: { organisationId: 'org_Member' }, actions: ['support', 'oppose', 'accept', 'reject'] });
    await negotiate({ ports, principal: people.other, statementId, body: { op: 'amendment.accept', amendmentId: id } });
    expect(await world.text()).toContain('States should protect human rights online.');
    expect(world.sent.updates).toHaveLength(1);
    expect(world.sent.updates[0]?.author).toBe('usr_Other org_Other');
    state = await negotiationState({ ports, principal: people.member, statementId });
    expect(state.amendments[0]).toMatchObject({ status: 'accepted', current: 'should', decidedBy: { organisationId: 'org_Other' } });
    expect(await codeOf(() => negotiate({ ports, principal: people.other, statementId, body: { op: 'amendment.accept', amendmentId: id } }))).toBe('amendment.accepted');
    expect(await codeOf(() => negotiate({ ports, principal: people.member, statementId, body: { op: 'amendment.support', amendmentId: id } }))).toBe('amendment.accepted');
    expect(await world.auditActions()).toEqual(['amendment.proposed', 'amendment.accepted']);
  });

  it('applies an amendment exactly once when two deciders accept at the same moment', async () => {
    const world = await negotiationWorld({ jitterMs: 15 });
    const { ports, people } = world;
    const anchor = around(await world.doc(), 'shall');
    const { id } = await negotiate({ ports, principal: people.member, statementId, body: { op: 'amendment.propose', anchor, replacement: 'should', reason: 'Softer.' } });
    const results = await Promise.all(
      [people.member, people.other, people.chair].map((principal) => codeOf(() => negotiate({ ports, principal, statementId, body: { op: 'amendment.accept', amendmentId: id } }))),
    );
    expect(results.filter((code) => code === null)).toHaveLength(1);
    for (const code of results.filter((c) => c !== null)) expect(['negotiation.deciding', 'negotiation.decided', 'amendment.accepted']).toContain(code);
    expect(world.sent.updates).toHaveLength(1);
    expect(await world.text()).toContain('States should protect human rights online.');
    expect((await world.auditActions()).filter((a) => a === 'amendment.accepted')).toHaveLength(1);
  });

  it('refuses to apply when the words changed since; rejects and withdraws; reverts an accepted one', async () => {
    const world = await negotiationWorld();
    const { ports, people } = world;
    const doc = await world.doc();
    const onShall = around(doc, 'shall');
    const onOnline = around(doc, 'online');
    const first = await negotiate({ ports, principal: people.member, statementId, body: { op: 'amendment.propose', anchor: onShall, replacement: 'should', reason: 'Softer.' } });
    const second = await negotiate({ ports, principal: people.member, statementId, body: { op: 'amendment.propose', anchor: onShall, replacement: 'must', reason: 'Stronger.' } });
    const third = await negotiate({ ports, principal: people.other, statementId, body: { op: 'amendment.propose', anchor: onOnline, replacement: 'online and offline', reason: 'Both.' } });
    expect(await codeOf(() => negotiate({ ports, principal: people.other, statementId, body: { op: 'amendment.withdraw', amendmentId: first.id } }))).toBe('amendment.not-proposer');
    await negotiate({ ports, principal: people.member, statementId, body: { op: 'amendment.accept', amendmentId: first.id } });
    expect(await codeOf(() => negotiate({ ports, principal: people.member, statementId, body: { op: 'amendment.accept', amendmentId: second.id } }))).toBe('negotiation.text-changed');
    await negotiate({ ports, principal: people.member, statementId, body: { op: 'amendment.withdraw', amendmentId: second.id } });
    await negotiate({ ports, principal: people.member, statementId, body: { op: 'amendment.reject', amendmentId: third.id } });
    await negotiate({ ports, principal: people.chair, statementId, body: { op: 'amendment.revert', amendmentId: first.id } });
    expect(await world.text()).toContain('States shall protect human rights online.');
    const state = await negotiationState({ ports, principal: people.member, statementId });
    expect(state.amendments.map((a) => a.status)).toEqual(['reverted', 'withdrawn', 'rejected']);
    expect(await world.auditActions()).toEqual(['amendment.proposed', 'amendment.proposed', 'amendment.proposed', 'amendment.accepted', 'amendment.withdrawn', 'amendment.rejected', 'amendment.reverted']);
  });

  it('refuses a range across paragraphs, an unchanged text and a missing reason', async () => {
    const world = await negotiationWorld();
    const { ports, people } = world;
    const doc = await world.doc();
    const { anchorBetween } = await import('@concord/text/anchors');
    const { textLeaves } = await import('@concord/text/anchors');
    const [a, b] = textLeaves({ doc });
    const across = anchorBetween({ from: { text: a!, index: 2 }, to: { text: b!, index: 3 } });
    expect(await codeOf(() => negotiate({ ports, principal: people.member, statementId, body: { op: 'amendment.propose', anchor: across, replacement: 'x', reason: 'y' } }))).toBe('amendment.range-across-paragraphs');
    const onShall = around(doc, 'shall');
    expect(await codeOf(() => negotiate({ ports, principal: people.member, statementId, body: { op: 'amendment.propose', anchor: onShall, replacement: 'shall', reason: 'y' } }))).toBe('amendment.unchanged');
    expect(await codeOf(() => negotiate({ ports, principal: people.member, statementId, body: { op: 'amendment.propose', anchor: onShall, replacement: 'must', reason: ' ' } }))).toBe('amendment.reason-empty');
  });
});
