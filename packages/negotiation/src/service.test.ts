import { isDomainError, type Principal, type User } from '@concord/core';
import { actors, organisations, statements } from '@concord/core/testing/authorization-matrix';
import { documentFrom } from '@concord/sync/document';
import { anchorBetween, plainTextOf, textLeaves } from '@concord/text/anchors';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isTextClean } from './clean.ts';
import { createMemoryNegotiationPorts, createMemoryNegotiationStore } from './memory.ts';
import { negotiate } from './service.ts';
import { negotiationState } from './state.ts';

const statement = statements.open;
const docId = statement.id;
const member = actors.member!;
const pen = actors['pen-holder']!;
const lead = actors['organisation-lead']!;
const chair = actors.chair!;
const people = Object.values(actors).filter((a): a is Principal => a !== null);
const user = (p: Principal): User => ({ id: p.userId, name: p.userName, organisationId: p.organisationId, coalitionId: p.coalitionId, roles: [...p.roles], status: 'active' });

/** One paragraph, in the statement's field of the editor schema. */
function paragraphs(...texts: string[]): Uint8Array {
  const doc = new Y.Doc();
  const field = doc.getXmlFragment('default');
  for (const words of texts) {
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    field.push([paragraph]);
    text.insert(0, words);
  }
  return Y.encodeStateAsUpdate(doc);
}

function setup() {
  let clock = Date.UTC(2026, 2, 4, 9);
  const world = createMemoryNegotiationPorts({ statements: Object.values(statements), organisations: Object.values(organisations), users: people.map(user), now: () => (clock += 1000) });
  world.setText(docId, paragraphs('States shall protect human rights online.'));
  const doc = async () => documentFrom(await world.ports.texts.load({ docId }));
  const text = async () => textLeaves({ doc: await doc() }).map(plainTextOf).join('\n');
  /** The anchor of `words` in the stored text, as a client makes it from its selection. */
  const around = async (words: string) => {
    for (const leaf of textLeaves({ doc: await doc() })) {
      const index = plainTextOf(leaf).indexOf(words);
      if (index >= 0) return anchorBetween({ from: { text: leaf, index }, to: { text: leaf, index: index + words.length } });
    }
    throw new Error(`no “${words}”`);
  };
  const act = (principal: Principal, body: Record<string, unknown>) => negotiate({ ports: world.ports, principal, statementId: docId, body });
  return { ...world, text, around, act };
}

async function codeOf(work: Promise<unknown>): Promise<string | null> {
  try {
    await work;
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
  return null;
}

describe('amendments over the memory store', () => {
  it('accepts an amendment into the text once when two deciders accept at the same moment, audited once', async () => {
    const world = setup();
    const { id } = await world.act(member, { op: 'amendment.propose', anchor: await world.around('shall'), replacement: 'should', reason: 'Softer.' });
    const codes = await Promise.all([codeOf(world.act(pen, { op: 'amendment.accept', amendmentId: id })), codeOf(world.act(chair, { op: 'amendment.accept', amendmentId: id }))]);
    expect(codes.filter((code) => code === null)).toHaveLength(1);
    expect(codes.find((code) => code !== null)).toMatch(/^negotiation\.(deciding|decided)$/);
    expect(await world.text()).toBe('States should protect human rights online.');
    expect(world.audit.filter((e) => e.action === 'amendment.accepted')).toHaveLength(1);
    expect(await codeOf(world.act(chair, { op: 'amendment.accept', amendmentId: id }))).toBe('amendment.accepted');
    expect(await world.text()).toBe('States should protect human rights online.');
    const state = await negotiationState({ ports: world.ports, principal: member, statementId: docId });
    expect(state.amendments[0]).toMatchObject({ status: 'accepted', orphaned: false, current: 'should' });
  });

  it('refuses to accept while the text is frozen for a call, changing nothing', async () => {
    const world = setup();
    const { id } = await world.act(member, { op: 'amendment.propose', anchor: await world.around('shall'), replacement: 'should', reason: 'Softer.' });
    world.frozen.set(docId, 'call_1');
    expect(await codeOf(world.act(pen, { op: 'amendment.accept', amendmentId: id }))).toBe('negotiation.text-frozen');
    expect(await world.text()).toBe('States shall protect human rights online.');
    expect((await world.notes.getAmendment({ docId, amendmentId: id }))?.status).toBe('proposed');
  });
});

describe('brackets over the memory store', () => {
  it('stays open while one holder agrees, and is lifted with the alternative when every holder chose it', async () => {
    const world = setup();
    const { id } = await world.act(member, { op: 'bracket.open', anchor: await world.around('shall'), alternatives: ['should'] });
    await world.act(pen, { op: 'bracket.join', bracketId: id });
    const alternativeId = (await world.notes.getBracket({ docId, bracketId: id }))!.alternatives[0]!.id;
    await world.act(member, { op: 'bracket.choose', bracketId: id, alternativeId });
    expect((await world.notes.getBracket({ docId, bracketId: id }))?.status).toBe('open');
    expect(await isTextClean({ notes: world.notes, statementId: docId })).toBe(false);
    expect(await world.text()).toBe('States shall protect human rights online.');
    await world.act(pen, { op: 'bracket.choose', bracketId: id, alternativeId });
    expect(await world.notes.getBracket({ docId, bracketId: id })).toMatchObject({ status: 'settled', chosenAlternativeId: alternativeId, lift: 'consent', ruling: null, lock: null });
    expect(await world.text()).toBe('States should protect human rights online.');
    expect(await isTextClean({ notes: world.notes, statementId: docId })).toBe(true);
    expect(world.audit.map((e) => e.action)).toEqual(['bracket.opened', 'bracket.joined', 'bracket.agreement', 'bracket.agreement', 'bracket.settled']);
  });

  it('is not lifted while holders agree on different wordings; the one holding out leaving lifts it', async () => {
    const world = setup();
    const { id } = await world.act(member, { op: 'bracket.open', anchor: await world.around('shall'), alternatives: ['should'] });
    await world.act(pen, { op: 'bracket.join', bracketId: id });
    await world.act(lead, { op: 'bracket.join', bracketId: id });
    const alternativeId = (await world.notes.getBracket({ docId, bracketId: id }))!.alternatives[0]!.id;
    await world.act(member, { op: 'bracket.agree', bracketId: id });
    await world.act(pen, { op: 'bracket.agree', bracketId: id });
    await world.act(lead, { op: 'bracket.choose', bracketId: id, alternativeId });
    expect((await world.notes.getBracket({ docId, bracketId: id }))?.status).toBe('open');
    await world.act(lead, { op: 'bracket.leave', bracketId: id });
    expect(await world.notes.getBracket({ docId, bracketId: id })).toMatchObject({ status: 'agreed', lift: 'consent', holders: [{ organisationId: member.organisationId }, { organisationId: pen.organisationId }] });
    expect(await world.text()).toBe('States shall protect human rights online.');
  });
});

describe('the memory store’s conditions', () => {
  const at = Date.UTC(2026, 2, 4, 9);
  const by = (organisationId: string) => ({ userId: `usr_${organisationId}`, organisationId, at });
  const bracket = {
    id: 'brk_1', statementId: docId, anchor: { from: 'AQID', to: 'BAUG' }, quote: 'shall', openedBy: by('org_A'), status: 'open' as const,
    holders: [{ organisationId: 'org_A', userId: 'usr_A', at, agreement: null }], alternatives: [], closedBy: null, chosenAlternativeId: null, applied: null, lift: null, ruling: null,
  };

  it('refuses a lift by consent read before a join, and a join once lifted', async () => {
    const notes = createMemoryNegotiationStore();
    await notes.openBracket({ bracket });
    const read = (await notes.getBracket({ docId, bracketId: 'brk_1' }))!.rev;
    expect(await notes.joinBracket({ docId, bracketId: 'brk_1', holder: { organisationId: 'org_B', userId: 'usr_B', at, agreement: null } })).toBe('ok');
    expect(await notes.liftBracket({ docId, bracketId: 'brk_1', by: by('org_A'), lift: 'consent', ruling: null, rev: read })).toBe(false);
    expect(await notes.liftBracket({ docId, bracketId: 'brk_1', by: by('org_A'), lift: 'consent', ruling: null, rev: read + 1 })).toBe(true);
    expect(await notes.joinBracket({ docId, bracketId: 'brk_1', holder: { organisationId: 'org_C', userId: 'usr_C', at, agreement: null } })).toBe('closed');
  });

  it('gives an item’s lock to one token, and completes only with it', async () => {
    const notes = createMemoryNegotiationStore();
    await notes.openBracket({ bracket });
    const target = { kind: 'bracket', id: 'brk_1' } as const;
    expect(await notes.lockChange({ docId, target, status: 'open', token: 't1', until: at })).toBe(true);
    expect(await notes.lockChange({ docId, target, status: 'open', token: 't2', until: at })).toBe(false);
    expect(await notes.liftBracket({ docId, bracketId: 'brk_1', by: by('org_A'), lift: 'ruling', ruling: 'Chair.', rev: null })).toBe(false);
    const outcome = { kind: 'settled', bracketId: 'brk_1', by: by('org_A'), alternativeId: 'alt_1', applied: bracket.anchor, lift: 'ruling', ruling: 'Chair.' } as const;
    expect(await notes.completeChange({ docId, token: 't2', outcome })).toBe(false);
    expect(await notes.completeChange({ docId, token: 't1', outcome })).toBe(true);
    expect(await notes.getBracket({ docId, bracketId: 'brk_1' })).toMatchObject({ status: 'settled', lock: null, chosenAlternativeId: 'alt_1' });
  });
});
