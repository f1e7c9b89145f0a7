import type { RateLimit } from '@concord/core';
import { describe, expect, it } from 'vitest';
import { accountStoreFactories, type MakeStores } from '../../support/account-stores.ts';

const limit: RateLimit = { bucket: 'signin.account', limit: 3, windowMs: 60_000 };
const T0 = Date.UTC(2026, 10, 23, 12);

async function startLimiter(make: MakeStores, input: { jitterMs?: number } = {}) {
  return (await make(input)).rateLimiter;
}

/** The RateLimiter contract over DynamoDB and the in-memory store. */
describe.each(accountStoreFactories)('[DC12] RateLimiter (%s)', (_name, make) => {
  it('allows `limit` attempts in a window, then refuses until the window ends', async () => {
    const limiter = await startLimiter(make);
    const results = [];
    for (let n = 0; n < 5; n++) results.push(await limiter.hit({ limit, key: 'ada@example.org', now: T0 + 10_000 + n }));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false, false]);
    expect(results[0]?.retryAfterMs).toBe(0);
    expect(results[3]?.retryAfterMs).toBe(60_000 - 10_003);
    expect(results[4]?.retryAfterMs).toBe(60_000 - 10_004);
  });

  it('counts each window on its own', async () => {
    const limiter = await startLimiter(make);
    for (let n = 0; n < 3; n++) await limiter.hit({ limit, key: 'k', now: T0 + 59_000 });
    expect((await limiter.hit({ limit, key: 'k', now: T0 + 59_999 })).allowed).toBe(false);
    expect((await limiter.hit({ limit, key: 'k', now: T0 + 60_000 })).allowed).toBe(true);
  });

  it('counts keys and buckets apart', async () => {
    const limiter = await startLimiter(make);
    for (let n = 0; n < 3; n++) await limiter.hit({ limit, key: 'a', now: T0 });
    expect((await limiter.hit({ limit, key: 'a', now: T0 })).allowed).toBe(false);
    expect((await limiter.hit({ limit, key: 'b', now: T0 })).allowed).toBe(true);
    expect((await limiter.hit({ limit: { ...limit, bucket: 'reset.account' }, key: 'a', now: T0 })).allowed).toBe(true);
  });

  it('keeps keys with odd characters apart, and takes keys of any length', async () => {
    const limiter = await startLimiter(make);
    const keys = ['a#b', 'a%23b', 'a', '2001:db8::1', '::ffff:192.0.2.1', 'Ada <ada@example.org>', 'ünïcødé 😀', '', 'x'.repeat(5_000), 'x'.repeat(5_001), 'lone \uD800'];
    for (const key of keys) {
      for (let n = 0; n < 3; n++) expect((await limiter.hit({ limit, key, now: T0 })).allowed).toBe(true);
    }
    for (const key of keys) expect((await limiter.hit({ limit, key, now: T0 })).allowed).toBe(false);
  });

  it('counts every one of many concurrent attempts', async () => {
    const limiter = await startLimiter(make, { jitterMs: 5 });
    const results = await Promise.all(Array.from({ length: 10 }, () => limiter.hit({ limit, key: 'k', now: T0 })));
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
  });
});
