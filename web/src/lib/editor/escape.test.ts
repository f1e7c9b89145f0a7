import { describe, expect, it } from 'vitest';
import { closeOnEscape } from './escape.ts';

const press = (key: string) => {
  const seen: string[] = [];
  return { key, seen, preventDefault: () => void seen.push('prevented'), stopPropagation: () => void seen.push('stopped') };
};

describe('closeOnEscape', () => {
  it('closes on Escape, keeping the key press from anything further up', () => {
    let closed = 0;
    const event = press('Escape');
    closeOnEscape(() => (closed += 1))(event);
    expect(closed).toBe(1);
    expect(event.seen).toEqual(['prevented', 'stopped']);
  });

  it('leaves every other key alone', () => {
    let closed = 0;
    const event = press('Enter');
    closeOnEscape(() => (closed += 1))(event);
    expect(closed).toBe(0);
    expect(event.seen).toEqual([]);
  });
});
