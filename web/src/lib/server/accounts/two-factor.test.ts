import { totpCode } from '@concord/auth';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { describe, expect, it } from 'vitest';
import { createFakeContext, seedCoalition } from '../testing/fakes.ts';
import { beginEnrolment, completeEnrolment, disableTwoFactor, resumeEnrolment, sealedFromField } from './two-factor.ts';

const now = 1_800_000_000_000;

async function setup() {
  const fake = await createFakeContext({ now: () => now });
  const seeded = await seedCoalition(fake);
  return { fake, ...seeded };
}

const keyOf = (manualKey: string) => decodeBase32IgnorePadding(manualKey.replace(/\s/g, ''));

describe('beginEnrolment', () => {
  it('offers a sealed key, its QR code as SVG and the key in base32', async () => {
    const { fake } = await setup();
    const enrolment = await beginEnrolment({ context: fake.context, email: 'member@test.example' });
    expect(enrolment.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(enrolment.qrSvg).not.toMatch(/<script|style=/);
    expect(enrolment.manualKey).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    const opened = await fake.context.secretBox.open(sealedFromField(enrolment.pending)!);
    expect(opened).toEqual(keyOf(enrolment.manualKey));
  });

  it('shows the same key again after a wrong code, and a new one for a tampered field', async () => {
    const { fake } = await setup();
    const enrolment = await beginEnrolment({ context: fake.context, email: 'member@test.example' });
    expect((await resumeEnrolment({ context: fake.context, pending: enrolment.pending, email: 'member@test.example' })).manualKey).toBe(enrolment.manualKey);
    expect((await resumeEnrolment({ context: fake.context, pending: 'AAAA.BBBB', email: 'member@test.example' })).manualKey).not.toBe(enrolment.manualKey);
  });
});

describe('completeEnrolment', () => {
  it('saves the key once a code from it is typed, and that code cannot be used again', async () => {
    const { fake, people } = await setup();
    const enrolment = await beginEnrolment({ context: fake.context, email: 'member@test.example' });
    const code = totpCode({ key: keyOf(enrolment.manualKey), now });
    await completeEnrolment({ context: fake.context, principal: people.member, pending: enrolment.pending, code, now });
    const account = await fake.context.accounts.get('usr_Member');
    expect(account?.totpKey).toEqual(sealedFromField(enrolment.pending));
    expect(account?.totpLastStep).toBe(Math.floor(now / 30_000));
  });

  it('refuses a wrong code and a tampered key, and saves nothing', async () => {
    const { fake, people } = await setup();
    const enrolment = await beginEnrolment({ context: fake.context, email: 'member@test.example' });
    const code = totpCode({ key: keyOf(enrolment.manualKey), now: now + 10 * 60_000 });
    await expect(completeEnrolment({ context: fake.context, principal: people.member, pending: enrolment.pending, code, now })).rejects.toMatchObject({ code: 'input.code' });
    const tampered = `${enrolment.pending.split('.')[0]}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
    await expect(completeEnrolment({ context: fake.context, principal: people.member, pending: tampered, code: '123456', now })).rejects.toMatchObject({ code: 'input.form' });
    expect((await fake.context.accounts.get('usr_Member'))?.totpKey).toBeNull();
  });
});

describe('disableTwoFactor', () => {
  async function enrolled(setupResult: Awaited<ReturnType<typeof setup>>, principal: typeof setupResult.people.member) {
    const enrolment = await beginEnrolment({ context: setupResult.fake.context, email: 'x@test.example' });
    const key = keyOf(enrolment.manualKey);
    await completeEnrolment({ context: setupResult.fake.context, principal, pending: enrolment.pending, code: totpCode({ key, now }), now });
    return key;
  }

  it('turns two-factor off with a current code', async () => {
    const s = await setup();
    const key = await enrolled(s, s.people.member);
    const later = now + 60_000;
    await disableTwoFactor({ context: s.fake.context, principal: s.people.member, code: totpCode({ key, now: later }), now: later });
    expect((await s.fake.context.accounts.get('usr_Member'))?.totpKey).toBeNull();
  });

  it('refuses when the role requires two-factor, or the code is wrong', async () => {
    const s = await setup();
    const key = await enrolled(s, s.people.lead);
    const later = now + 60_000;
    await expect(disableTwoFactor({ context: s.fake.context, principal: s.people.lead, code: totpCode({ key, now: later }), now: later })).rejects.toMatchObject({ kind: 'input' });
    await enrolled(s, s.people.member);
    await expect(disableTwoFactor({ context: s.fake.context, principal: s.people.member, code: '000000', now: later })).rejects.toMatchObject({ code: 'input.code' });
  });
});
