import { describe, expect, it } from 'vitest';
import { organisationName, sharePercent } from './view.ts';

describe('sharePercent', () => {
  it('rounds, but never says 0 while something is bracketed nor 100 while something is not', () => {
    expect(sharePercent(0)).toEqual({ percent: 0, approx: null });
    expect(sharePercent(0.004)).toEqual({ percent: 1, approx: 'below' });
    expect(sharePercent(0.144)).toEqual({ percent: 14, approx: null });
    expect(sharePercent(0.996)).toEqual({ percent: 99, approx: 'above' });
    expect(sharePercent(1)).toEqual({ percent: 100, approx: null });
  });
});

describe('organisationName', () => {
  it('names an organisation of the coalition, or shows the id of one that left', () => {
    const view = { organisations: [{ id: 'org_A', name: 'Ghana', tier: 'member' as const }] };
    expect(organisationName(view, 'org_A')).toBe('Ghana');
    expect(organisationName(view, 'org_Gone')).toBe('org_Gone');
  });
});
