/**
 * Fixed-window rate limits: one counter item per limit, key and window,
 * `RATE#<bucket>#<key>#<window start>` / `RATE`, bumped with `ADD` (atomic, no read first) and
 * expiring (TTL) when its window ends. The window start is part of the key, so an old counter is
 * never read again whether or not it has been swept.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { rateWindow, type RateLimit } from '@concord/core';
import { expiryItem } from './account-shapes.ts';
import { rateKeys } from './keys.ts';
import { key, updateIf, updateItem } from './requests.ts';
import { tableDefinition } from './table-definition.ts';
import type { RateLimiter } from '@concord/accounts/ports';

export function createRateLimiter(options: { client: DynamoDBDocumentClient; tableName: string }): RateLimiter {
  const { client, tableName } = options;
  const counterKey = (input: { limit: RateLimit; key: string; now: number }) =>
    key({ pk: rateKeys.pk({ bucket: input.limit.bucket, key: input.key, windowStart: rateWindow(input).start }), sk: rateKeys.sk });
  return {
    async hit(input) {
      const { limit, now } = input;
      const window = rateWindow({ limit, now });
      const expiry = expiryItem(window.end);
      const result = await updateItem({
        client,
        tableName,
        key: counterKey(input),
        update: 'ADD attempts :one SET expiresAtMs = :expiresAtMs, #ttl = :ttl',
        values: { ':one': 1, ':expiresAtMs': expiry.expiresAtMs, ':ttl': expiry[tableDefinition.ttlAttribute] },
        returning: 'UPDATED_NEW',
      });
      const attempts = result.attempts;
      if (typeof attempts !== 'number') throw new TypeError('the rate counter lacks a numeric attempts');
      const allowed = attempts <= limit.limit;
      return { allowed, retryAfterMs: allowed ? 0 : window.end - now };
    },

    async refund(input) {
      await updateIf({ client, tableName, key: counterKey(input), update: 'ADD attempts :minusOne', condition: 'attempts > :zero', values: { ':minusOne': -1, ':zero': 0 } });
    },
  };
}
