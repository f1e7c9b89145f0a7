import { principalFor } from '@concord/sync/testing/fixtures';
import { describe, expect, it } from 'vitest';
import { decodeConnectionContext, encodeConnectionContext } from './connection-context.ts';

const context = { docId: 'stmt_1', principal: principalFor('aino'), access: 'write' as const, sessionId: 'ses_1', connectedAt: 1_000 };

describe('decodeConnectionContext', () => {
  it('reads back what was encoded, the principal included', () => {
    expect(decodeConnectionContext(encodeConnectionContext(context))).toEqual(context);
  });

  it('reads one object once: the same frozen answer for every frame of a connection', () => {
    const authorizer = encodeConnectionContext(context);
    const first = decodeConnectionContext(authorizer);
    expect(decodeConnectionContext(authorizer)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => {
      (first as { access: string }).access = 'read';
    }).toThrow(TypeError);
    expect(() => {
      (first!.principal as { isChair: boolean }).isChair = true;
    }).toThrow(TypeError);
    expect(decodeConnectionContext(authorizer)?.access).toBe('write');
  });

  it('refuses a context that does not read back, every time it is asked', () => {
    const forged = { ...encodeConnectionContext(context), principal: '{"userId":1}' };
    expect(decodeConnectionContext(forged)).toBeNull();
    expect(decodeConnectionContext(forged)).toBeNull();
    expect(decodeConnectionContext({ ...encodeConnectionContext(context), access: 'admin' })).toBeNull();
    expect(decodeConnectionContext(null)).toBeNull();
  });
});
