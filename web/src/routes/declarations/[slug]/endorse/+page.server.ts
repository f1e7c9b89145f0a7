import { m } from '$lib/paraglide/messages.js';
import { webContext } from '$lib/server/context.ts';
import { act, textField, type FormProblem } from '$lib/server/forms.ts';
import { loading } from '$lib/server/guard.ts';
import { publicationPorts } from '$lib/server/publication/context.ts';
import { declaration } from '$lib/server/publication/public.ts';
import { endorsementLimits, endorsementRateLimit, type Endorser, type Principal } from '@concord/core';
import { fail } from '@sveltejs/kit';
import { endorse } from '@concord/publication';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

/** A signed-in person of a member organisation of the declaration's coalition endorses as it; anyone else as an outsider. */
function endorserOf(principal: Principal | null, coalitionId: string): Endorser {
  if (principal && principal.coalitionId === coalitionId && principal.tier === 'member') {
    return { kind: 'member', organisationId: principal.organisationId, organisationName: principal.organisationName };
  }
  return { kind: 'outsider' };
}

export const load: PageServerLoad = async ({ params, locals, url }) => {
  const { publication, signOnOpen } = await loading(() => declaration({ ports: publicationPorts(), slug: params.slug, now: Date.now() }), { area: 'publication' });
  const endorser = endorserOf(locals.principal, publication.coalitionId);
  return {
    slug: publication.slug,
    title: publication.title,
    language: publication.language,
    dir: publication.dir,
    signOnOpen,
    outsiders: publication.signOn?.outsiders ?? false,
    memberName: endorser.kind === 'member' ? endorser.organisationName : null,
    done: url.searchParams.get('done') === '1',
  };
};

export const actions: Actions = {
  default: async ({ params, request, locals, getClientAddress }) => {
    const data = await request.formData();
    const ports = publicationPorts();
    const hit = await (await webContext()).rateLimiter.hit({ limit: endorsementRateLimit, key: getClientAddress(), now: Date.now() });
    if (!hit.allowed) return fail(429, { form: 'endorse', code: 'signon.rate-limited', field: null, message: m.publication_error_rate_limited() } satisfies FormProblem);
    return act({
      form: 'endorse',
      area: 'publication',
      run: async () => {
        const { publication } = await declaration({ ports, slug: params.slug, now: Date.now() });
        await endorse({
          ports,
          slug: publication.slug,
          endorser: endorserOf(locals.principal, publication.coalitionId),
          // Cut one past the limits so the core rules refuse an over-long entry instead of storing a cut one.
          request: { name: textField(data, 'name', endorsementLimits.nameMax + 1), country: textField(data, 'country', endorsementLimits.countryMax + 1), contact: textField(data, 'contact', endorsementLimits.contactMax + 1) },
          now: Date.now(),
        });
      },
      then: `/declarations/${encodeURIComponent(params.slug)}/endorse?done=1`,
    });
  },
};
