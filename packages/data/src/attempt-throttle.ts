/**
 * Exponential backoff per key (sign-in: an account and an address), one item per key,
 * `THROTTLE#<bucket>#<key>` / `THROTTLE`: how many attempts failed, and when the next may be made.
 * An attempt is claimed before it is checked and counts as failed until `clear`, so a crash or a
 * flood of parallel attempts cannot skip the wait: the claim is a conditional write on the count
 * it read, and of concurrent claims on one key exactly one wins. Expiry is checked on read (no
 * TTL on dynalite; the TTL attribute is still set for AWS).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { expiryItem } from './account-shapes.ts';
import { throttleKeys } from './keys.ts';
import { deleteItem, getOne, key, putIf } from './requests.ts';
import type { AttemptThrottle, Backoff, Claim } from '@concord/accounts/ports';

export function createAttemptThrottle(options: { client: DynamoDBDocumentClient; tableName: string }): AttemptThrottle {
  const { client, tableName } = options;
  const itemKey = (backoff: Backoff, throttled: string) => key({ pk: throttleKeys.pk({ bucket: backoff.bucket, key: throttled }), sk: throttleKeys.sk });

  return {
    async claim({ backoff, key: throttled, now }) {
      const at = itemKey(backoff, throttled);
      const item = await getOne({ client, tableName, key: at });
      const stored = typeof item?.failures === 'number' ? item.failures : null;
      const live = item && typeof item.expiresAtMs === 'number' && item.expiresAtMs > now;
      const failures = live && stored !== null ? stored : 0;
      const nextAt = live && typeof item?.nextAt === 'number' ? item.nextAt : 0;
      if (now < nextAt) return { allowed: false, retryAfterMs: nextAt - now };
      const counted = failures + 1;
      const claimed = await putIf({
        client,
        tableName,
        item: { ...at, failures: counted, nextAt: now + backoff.delayMs(counted), ...expiryItem(now + backoff.forgetAfterMs) },
        ...(stored === null ? { condition: 'attribute_not_exists(#sk)' } : { condition: 'failures = :stored', values: { ':stored': stored } }),
      });
      return claimed ? { allowed: true } : { allowed: false, retryAfterMs: 1_000 };
    },

    async clear({ backoff, key: throttled }) {
      await deleteItem({ client, tableName, key: itemKey(backoff, throttled) });
    },
  };
}
