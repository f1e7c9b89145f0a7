/**
 * Accounts for the demo coalition: every delegate can sign in (email `given.family@<org>.example`,
 * a reserved domain that never delivers), and one person per role gets a password printed on
 * start — with a two-factor key already enrolled where the role requires two-factor, its current
 * code from `pnpm demo:code` — so a newcomer can try every role. Everyone else can set a password through "Forgot your password?"
 * (the mail lands in the local outbox).
 */
import { generateTotpKey, hashPassword, randomBytes, type SecretBox } from '@concord/auth';
import { normaliseEmail, twoFactorRequired, type Account, type Organisation, type User } from '@concord/core';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { demoLeadOrganisation, supportUnitName, type SeededDirectory } from './seed.ts';

export interface DemoAccount {
  role: string;
  name: string;
  organisation: string;
  email: string;
  password: string;
  /** Base32 TOTP key for an authenticator app, when the role requires two-factor. */
  totpKey: string | null;
}

/** Who gets a printed password: one delegate per role of the authorization matrix. */
const showcase: { role: string; pick: (org: Organisation) => boolean }[] = [
  { role: 'chair', pick: (org) => org.isChair },
  { role: 'member', pick: (org) => org.name === 'Canada' },
  { role: 'member', pick: (org) => org.name === 'Ghana' },
  { role: 'organisation lead', pick: (org) => org.name === demoLeadOrganisation },
  { role: 'secretariat', pick: (org) => org.name === supportUnitName },
  { role: 'advisory', pick: (org) => org.name === 'Wikimedia Foundation' },
  { role: 'observer', pick: (org) => org.name === 'Taiwan' },
];

export interface AccountWriter {
  create(account: Account): Promise<'ok' | 'email-taken'>;
}

export async function createDemoAccounts(input: {
  seeded: SeededDirectory;
  accounts: AccountWriter;
  secretBox: SecretBox;
  now: number;
}): Promise<DemoAccount[]> {
  const { seeded, now } = input;
  const orgById = new Map(seeded.organisations.map((org) => [org.id, org]));
  const shown: DemoAccount[] = [];
  // Nobody knows these: they only make the hash real until a reset sets a password.
  const unusable = await hashPassword(encodeBase32UpperCaseNoPadding(randomBytes(20)));
  for (const user of seeded.users) {
    const organisation = orgById.get(user.organisationId)!;
    const email = emailFor({ user, organisation });
    const role = showcase.find((entry) => entry.pick(organisation) && !shown.some((s) => s.organisation === organisation.name))?.role;
    const password = role ? readablePassword() : null;
    const totp = role && twoFactorRequired({ isChair: organisation.isChair, roles: user.roles }) ? generateTotpKey() : null;
    await input.accounts.create({
      userId: user.id,
      email,
      passwordHash: password ? await hashPassword(password) : unusable,
      totpKey: totp ? await input.secretBox.seal(totp) : null,
      totpLastStep: 0,
      privilegeVersion: 1,
      createdAt: now,
    });
    if (role && password) {
      shown.push({ role, name: user.name, organisation: organisation.name, email, password, totpKey: totp ? encodeBase32UpperCaseNoPadding(totp) : null });
    }
  }
  return shown;
}

/** `aino.virtanen@finland.example`: ASCII only, so every mail client takes it. */
export function emailFor(input: { user: Pick<User, 'name'>; organisation: Pick<Organisation, 'name'> }): string {
  const slug = (text: string, separator: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, separator)
      .replace(new RegExp(`^\\${separator}+|\\${separator}+$`, 'g'), '');
  return normaliseEmail(`${slug(input.user.name, '.')}@${slug(input.organisation.name, '-')}.example`);
}

/** Four groups of four letters and digits: easy to type from a terminal, 80 bits. */
function readablePassword(): string {
  const text = encodeBase32UpperCaseNoPadding(randomBytes(10)).toLowerCase();
  return text.match(/.{4}/g)!.join('-');
}

/** The table printed on start (as seeded: a password changed since is not known here). */
export function formatDemoAccounts(input: { accounts: DemoAccount[]; url: string }): string {
  const lines = input.accounts.map((a) => {
    const twoFactor = a.totpKey ? `  two-factor key ${a.totpKey}` : '';
    return `  ${a.role.padEnd(18)} ${a.name} (${a.organisation})\n  ${''.padEnd(18)} ${a.email}  password ${a.password}${twoFactor}`;
  });
  return [
    `Demo accounts, as seeded (sign in at ${input.url}/signin):`,
    ...lines,
    'Two-factor: `pnpm demo:code <email>` prints the current code (or add the key to an authenticator app).',
    'Lost a password? Use "Forgot your password?": the mail lands in the outbox (/outbox).',
  ].join('\n');
}
