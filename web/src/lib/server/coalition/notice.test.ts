import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { caught, createFakeContext, seedCoalition } from '../testing/fakes.ts';
import { setNotice } from './notice.ts';

const now = 1_800_000_000_000;

async function setup() {
  const fake = await createFakeContext({ now: () => now });
  return { fake, ...(await seedCoalition(fake)) };
}

describe('setNotice', () => {
  it('stores the notice per procedure and audits what it was and what it became', async () => {
    const { fake, people } = await setup();
    expect(await setNotice({ context: fake.context, actor: people.secretariat, silenceHours: '120', explicitHours: '48', now })).toBe(true);
    expect((await fake.context.directory.coalitions.get(people.chair.coalitionId))?.notice).toEqual({ silenceHours: 120, explicitHours: 48 });
    expect(fake.store.audit.at(-1)).toMatchObject({
      action: 'coalition.notice-changed',
      details: { silenceHoursFrom: 72, silenceHoursTo: 120, explicitHoursFrom: 24, explicitHoursTo: 48 },
    });
    expect(await setNotice({ context: fake.context, actor: people.chair, silenceHours: '120', explicitHours: '48', now })).toBe(false);
  });

  it('refuses hours that are not whole, in range, and anyone but the chair and the secretariat, changing nothing', async () => {
    const { fake, people } = await setup();
    for (const hours of ['0', '1.5', '-3', '1441', 'soon', '']) {
      await expect(setNotice({ context: fake.context, actor: people.chair, silenceHours: hours, explicitHours: '24', now })).rejects.toMatchObject({ code: 'input.notice' });
    }
    const refused = await caught(() => setNotice({ context: fake.context, actor: people.member, silenceHours: '1', explicitHours: '1', now }));
    expect(isHttpError(refused) && refused.status).toBe(403);
    expect((await fake.context.directory.coalitions.get(people.chair.coalitionId))?.notice).toBeUndefined();
  });
});
