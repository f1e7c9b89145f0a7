import { describe, expect, it } from 'vitest';
import { readOpenFields } from './forms.ts';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries({ procedure: 'silence', date: '2026-12-01', time: '17:00', timeZone: 'Europe/Tallinn', ...fields })) data.set(name, value);
  return data;
};

describe('readOpenFields', () => {
  it('asks for an urgent procedure only when its box is ticked, with the reason as typed', () => {
    expect(readOpenFields(form({ urgentReason: 'Typed, then unticked.' })).urgentReason).toBeNull();
    expect(readOpenFields(form({ urgent: 'on', urgentReason: '  The summit is tomorrow. ' })).urgentReason).toBe('The summit is tomorrow.');
    // Ticked without a reason: the service refuses it (an empty reason is not "not urgent").
    expect(readOpenFields(form({ urgent: 'on' })).urgentReason).toBe('');
  });

  it('reads the deadline in the zone typed into the searchable list', () => {
    expect(readOpenFields(form({})).deadline).toBe(Date.UTC(2026, 11, 1, 15));
    expect(() => readOpenFields(form({ timeZone: 'Europe/Atlantis' }))).toThrow(expect.objectContaining({ code: 'input.timeZone' }));
  });
});
