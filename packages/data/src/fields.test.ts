import { describe, expect, it } from 'vitest';
import { accountFrom, accountItem, sessionFrom } from './account-shapes.ts';
import { callFrom, changeFrom } from './call-shapes.ts';
import { organisationShape } from './entity-shapes.ts';
import { list, map, number, numOr, oneOf, stringSet, strOr, text } from './fields.ts';
import { principalFrom } from './item-shapes.ts';
import { assembleNotes } from './negotiation-shapes.ts';
import { endorsementFrom, recordFrom } from './publication-shapes.ts';

const stored = { pk: 'USR#usr_1', sk: 'ACCOUNT', name: 'Ada', count: 2, note: null, roles: ['a', 7], nested: { tier: 'gold' } };

describe('field readers', () => {
  it('read what the layout says a field holds', () => {
    expect(text(stored, 'name')).toBe('Ada');
    expect(number(stored, 'count')).toBe(2);
    expect(strOr(stored, 'note', 'none')).toBe('none');
    expect(numOr(stored, 'missing', 0)).toBe(0);
    expect(oneOf(stored, 'name', ['Ada', 'Grace'])).toBe('Ada');
    expect(oneOf(stored, 'missing', ['on', 'off'], 'off')).toBe('off');
    expect(stringSet({ tags: new Set(['x']) }, 'tags')).toEqual(['x']);
  });

  it('refuse a malformed field, naming the item by its key and the field', () => {
    expect(() => text(stored, 'count')).toThrow('stored item USR#usr_1 / ACCOUNT: count should be a string, is number 2');
    expect(() => number(stored, 'missing')).toThrow('stored item USR#usr_1 / ACCOUNT: missing should be a number, is absent');
    expect(() => strOr(stored, 'count', null)).toThrow(TypeError);
    expect(() => oneOf(stored, 'name', ['Grace'])).toThrow('name should be one of Grace, is string "Ada"');
  });

  it('say where a nested map or list element sits', () => {
    expect(() => oneOf(map(stored, 'nested'), 'tier', ['member'])).toThrow('stored item USR#usr_1 / ACCOUNT → nested: tier should be one of member');
    expect(() => list(stored, 'roles', text)).toThrow('stored item USR#usr_1 / ACCOUNT → roles: 1 should be a string, is number 7');
    expect(() => map(stored, 'name')).toThrow('name should be a map');
  });
});

describe('the shapes refuse malformed items', () => {
  const account = accountItem({ userId: 'usr_1', email: 'a@example.org', passwordHash: 'h', totpKey: null, totpLastStep: 0, privilegeVersion: 1, createdAt: 1, locale: null });

  it('an account with a number for its email, or a session with a string for its two-factor flag', () => {
    expect(() => accountFrom({ pk: 'USR#usr_1', sk: 'ACCOUNT', ...account, email: 42 })).toThrow('stored item USR#usr_1 / ACCOUNT: email should be a string, is number 42');
    expect(() => accountFrom({ ...account, totpKey: { iv: 'i' } })).toThrow('→ totpKey: data should be a string, is absent');
    expect(() => sessionFrom({ id: 's', userId: 'u', createdAt: 1, expiresAtMs: 2, lastUsedAt: 1, privilegeVersion: 0, device: 'd', twoFactorVerified: 'yes' })).toThrow(
      'twoFactorVerified should be true or false',
    );
  });

  it('a principal with an unknown tier, an organisation with an unknown stakeholder group', () => {
    const principal = { userId: 'u', userName: 'U', organisationId: 'o', organisationName: 'O', coalitionId: 'c', tier: 'emperor', isChair: false };
    expect(() => principalFrom(principal)).toThrow(/tier should be one of .*is string "emperor"/);
    expect(() => organisationShape.fromItem({ id: 'o', coalitionId: 'c', name: 'O', tier: 'member', stakeholderGroup: 'pirates' })).toThrow('stakeholderGroup should be one of');
  });

  it('a call position with an unknown stance, a call with an unknown status', () => {
    const change = { id: 'h', organisationId: 'o', stance: 'maybe', confirmed: false, reason: null, explanation: null, actedBy: 'u', at: 1, voided: false };
    expect(() => changeFrom({ pk: 'CALL#c', sk: 'H#h', ...change })).toThrow('stored item CALL#c / H#h: stance should be one of support, support-ad-referendum, abstain, object');
    const call = {
      pk: 'CALL#c', sk: 'CALL', id: 'c', statementId: 's', coalitionId: 'co', version: { seq: 1, hash: 'h', name: 'v' }, procedure: { kind: 'silence' }, deadline: 1, timeZone: 'UTC',
      resultsVisibility: 'live', openedBy: { userId: 'u', organisationId: 'o', onBehalfOfChair: false }, openedAt: 0, status: 'paused', electorate: [], latest: {}, extensions: [],
    };
    expect(() => callFrom({ item: call, changes: new Map() })).toThrow('stored item CALL#c / CALL: status should be one of open, closed, withdrawn, is string "paused"');
    expect(() => callFrom({ item: { ...call, status: 'open', latest: { o: { stance: 'support' } } }, changes: new Map() })).toThrow('CALL#c / CALL → latest → o: historyId should be a string');
  });

  it('an amendment without its proposer', () => {
    const amendment = { pk: 'NOTES#s', sk: 'A#a', kind: 'amendment', id: 'a', statementId: 's', anchor: { from: 'x', to: 'y' }, original: 'o', replacement: 'r', reason: '', status: 'proposed', rev: 0 };
    expect(() => assembleNotes([amendment])).toThrow('stored item NOTES#s / A#a: proposedBy should be a map, is absent');
  });

  it('a declaration with a text for its window\'s end, an endorsement with an unknown status', () => {
    const declaration = {
      pk: 'PUB#s', sk: 'PUB', statementId: 's', coalitionId: 'c', coalitionName: 'C', slug: 'text-2026', title: 'Text', language: 'en', dir: 'ltr', version: { seq: 1, name: 'v', hash: 'h' },
      record: { callId: 'call', adoptedAt: 1, procedure: { kind: 'silence' }, endorsing: [], reservations: [], explanations: [] }, publishedAt: 2, publishedBy: { userId: 'u', organisationId: 'o' }, status: 'published',
    };
    expect(recordFrom(declaration)).toMatchObject({ withdrawn: null, signOn: null, attestation: null, record: { callId: 'call' } });
    expect(recordFrom(declaration).record).not.toHaveProperty('urgent');
    expect(() => recordFrom({ ...declaration, signOn: { openedAt: 1, closesAt: '2', outsiders: true, closedAt: null } })).toThrow('stored item PUB#s / PUB → signOn: closesAt should be a number, is string "2"');
    const endorsement = { pk: 'PUB#s', sk: 'E#e', id: 'e', statementId: 's', name: 'N', key: 'n', country: 'X', contact: 'a@b.org', organisationId: null, source: 'form', status: 'approved', at: 1 };
    expect(() => endorsementFrom(endorsement)).toThrow('stored item PUB#s / E#e: status should be one of pending, verified, rejected, is string "approved"');
  });
});
