/**
 * Demo data for an empty store: the coalition of `coalition-roster.json` with a delegate or two per
 * organisation, a support unit for the secretariat, its task forces, and two statements imported
 * from the fixtures (an English joint statement shared with everyone, a declaration in
 * Traditional Chinese for members only), so a newcomer opens real text.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  makeId,
  StakeholderGroup,
  Tier,
  type Coalition,
  type IdPrefix,
  type Organisation,
  type Role,
  type Statement,
  type TaskForce,
  type User,
  type Visibility,
} from '@concord/core';
import type { DocumentStore } from '@concord/sync';
import { markdownToYUpdate } from '@concord/text';

export interface SeedRepositories {
  coalitions: { list(): Promise<Coalition[]>; put(coalition: Coalition): Promise<void> };
  organisations: { put(organisation: Organisation): Promise<void> };
  taskForces: { put(taskForce: TaskForce): Promise<void> };
  users: { put(user: User): Promise<void> };
  statements: { put(statement: Statement): Promise<void> };
}

interface Roster {
  coalition: { name: string; chair: Record<string, string> };
  organisations: { name: string; tier: string; stakeholderGroup: string }[];
  taskForces?: string[];
}

/** What the seed made, for the demo accounts. */
export interface SeededDirectory {
  coalition: Coalition;
  organisations: Organisation[];
  users: User[];
}

const statementFixtures: { path: string; language: string; visibility: Visibility }[] = [
  { path: 'joint-statement-surveillance/en.md', language: 'en', visibility: { scope: 'coalition', taskForceId: null, advisory: true, observers: true } },
  { path: 'declaration-future-internet/zh-TW.md', language: 'zh-TW', visibility: { scope: 'members', taskForceId: null, advisory: false, observers: false } },
];

/** Given names and family names from many regions; delegate n gets a distinct pair. */
const givenNames = ['Amara', 'Lukas', 'Sofía', 'Kenji', 'Ingrid', 'Tomás', 'Leila', 'Mateus', 'Aino', 'Chidi', 'Marta', 'Rahul', 'Zeynep', 'Pieter', 'Nadia', 'Kwame', 'Elena', 'Hiroshi', 'Fatou', 'Jonas'];
const familyNames = ['Okafor', 'Tamm', 'García', 'Sato', 'Lindqvist', 'Novák', 'Haddad', 'Silva', 'Virtanen', 'Mensah', 'Kowalska', 'Iyer', 'Demir', 'de Vries', 'Benali', 'Asante', 'Popescu', 'Nakamura', 'Diallo', 'Berg'];

/** The organisation whose delegate leads it in the demo (an organisation lead). */
export const demoLeadOrganisation = 'Netherlands';
export const supportUnitName = 'FOC Support Unit';

/** Seeds the demo coalition unless the store already has a coalition; null when it had one. */
export async function seedDemo(input: {
  repositories: SeedRepositories;
  documents: DocumentStore;
  fixturesDir: string;
  now: number;
}): Promise<SeededDirectory | null> {
  const { repositories, documents, fixturesDir, now } = input;
  if ((await repositories.coalitions.list()).length > 0) return null;
  const roster = JSON.parse(await readFile(join(fixturesDir, 'coalition-roster.json'), 'utf8')) as Roster;
  const id = (prefix: IdPrefix) => makeId({ prefix, now, random: crypto.getRandomValues(new Uint8Array(10)) });

  const coalition: Coalition = { id: id('coal'), name: roster.coalition.name };
  const chairName = currentChair({ chairs: roster.coalition.chair, year: new Date(now).getUTCFullYear() });
  const organisations = [
    ...roster.organisations.map((entry) => toOrganisation({ entry, coalitionId: coalition.id, chairName, id: id('org') })),
    { id: id('org'), coalitionId: coalition.id, name: supportUnitName, tier: 'observer', stakeholderGroup: 'intergovernmental', isChair: false } satisfies Organisation,
  ];
  const users = delegates({ organisations, coalitionId: coalition.id, id: () => id('usr') });
  const taskForces = (roster.taskForces ?? []).map((name, n) => ({
    id: id('tf'),
    coalitionId: coalition.id,
    name,
    organisationIds: organisations.filter((_, i) => (i + n) % 5 === 0).map((o) => o.id),
  }));

  for (const organisation of organisations) await repositories.organisations.put(organisation);
  for (const taskForce of taskForces) await repositories.taskForces.put(taskForce);
  for (const user of users) await repositories.users.put(user);
  for (const fixture of statementFixtures) {
    const markdown = await readFile(join(fixturesDir, fixture.path), 'utf8');
    const statement: Statement = {
      id: id('stmt'),
      coalitionId: coalition.id,
      title: titleOf(markdown),
      language: fixture.language,
      visibility: fixture.visibility,
      penHolderIds: [],
      advisoryParticipation: true,
      amendmentDecisions: 'editors',
      createdAt: now,
      updatedAt: now,
    };
    await documents.appendUpdate({ docId: statement.id, update: markdownToYUpdate({ markdown }), origin: 'seed' });
    await repositories.statements.put(statement);
  }
  // Last: a coalition in the store means the seed is complete (a crash before this reseeds).
  await repositories.coalitions.put(coalition);
  return { coalition, organisations, users };
}

/** One delegate per organisation, two for the chair; the lead organisation's leads it, the support unit's is the secretariat. */
function delegates(input: { organisations: Organisation[]; coalitionId: string; id: () => string }): User[] {
  const seats = input.organisations.flatMap((organisation) => Array.from({ length: organisation.isChair ? 2 : 1 }, () => organisation));
  return seats.map((organisation, n) => {
    const roles: Role[] =
      organisation.name === supportUnitName ? ['secretariat'] : organisation.name === demoLeadOrganisation ? ['organisation-lead'] : [];
    return {
      id: input.id(),
      name: `${givenNames[n % givenNames.length]} ${familyNames[(n * 7 + Math.floor(n / givenNames.length)) % familyNames.length]}`,
      organisationId: organisation.id,
      coalitionId: input.coalitionId,
      roles,
      status: 'active',
    };
  });
}

/** The chair of the latest year on record that is not in the future. */
export function currentChair(input: { chairs: Record<string, string>; year: number }): string | null {
  const years = Object.keys(input.chairs).map(Number).filter((y) => y <= input.year).sort((a, b) => b - a);
  return years.length > 0 ? (input.chairs[String(years[0])] ?? null) : null;
}

function toOrganisation(input: {
  entry: Roster['organisations'][number];
  coalitionId: string;
  chairName: string | null;
  id: string;
}): Organisation {
  const { entry } = input;
  const tier = Object.values(Tier).find((t) => t === entry.tier);
  const group = Object.values(StakeholderGroup).find((g) => g === entry.stakeholderGroup);
  if (!tier || !group) throw new Error(`roster: unknown tier or stakeholder group for ${entry.name}`);
  return { id: input.id, coalitionId: input.coalitionId, name: entry.name, tier, stakeholderGroup: group, isChair: entry.name === input.chairName };
}

/** The text of the first heading, or the first line. */
export function titleOf(markdown: string): string {
  const lines = markdown.split('\n').map((line) => line.trim()).filter(Boolean);
  const heading = lines.find((line) => line.startsWith('#')) ?? lines[0] ?? 'Untitled';
  return heading.replace(/^#+\s*/, '').slice(0, 200);
}
