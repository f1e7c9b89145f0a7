import { describe, expect, it } from 'vitest';
import { participantsFrom, presenceChanges, readAwarenessUser, type Participant } from './presence.ts';

const kadri = { user: { userId: 'usr_K', name: 'Kadri Tamm', organisation: 'Estonia', color: '#1f5fa8' } };
const aino = { user: { userId: 'usr_A', name: 'Aino Virtanen', organisation: 'Finland', color: '#b3261e' } };
const lin = { user: { userId: 'usr_L', name: '林怡君', organisation: 'Access Now', color: '#2e7d32' } };

describe('readAwarenessUser', () => {
  it('reads a well-formed user', () => {
    expect(readAwarenessUser(kadri)).toEqual(kadri.user);
  });

  it('refuses states without a name or organisation, and sanitises the colour', () => {
    expect(readAwarenessUser(null)).toBeNull();
    expect(readAwarenessUser({ cursor: {} })).toBeNull();
    expect(readAwarenessUser({ user: { name: 'X' } })).toBeNull();
    expect(readAwarenessUser({ user: { name: ' ', organisation: 'Y' } })).toBeNull();
    expect(readAwarenessUser({ user: { name: 'X', organisation: 'Y', color: 'url(x)' } })?.color).toBe('#595959');
  });

  it('cuts overlong names', () => {
    expect(readAwarenessUser({ user: { name: 'n'.repeat(500), organisation: 'Y' } })?.name).toHaveLength(80);
  });
});

describe('participantsFrom', () => {
  it('lists yourself first, then others by name', () => {
    const states = new Map<number, unknown>([
      [3, lin],
      [1, kadri],
      [2, aino],
    ]);
    const people = participantsFrom({ states, selfClientId: 3 });
    expect(people.map((p) => [p.name, p.isSelf])).toEqual([
      ['林怡君', true],
      ['Aino Virtanen', false],
      ['Kadri Tamm', false],
    ]);
  });

  it('lists a person with several tabs once, and skips clients without a user', () => {
    const states = new Map<number, unknown>([
      [1, kadri],
      [2, kadri],
      [5, { cursor: null }],
    ]);
    expect(participantsFrom({ states, selfClientId: 2 })).toEqual([
      { key: 'usr_K', name: 'Kadri Tamm', organisation: 'Estonia', color: '#1f5fa8', isSelf: true },
    ]);
  });
});

describe('presenceChanges', () => {
  const me: Participant = { key: 'usr_K', name: 'Kadri Tamm', organisation: 'Estonia', color: '#1f5fa8', isSelf: true };
  const other: Participant = { key: 'usr_A', name: 'Aino Virtanen', organisation: 'Finland', color: '#b3261e', isSelf: false };

  it('announces who arrived and who left, by name and organisation', () => {
    expect(presenceChanges({ previous: [me], next: [me, other] })).toEqual(['Aino Virtanen (Finland) is here.']);
    expect(presenceChanges({ previous: [me, other], next: [me] })).toEqual(['Aino Virtanen (Finland) left.']);
  });

  it('never announces yourself', () => {
    expect(presenceChanges({ previous: [], next: [me] })).toEqual([]);
  });
});
