import { signInBackoff, signInDelayMs, type RateLimit } from '@concord/core';
import { describe, expect, it } from 'vitest';
import { accountStoreFactories } from '../../support/account-stores.ts';

const backoff = { bucket: signInBackoff.bucket, delayMs: signInDelayMs, forgetAfterMs: signInBackoff.forgetAfterMs };
const T0 = Date.UTC(2026, 10, 23, 12);
const key = 'ada@example.org\n203.0.113.7';

/** The AttemptThrottle contract over DynamoDB and the in-memory store. */
describe.each(accountStoreFactories)('AttemptThrottle (%s)', (_name, make) => {
  it('lets the free attempts through, then makes each wait twice as long, and forgets on clear', async () => {
    const { throttle } = await make();
    for (let n = 0; n < signInBackoff.freeFailures; n++) expect(await throttle.claim({ backoff, key, now: T0 })).toEqual({ allowed: true });
    expect(await throttle.claim({ backoff, key, now: T0 + 400 })).toEqual({ allowed: false, retryAfterMs: 600 });
    expect(await throttle.claim({ backoff, key, now: T0 + 1_000 })).toEqual({ allowed: true });
    expect(await throttle.claim({ backoff, key, now: T0 + 2_999 })).toEqual({ allowed: false, retryAfterMs: 1 });
    // Another address for the same account is not slowed.
    expect(await throttle.claim({ backoff, key: 'ada@example.org\n198.51.100.2', now: T0 + 1_001 })).toEqual({ allowed: true });
    await throttle.clear({ backoff, key });
    expect(await throttle.claim({ backoff, key, now: T0 + 1_002 })).toEqual({ allowed: true });
  });

  it('lets exactly one of many parallel attempts through once the free ones are used', async () => {
    const { throttle } = await make({ jitterMs: 5 });
    for (let n = 0; n < signInBackoff.freeFailures; n++) await throttle.claim({ backoff, key, now: T0 });
    const results = await Promise.all(Array.from({ length: 20 }, () => throttle.claim({ backoff, key, now: T0 + 1_000 })));
    expect(results.filter((r) => r.allowed)).toHaveLength(1);
  });

  it('starts again from zero once a key was quiet for a day', async () => {
    const { throttle } = await make();
    for (let n = 0; n < 10; n++) await throttle.claim({ backoff, key, now: T0 + n * 60_000 });
    const dayLater = T0 + 9 * 60_000 + signInBackoff.forgetAfterMs;
    for (let n = 0; n < signInBackoff.freeFailures; n++) expect((await throttle.claim({ backoff, key, now: dayLater })).allowed).toBe(true);
  });
});

describe.each(accountStoreFactories)('RateLimiter.refund (%s)', (_name, make) => {
  it('gives an attempt back, never below zero', async () => {
    const { rateLimiter: limiter } = await make();
    const limit: RateLimit = { bucket: 'two-factor.account', limit: 2, windowMs: 60_000 };
    await limiter.refund({ limit, key: 'k', now: T0 });
    for (let n = 0; n < 5; n++) {
      expect((await limiter.hit({ limit, key: 'k', now: T0 })).allowed).toBe(true);
      await limiter.refund({ limit, key: 'k', now: T0 });
    }
    await limiter.hit({ limit, key: 'k', now: T0 });
    await limiter.hit({ limit, key: 'k', now: T0 });
    expect((await limiter.hit({ limit, key: 'k', now: T0 })).allowed).toBe(false);
  });
});
