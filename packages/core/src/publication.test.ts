import { describe, expect, it } from 'vitest';
import type { ConsensusCall } from './calls.ts';
import { adoptionRecord, checkChosenSlug, checkPublicTitle, checkWithdrawalOfPublication, isSlug, slugBase, slugCandidate, textDirection, type Publication } from './publication.ts';

const call = (over: Partial<ConsensusCall> = {}): ConsensusCall => ({
  id: 'call_1',
  statementId: 'stmt_1',
  coalitionId: 'coal_1',
  version: { seq: 3, name: 'Rev. 2', hash: 'a'.repeat(64) },
  procedure: { kind: 'silence' },
  deadline: 1_000,
  timeZone: 'UTC',
  resultsVisibility: 'after-close',
  electorate: ['org_A', 'org_B', 'org_C', 'org_D'],
  status: 'closed',
  openedBy: { userId: 'usr_1', organisationId: 'org_A', onBehalfOfChair: false },
  openedAt: 0,
  positions: [
    { organisationId: 'org_A', stance: 'support', confirmed: false, reason: null, explanation: 'We welcome it.', actedBy: 'usr_1', at: 1 },
    { organisationId: 'org_B', stance: 'abstain', confirmed: false, reason: null, explanation: 'We stand aside on §4.', actedBy: 'usr_2', at: 2 },
    { organisationId: 'org_C', stance: 'support-ad-referendum', confirmed: true, reason: null, explanation: null, actedBy: 'usr_3', at: 3 },
  ],
  extensions: [],
  closedAt: 1_000,
  closedBy: null,
  withdrawnAt: null,
  withdrawnBy: null,
  outcome: { result: 'adopted', reasons: [], tally: { support: 1, supportAdReferendumConfirmed: 1, supportAdReferendumUnconfirmed: 0, abstain: 1, object: 0, silent: 1 }, replied: 3, required: 0 },
  reminders: [],
  ...over,
});

const names = new Map([['org_A', 'Estonia'], ['org_B', 'Access Now'], ['org_C', 'Canada']]);

describe('adoptionRecord', () => {
  it('lists who joined, who stood aside and every explanation, from the closed call', () => {
    const record = adoptionRecord({ call: call(), names });
    expect(record.adoptedAt).toBe(1_000);
    // Under the silence procedure a member that did not reply consented.
    expect(record.endorsing.map((p) => p.name)).toEqual(['Estonia', 'Canada', 'org_D']);
    expect(record.reservations.map((p) => [p.name, p.explanation])).toEqual([['Access Now', 'We stand aside on §4.']]);
    expect(record.explanations.map((p) => p.organisationId)).toEqual(['org_A', 'org_B']);
  });

  it('does not count silence as joining under explicit consensus', () => {
    const record = adoptionRecord({ call: call({ procedure: { kind: 'explicit', quorum: 0.5 } }), names });
    expect(record.endorsing.map((p) => p.organisationId)).toEqual(['org_A', 'org_C']);
  });

  it('carries the urgent procedure and its reason when the notice was shortened, and none otherwise', () => {
    const urgent = { reason: 'The summit opens tomorrow.', requiredHours: 72 };
    expect(adoptionRecord({ call: call({ urgent }), names }).urgent).toEqual(urgent);
    expect(adoptionRecord({ call: call(), names }).urgent).toBeNull();
  });

  it('refuses a call that was not adopted, or is still open', () => {
    const notAdopted = call({ outcome: { ...call().outcome!, result: 'not-adopted', reasons: ['objection'] } });
    expect(() => adoptionRecord({ call: notAdopted, names })).toThrow(expect.objectContaining({ code: 'publication.not-adopted' }));
    expect(() => adoptionRecord({ call: call({ status: 'open', outcome: null }), names })).toThrow(expect.objectContaining({ kind: 'conflict' }));
  });
});

describe('slugBase', () => {
  const at = Date.UTC(2026, 10, 23);
  it('makes a readable slug from the title and the year', () => {
    expect(slugBase({ title: 'Joint civil society statement: Surveillance & human rights', publishedAt: at })).toBe('joint-civil-society-statement-surveillance-human-rights-2026');
  });
  it('folds Latin accents and keeps other scripts', () => {
    expect(slugBase({ title: 'Déclaration sur l’Internet', publishedAt: at })).toBe('declaration-sur-l-internet-2026');
    expect(slugBase({ title: '未來網路宣言', publishedAt: at })).toBe('未來網路宣言-2026');
  });
  it('stays short, cutting between words, and never empty', () => {
    const slug = slugBase({ title: 'word '.repeat(40), publishedAt: at });
    expect(slug.length).toBeLessThanOrEqual(65);
    expect(slug).toMatch(/^word(-word)*-2026$/);
    expect(slugBase({ title: '—!?', publishedAt: at })).toBe('declaration-2026');
  });
  it('numbers later candidates, and recognises what it made', () => {
    expect([1, 2, 3].map((attempt) => slugCandidate({ base: 'a-2026', attempt }))).toEqual(['a-2026', 'a-2026-2', 'a-2026-3']);
    expect(isSlug('a-2026-2')).toBe(true);
    expect(isSlug('未來網路宣言-2026')).toBe(true);
    for (const bad of ['', '-a', 'a--b', 'a/b', '../x', 'a b', 'x'.repeat(200)]) expect(isSlug(bad)).toBe(false);
  });
});

describe('textDirection', () => {
  it('knows right-to-left languages and scripts', () => {
    expect(['ar', 'he', 'fa-IR', 'ur', 'pa-Arab'].map(textDirection)).toEqual(['rtl', 'rtl', 'rtl', 'rtl', 'rtl']);
    expect(['en', 'zh-TW', 'fr', 'es'].map(textDirection)).toEqual(['ltr', 'ltr', 'ltr', 'ltr']);
  });
});

describe('checkWithdrawalOfPublication', () => {
  const publication = { status: 'published' } as Publication;
  it('needs a reason, and withdraws once', () => {
    expect(checkWithdrawalOfPublication({ publication, reason: '  Superseded.  ' })).toBe('Superseded.');
    expect(() => checkWithdrawalOfPublication({ publication, reason: ' ' })).toThrow(expect.objectContaining({ code: 'publication.reason-required' }));
    expect(() => checkWithdrawalOfPublication({ publication: { ...publication, status: 'withdrawn' }, reason: 'x' })).toThrow(expect.objectContaining({ kind: 'conflict' }));
  });
});

describe('checkPublicTitle', () => {
  it('keeps one tidy line, and refuses an empty or over-long title', () => {
    expect(checkPublicTitle('  Freedom Online\n Declaration ')).toBe('Freedom Online Declaration');
    expect(() => checkPublicTitle('  ')).toThrow(expect.objectContaining({ code: 'publication.title-required' }));
    expect(() => checkPublicTitle('x'.repeat(301))).toThrow(expect.objectContaining({ code: 'publication.title-too-long' }));
  });
});

describe('checkChosenSlug', () => {
  it.each(['freedom-online-2026', 'déclaration-2026', '未來網際網路宣言-2026'])('accepts %s', (slug) => {
    expect(checkChosenSlug(slug)).toBe(slug);
  });

  it.each(['Freedom-2026', 'two--hyphens', '-leading', 'trailing-', 'has space', 'a/b', '../etc', 'x'.repeat(77), ''])('refuses %s', (slug) => {
    expect(() => checkChosenSlug(slug)).toThrow(expect.objectContaining({ code: 'publication.slug-invalid' }));
  });
});
