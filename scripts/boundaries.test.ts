import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFile, checkWorkspace, clientsOutsideTheHub, packageRules, specifiersOf, wildcardExports } from './boundaries.ts';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = fileURLToPath(new URL('../', import.meta.url));

describe('the packages’ import rules', () => {
  it('hold across the workspace today', () => {
    expect(checkWorkspace(root)).toEqual([]);
  });

  it('refuse a deliberate bad import: the sync core reaching for DynamoDB', () => {
    const source = "import { createDocumentStore } from '@concord/data';\nimport * as Y from 'yjs';\n";
    expect(checkFile({ name: 'sync', file: 'src/engine.ts', source })).toEqual([
      expect.objectContaining({ file: 'src/engine.ts', specifier: '@concord/data' }),
    ]);
  });

  it('refuse the negotiation service reaching for the DynamoDB store, the web or Svelte, and let it import the text’s anchors', () => {
    const source = "import type { NegotiationStore } from '@concord/data/negotiation';\nimport { findAccessibleStatement } from '../../../web/src/lib/server/statements.ts';\nimport { m } from '$lib/paraglide/messages.js';\nimport { json } from '@sveltejs/kit';\nimport { resolveAnchor } from '@concord/text/anchors';\nimport type { Notification } from '@concord/calls/ports';\n";
    expect(checkFile({ name: 'negotiation', file: 'src/mentions.ts', source }).map((v) => v.specifier)).toEqual([
      '@concord/data/negotiation',
      '../../../web/src/lib/server/statements.ts',
      '$lib/paraglide/messages.js',
      '@sveltejs/kit',
    ]);
  });

  it('refuse a relative path out of the package, and the auth index (argon2) from the data package', () => {
    const source = "import { host } from '../../../functions/src/local/host.ts';\nimport { hashPassword } from '@concord/auth';\nimport { key } from './keys.ts';\n";
    expect(checkFile({ name: 'data', file: 'src/accounts.ts', source }).map((v) => v.specifier)).toEqual(['../../../functions/src/local/host.ts', '@concord/auth']);
  });

  it('let tests import the runner and other packages’ test helpers, and sources not', () => {
    const source = "import { it } from 'vitest';\nimport { createRecordingGateway } from '@concord/sync/testing/fixtures';\n";
    expect(checkFile({ name: 'versions', file: 'src/service.test.ts', source })).toEqual([]);
    expect(checkFile({ name: 'versions', file: 'src/service.ts', source }).map((v) => v.specifier)).toEqual(['vitest', '@concord/sync/testing/fixtures']);
  });

  it('ask a new package for its rule', () => {
    expect(packageRules.newcomer).toBeUndefined();
    expect(checkFile({ name: 'newcomer', file: 'src/index.ts', source: '' })).toEqual([expect.objectContaining({ why: expect.stringContaining('no import rule') })]);
  });

  it('read static, re-exported and dynamic imports', () => {
    const source = "import a from 'a';\nexport { b } from 'b';\nimport 'c';\nconst d = await import('d');\nimport type { E } from 'e';\n";
    expect(specifiersOf(source).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('find no DynamoDB client made outside the hub’s context, and find one made there', () => {
    expect(clientsOutsideTheHub(root)).toEqual([]);
    const tree = mkdtempSync(join(tmpdir(), 'boundaries-'));
    for (const dir of ['web/src/lib/server', 'functions/src']) mkdirSync(join(tree, dir), { recursive: true });
    writeFileSync(join(tree, 'web/src/lib/server/own.ts'), "const client = createDynamoClient({ endpoint });\n");
    writeFileSync(join(tree, 'functions/src/fine.ts'), "const { store } = createHubContext(process.env);\n");
    expect(clientsOutsideTheHub(tree)).toEqual(['web/src/lib/server/own.ts']);
  });

  it('find every package’s exports listed one by one, and a wildcard when there is one', () => {
    expect(wildcardExports(root)).toEqual([]);
    const tree = mkdtempSync(join(tmpdir(), 'exports-'));
    for (const [dir, exports] of [['packages/narrow', { '.': './src/index.ts', './ports': './src/ports.ts' }], ['packages/wide', { '.': './src/index.ts', './*': './src/*.ts' }], ['functions', { '.': './src/index.ts' }]] as const) {
      mkdirSync(join(tree, dir), { recursive: true });
      writeFileSync(join(tree, dir, 'package.json'), JSON.stringify({ exports }));
    }
    expect(wildcardExports(tree)).toEqual(['packages/wide']);
  });
});
