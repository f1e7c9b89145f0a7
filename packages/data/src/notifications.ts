/**
 * In-app notifications, one partition per person (`NOTE#<userId>`), newest last by time. Each is
 * put only if absent under a key made of its time and event id, so an event told twice (a retry,
 * two schedulers) is stored once. Texts are not stored: the app words them in the reader's
 * language from `kind` and the facts kept.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { notificationKeys } from './keys.ts';
import { number, numOr, oneOf, strOr, text } from './fields.ts';
import { key, putIfAbsent, queryPrefix, updateItem, type Item } from './requests.ts';
import { tableDefinition } from './table-definition.ts';
import type { Notification, NotificationKind, NotificationStore, StoredNotification } from '@concord/calls/ports';

/** The notice types live with the calls that tell most of them (`@concord/calls`); mentions tell them too. */
export type { Notification, NotificationKind, NotificationStore, StoredNotification } from '@concord/calls/ports';

export function createNotificationStore(options: { client: DynamoDBDocumentClient; tableName: string }): NotificationStore {
  const { client, tableName } = options;
  const all = (userId: string): Promise<Item[]> => queryPrefix({ client, tableName, pk: notificationKeys.pk(userId), prefix: notificationKeys.prefix, descending: true });

  return {
    async add({ notifications }) {
      // Callers take `at` from the event itself (the call's opening, deadline or close), never
      // from the clock, so a repeat of one event has the same key and is not stored again.
      await Promise.all(
        notifications.map((n) => putIfAbsent({ client, tableName, item: { ...key({ pk: notificationKeys.pk(n.userId), sk: notificationKeys.sk(n) }), ...n, readAt: null } })),
      );
    },

    async list({ userId, limit = 50 }) {
      return (await all(userId)).slice(0, limit).map(notificationFrom);
    },

    async unreadCount({ userId }) {
      return (await all(userId)).filter((item) => typeof item.readAt !== 'number').length;
    },

    async markRead({ userId, ids, now }) {
      const items = (await all(userId)).filter((item) => typeof item.readAt !== 'number');
      const wanted = ids ? new Set(ids) : null;
      await Promise.all(
        items
          .filter((item) => !wanted || wanted.has(String(item[tableDefinition.sortKey])))
          .map((item) => updateItem({ client, tableName, key: key({ pk: notificationKeys.pk(userId), sk: String(item[tableDefinition.sortKey]) }), update: 'SET readAt = :now', values: { ':now': now } })),
      );
    },
  };
}

const kinds: readonly NotificationKind[] = ['call-opened', 'call-reminder', 'call-extended', 'call-closed', 'call-withdrawn', 'mention'];

function notificationFrom(item: Item): StoredNotification {
  return {
    id: text(item, tableDefinition.sortKey),
    userId: text(item, 'userId'),
    eventId: text(item, 'eventId'),
    kind: oneOf(item, 'kind', kinds),
    at: number(item, 'at'),
    statementId: text(item, 'statementId'),
    statementTitle: strOr(item, 'statementTitle', ''),
    callId: text(item, 'callId'),
    deadline: numOr(item, 'deadline', null),
    result: item.result === null || item.result === undefined ? null : oneOf(item, 'result', ['adopted', 'not-adopted']),
    mentionedBy: strOr(item, 'mentionedBy', null),
    readAt: numOr(item, 'readAt', null),
  };
}
