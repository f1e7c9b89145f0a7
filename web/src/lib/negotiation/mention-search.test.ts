import { describe, expect, it } from 'vitest';
import { mentionChoices } from './mention-search.ts';

const organisations = [
  { id: 'org_GH', name: 'Ghana' },
  { id: 'org_AL', name: 'Åland Institute' },
  { id: 'org_CA', name: 'Canada' },
  { id: 'org_AC', name: 'Access Now' },
  { id: 'org_SE', name: 'Secret Observer' },
];
const mentionable = ['org_GH', 'org_AL', 'org_CA', 'org_AC'];
const names = (query: string, locale = 'en') => mentionChoices({ organisations, mentionable, own: 'org_CA', query, locale }).map((o) => o.name);

describe('mentionChoices', () => {
  it('lists only organisations the draft is shared with, not one’s own, sorted by name', () => {
    expect(names('')).toEqual(['Access Now', 'Åland Institute', 'Ghana']);
  });

  it('sorts in the interface language’s order', () => {
    expect(names('', 'sv')).toEqual(['Access Now', 'Ghana', 'Åland Institute']);
  });

  it('narrows by what was typed, ignoring case and accents', () => {
    expect(names('ALAND')).toEqual(['Åland Institute']);
    expect(names('an')).toEqual(['Åland Institute', 'Ghana']);
    expect(names('secret')).toEqual([]);
  });
});
