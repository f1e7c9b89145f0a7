/**
 * The local host's ConnectionRegistry: the gateway's own live connections, held in this process's
 * memory — as API Gateway's own registry is in AWS — so a message reads its room without a store
 * request. Presence lives only here: nothing outside the gateway reads it. A host restart closes
 * every socket, so nothing in memory outlives the connections it describes.
 *
 * Who else reads connections — the web app (`evictUser`, `evictDocument`, notices) and the call
 * timer — runs in this process when the store is its own (`CONCORD_STORE_OWNED`): the host then
 * publishes these connections to them (`@concord/data` live-connections.ts) and writes nothing
 * to DynamoDB when a socket opens or closes. Otherwise (a store that another process may read)
 * connecting and leaving are written through to DynamoDB, awaited. PROTOCOL.md §9, "Two hosts".
 */
import type { DynamoConnectionRegistry, LiveConnections } from '@concord/data';
import type { ConnectionRegistry } from '@concord/sync';
import { createMemoryConnectionRegistry } from '@concord/sync/memory';

export function createLiveRegistry(input: { durable?: Pick<DynamoConnectionRegistry, 'add' | 'remove'> }): ConnectionRegistry & LiveConnections {
  const { durable } = input;
  const live = createMemoryConnectionRegistry({ inMemory: true });
  return {
    inMemory: true,
    async add(record) {
      await durable?.add(record);
      await live.add(record);
    },
    get: live.get,
    async remove(connection) {
      const record = await live.remove(connection);
      await durable?.remove(connection);
      return record;
    },
    countForUser: live.countForUser!,
    listByUser: live.listByUser,
    listForDocument: live.listForDocument,
    listLive: live.listLive!,
    setAwareness: live.setAwareness,
  };
}
