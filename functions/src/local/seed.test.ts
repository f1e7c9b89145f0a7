import { fileURLToPath } from 'node:url';
import { documentFrom } from '@concord/sync';
import { createMemoryDocumentStore } from '@concord/sync/memory';
import { yDocToText } from '@concord/text';
import { describe, expect, it } from 'vitest';
import { currentChair, seedDemo, titleOf, type SeedRepositories } from './seed.ts';

const fixturesDir = fileURLToPath(new URL('../../../../shared/fixtures/', import.meta.url));

function memoryRepositories() {
  const rows = { coalitions: [] as unknown[], organisations: [] as unknown[], taskForces: [] as unknown[], users: [] as unknown[], statements: [] as unknown[] };
  const repositories: SeedRepositories = {
    coalitions: { list: async () => rows.coalitions as never, put: async (c) => void rows.coalitions.push(c) },
    organisations: { put: async (o) => void rows.organisations.push(o) },
    taskForces: { put: async (t) => void rows.taskForces.push(t) },
    users: { put: async (u) => void rows.users.push(u) },
    statements: { put: async (s) => void rows.statements.push(s) },
  };
  return { rows, repositories };
}

describe('seedDemo', () => {
  it('seeds the roster with a support unit, a delegate per organisation (two for the chair), roles, task forces and both statements', async () => {
    const { rows, repositories } = memoryRepositories();
    const documents = createMemoryDocumentStore();
    const now = Date.UTC(2026, 10, 23);
    const seeded = await seedDemo({ repositories, documents, fixturesDir, now });
    expect(seeded?.users).toHaveLength(52);

    const organisations = seeded!.organisations;
    expect(organisations).toHaveLength(51);
    expect(organisations.filter((o) => o.tier === 'member')).toHaveLength(41);
    expect(organisations.filter((o) => o.isChair).map((o) => o.name)).toEqual(['Estonia']);
    const users = seeded!.users;
    expect(new Set(users.map((u) => u.name)).size).toBe(52);
    const roleOf = (orgName: string) => users.find((u) => u.organisationId === organisations.find((o) => o.name === orgName)?.id)?.roles;
    expect(roleOf('FOC Support Unit')).toEqual(['secretariat']);
    expect(roleOf('Netherlands')).toEqual(['organisation-lead']);
    expect(rows.taskForces).toHaveLength(3);

    const statements = rows.statements as { id: string; title: string; language: string; visibility: { scope: string } }[];
    expect(statements.map((s) => [s.language, s.visibility.scope])).toEqual([['en', 'coalition'], ['zh-TW', 'members']]);
    expect(statements[0]?.title).toMatch(/^Joint civil society statement/);
    const text = yDocToText({ doc: documentFrom(await documents.load({ docId: statements[1]!.id })) });
    expect(text.split('\n')[0]).toBe('未來網際網路宣言');
    // The coalition is written last: its presence means the seed completed.
    expect(rows.coalitions).toHaveLength(1);
  });

  it('does nothing when a coalition exists', async () => {
    const { rows, repositories } = memoryRepositories();
    rows.coalitions.push({ id: 'coal_1', name: 'Existing' });
    expect(await seedDemo({ repositories, documents: createMemoryDocumentStore(), fixturesDir, now: 0 })).toBeNull();
    expect(rows.organisations).toEqual([]);
  });
});

describe('currentChair', () => {
  it('picks the latest chair not in the future', () => {
    const chairs = { '2024': 'Netherlands', '2025': 'Estonia', '2030': 'Future' };
    expect(currentChair({ chairs, year: 2026 })).toBe('Estonia');
    expect(currentChair({ chairs, year: 2024 })).toBe('Netherlands');
    expect(currentChair({ chairs, year: 2020 })).toBeNull();
  });
});

describe('titleOf', () => {
  it('takes the first heading, else the first line', () => {
    expect(titleOf('\n# Title here\n\nBody')).toBe('Title here');
    expect(titleOf('Plain first line\n\nBody')).toBe('Plain first line');
    expect(titleOf('')).toBe('Untitled');
  });
});
