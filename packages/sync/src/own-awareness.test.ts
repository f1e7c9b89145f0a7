import { describe, expect, it } from 'vitest';
import { ownAwarenessChange } from './own-awareness.ts';

describe('ownAwarenessChange', () => {
  const ownClientId = 7;
  it('keeps only our entry when others changed with us', () => {
    expect(ownAwarenessChange({ changes: { added: [3], updated: [7, 9], removed: [4] }, ownClientId })).toEqual({ added: [], updated: [7], removed: [] });
  });
  it('sends nothing when only other people changed', () => {
    expect(ownAwarenessChange({ changes: { added: [3], updated: [9], removed: [4] }, ownClientId })).toBeNull();
  });
  it('passes on our own removal as a removal', () => {
    expect(ownAwarenessChange({ changes: { added: [], updated: [], removed: [7, 3] }, ownClientId })).toEqual({ added: [], updated: [], removed: [7] });
  });
});
