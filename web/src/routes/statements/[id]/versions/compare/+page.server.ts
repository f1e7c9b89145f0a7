import { loading, requirePrincipal } from '$lib/server/guard.ts';
import { versionsDeps } from '$lib/server/versions/context.ts';
import { compareTwo, versionHistory, versionNumber } from '$lib/server/versions/versions.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const principal = requirePrincipal(event);
  const query = event.url.searchParams;
  const view = query.get('view') === 'inline' ? 'inline' : 'side';
  return loading(async () => {
    const deps = await versionsDeps();
    const history = await versionHistory({ deps, principal, statementId: event.params.id });
    const options = history.versions.map((v) => ({ seq: v.seq, name: v.name, createdAt: v.createdAt }));
    // Without a choice: the newest version against the one before it.
    const [newest, previous] = history.versions;
    if (!newest || !previous) return { statement: history.statement, options, view, result: null };
    const from = query.has('from') ? versionNumber(query.get('from')) : previous.seq;
    const to = query.has('to') ? versionNumber(query.get('to')) : newest.seq;
    const result = await compareTwo({ deps, principal, statementId: event.params.id, from, to });
    return { statement: history.statement, options, view, result };
  }, { area: 'versions' });
};
