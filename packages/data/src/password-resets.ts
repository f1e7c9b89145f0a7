/**
 * Password resets: `RESET#<id>` / `RESET` (the id is the emailed token's SHA-256) with the TTL at
 * its expiry. `consume` is one DeleteItem returning the old item, so a reset link works once,
 * even when opened twice at the same moment.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { fail, type PasswordReset } from '@concord/core';
import { resetFrom, resetItem } from './account-shapes.ts';
import { resetKeys } from './keys.ts';
import { getOne, key, putIfAbsent, takeItem } from './requests.ts';
import type { PasswordResets } from '@concord/accounts/ports';

export function createPasswordResets(options: { client: DynamoDBDocumentClient; tableName: string }): PasswordResets {
  const { client, tableName } = options;
  const resetKey = (id: string) => key({ pk: resetKeys.pk(id), sk: resetKeys.sk });
  return {
    async create(reset) {
      const stored = await putIfAbsent({ client, tableName, item: { ...resetKey(reset.id), ...resetItem(reset) } });
      if (!stored) throw fail.conflict('password-reset.exists', 'a password reset with this id exists');
    },

    async get({ id, now }) {
      const item = await getOne({ client, tableName, key: resetKey(id) });
      const reset = item ? resetFrom(item) : null;
      return reset && reset.expiresAt > now ? reset : null;
    },

    async consume({ id, now }) {
      const item = await takeItem({ client, tableName, key: resetKey(id) });
      const reset = item ? resetFrom(item) : null;
      return reset && reset.expiresAt > now ? reset : null;
    },
  };
}
