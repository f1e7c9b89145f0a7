import { createMemoryDocumentStore } from '@concord/sync/memory';
import { documentFrom } from '@concord/sync';
import { yDocToText } from '@concord/text';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { currentChair, seedDemo, titleOf, type SeedRepositories } from './seed.ts';

const fixturesDir = fileURLToPath(new URL('../../../../shared/fixtures/', import.meta.url));

function memoryRepositories() {
  const rows = { coalitions: [] as unknown[], organisations: [] as unknown[], users: [] as unknown[], statements: [] as unknown[] };
  const repositories: SeedRepositories = {
    coalitions: { list: async () => rows.coalitions as never, put: async (c) => void rows.coalitions.push(c) },
    organisations: { put: async (o) => void rows.organisations.push(o) },
    users: { put: async (u) => void rows.users.push(u) },
    statements: { put: async (s) => void rows.statements.push(s) },
  };
  return { rows, repositories };
}

describe('seedDemo', () => {
  it('seeds the roster, a delegate per organisation (two for the chair) and both fixture statements', async () => {
    const { rows, repositories } = memoryRepositories();
    const documents = createMemoryDocumentStore();
    const now = Date.UTC(2026, 10, 23);
    expect(await seedDemo({ repositories, documents, fixturesDir, now })).toBe('seeded');

    const organisations = rows.organisations as { id: string; name: string; tier: string; isChair: boolean }[];
    expect(organisations).toHaveLength(50);
    expect(organisations.filter((o) => o.tier === 'member')).toHaveLength(41);
    expect(organisations.filter((o) => o.isChair).map((o) => o.name)).toEqual(['Estonia']);
    const users = rows.users as { name: string; organisationId: string }[];
    expect(users).toHaveLength(51);
    expect(new Set(users.map((u) => u.name)).size).toBe(51);

    const statements = rows.statements as { id: string; title: string; language: string }[];
    expect(statements.map((s) => s.language)).toEqual(['en', 'zh-TW']);
    expect(statements[0]?.title).toMatch(/^Joint civil society statement/);
    const text = yDocToText({ doc: documentFrom(await documents.load({ docId: statements[1]!.id })) });
    expect(text.split('\n')[0]).toBe('未來網際網路宣言');
  });

  it('does nothing when a coalition exists', async () => {
    const { rows, repositories } = memoryRepositories();
    rows.coalitions.push({ id: 'coal_1', name: 'Existing' });
    expect(await seedDemo({ repositories, documents: createMemoryDocumentStore(), fixturesDir, now: 0 })).toBe('already-seeded');
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
