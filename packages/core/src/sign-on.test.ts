import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Publication } from './publication.ts';
import { checkEndorsement, checkSignOnWindow, endorsementList, isSignOnOpen, nameKey, parseSignatoryList, tidyName, type Endorsement } from './sign-on.ts';

const day = 86_400_000;
const publication = (over: Partial<Publication> = {}): Publication =>
  ({
    status: 'published',
    publishedAt: 1_000,
    signOn: { openedAt: 1_000, closesAt: 10 * day, outsiders: true, closedAt: null },
    record: { endorsing: [{ organisationId: 'org_Joined', name: 'Joined', stance: 'support', explanation: null }] },
    ...over,
  }) as Publication;
const request = { name: 'Bits of Freedom', country: 'Netherlands', contact: 'office@example.org' };

describe('nameKey', () => {
  it('folds case, spacing and Unicode normal form', () => {
    expect(nameKey('  Access   Now ')).toBe(nameKey('access now'));
    // "é" precomposed and as e + combining acute are one name.
    expect(nameKey('Barrac\u00f3n Digital')).toBe(nameKey('Barraco\u0301n Digital'));
  });
  it('keeps diacritics, dashes and parentheses apart', () => {
    expect(nameKey('Barracón Digital')).not.toBe(nameKey('Barracon Digital'));
    expect(nameKey('7amleh – Arab Center')).not.toBe(nameKey('7amleh - Arab Center'));
    expect(nameKey('Association for Progressive Communications (APC)')).not.toBe(nameKey('Association for Progressive Communications APC'));
  });
  it('keeps a name as written, only tidied', () => {
    expect(tidyName('  7amleh –\tArab Center ')).toBe('7amleh – Arab Center');
  });
});

describe('parseSignatoryList', () => {
  it('reads the 124 signatories of the fixture intact', () => {
    const text = readFileSync(new URL('../../../../shared/fixtures/joint-statement-surveillance/signatories.txt', import.meta.url), 'utf8');
    const { names, duplicates } = parseSignatoryList(text);
    expect(names).toHaveLength(124);
    expect(duplicates).toEqual([]);
    expect(names).toContain('7amleh – Arab Center for Social Media Advancement');
    expect(names).toContain('Association for Progressive Communications (APC)');
    expect(names).toContain('Barracón Digital');
  });
  it('drops repeats (the first spelling wins) and blank lines', () => {
    expect(parseSignatoryList('Access Now\r\n\n  access now \nAmnesty International\n')).toEqual({ names: ['Access Now', 'Amnesty International'], duplicates: ['access now'] });
  });
  it('refuses a name with control or bidi-override characters', () => {
    expect(() => parseSignatoryList('Evil\u202eCorp')).toThrow(expect.objectContaining({ code: 'signon.name-invalid' }));
  });
});

describe('checkSignOnWindow', () => {
  it('opens on a published declaration until a future date within a year', () => {
    expect(() => checkSignOnWindow({ publication: publication(), closesAt: 5 * day, now: day })).not.toThrow();
    expect(() => checkSignOnWindow({ publication: publication(), closesAt: day, now: day })).toThrow(expect.objectContaining({ code: 'signon.end-past' }));
    expect(() => checkSignOnWindow({ publication: publication(), closesAt: 400 * day, now: day })).toThrow(expect.objectContaining({ code: 'signon.end-too-far' }));
    expect(() => checkSignOnWindow({ publication: publication({ status: 'withdrawn' }), closesAt: 5 * day, now: day })).toThrow(expect.objectContaining({ code: 'signon.not-published' }));
  });
});

describe('checkEndorsement', () => {
  it('takes an outsider while the window is open and allows outsiders', () => {
    const checked = checkEndorsement({ publication: publication(), endorser: { kind: 'outsider' }, request, now: 2 * day });
    expect(checked).toMatchObject({ name: 'Bits of Freedom', key: 'bits of freedom', organisationId: null });
  });
  it('refuses outsiders when the window is for members only', () => {
    const membersOnly = publication({ signOn: { openedAt: 0, closesAt: 10 * day, outsiders: false, closedAt: null } });
    expect(() => checkEndorsement({ publication: membersOnly, endorser: { kind: 'outsider' }, request, now: day })).toThrow(expect.objectContaining({ code: 'signon.members-only' }));
    const member = checkEndorsement({ publication: membersOnly, endorser: { kind: 'member', organisationId: 'org_M', organisationName: 'Estonia' }, request, now: day });
    expect(member).toMatchObject({ name: 'Estonia', organisationId: 'org_M' });
  });
  it('refuses a member that joined the consensus: it is listed already', () => {
    const joined = { kind: 'member' as const, organisationId: 'org_Joined', organisationName: 'Joined' };
    expect(() => checkEndorsement({ publication: publication(), endorser: joined, request, now: day })).toThrow(expect.objectContaining({ code: 'signon.already-endorsed' }));
  });

  it('refuses once the window ended, was closed, or the declaration withdrawn', () => {
    const closed = publication({ signOn: { openedAt: 0, closesAt: 10 * day, outsiders: true, closedAt: day } });
    for (const [p, now] of [[publication(), 10 * day], [closed, 2 * day], [publication({ status: 'withdrawn' }), day], [publication({ signOn: null }), day]] as const) {
      expect(isSignOnOpen({ publication: p, now })).toBe(false);
      expect(() => checkEndorsement({ publication: p, endorser: { kind: 'outsider' }, request, now })).toThrow(expect.objectContaining({ code: 'signon.closed' }));
    }
  });
  it('needs a name, a country and a way to reach the endorser', () => {
    const check = (r: Partial<typeof request>) => () => checkEndorsement({ publication: publication(), endorser: { kind: 'outsider' }, request: { ...request, ...r }, now: day });
    expect(check({ name: ' ' })).toThrow(expect.objectContaining({ code: 'input.name' }));
    expect(check({ country: '' })).toThrow(expect.objectContaining({ code: 'input.country' }));
    expect(check({ contact: 'nobody' })).toThrow(expect.objectContaining({ code: 'input.contact' }));
    expect(check({ contact: '+33 1 23 45 67 89' })).not.toThrow();
  });
});

describe('endorsementList', () => {
  it('shows verified endorsements only, oldest first, marking those given after publication', () => {
    const e = (id: string, at: number, status: Endorsement['status']) => ({ id, at, status, name: id }) as Endorsement;
    const list = endorsementList({ publication: publication(), endorsements: [e('late', 5_000, 'verified'), e('pending', 2_000, 'pending'), e('first', 1_000, 'verified'), e('no', 1_500, 'rejected')] });
    expect(list.map((x) => [x.id, x.late])).toEqual([['first', false], ['late', true]]);
  });
});
