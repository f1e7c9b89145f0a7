import { json } from '@sveltejs/kit';
import { publicationPorts } from '$lib/server/publication/context.ts';
import { declarationIndex, summaryJson } from '$lib/server/publication/public.ts';
import type { RequestHandler } from './$types';

/** Published declarations (`?coalition=`, `?q=` as on the index page), newest first. */
export const GET: RequestHandler = async ({ url }) => {
  const coalitionId = url.searchParams.get('coalition')?.slice(0, 80) || null;
  const q = url.searchParams.get('q')?.slice(0, 200) ?? '';
  const ports = publicationPorts();
  const records = await declarationIndex({ ports, coalitionId, q });
  // `?coalition=`: the key the coalition signs its adoption records with (null until it first signed).
  const key = coalitionId ? await ports.keys.publicKey(coalitionId) : null;
  const coalitionKey = key ? { publicKey: key.publicKey, keyId: key.keyId, format: 'ed25519', createdAt: new Date(key.createdAt).toISOString() } : null;
  return json({ declarations: records.map((r) => summaryJson(r, url.origin)), ...(coalitionId ? { coalitionKey } : {}) }, { headers: { 'cache-control': 'public, max-age=0, s-maxage=60', 'access-control-allow-origin': '*' } });
};
