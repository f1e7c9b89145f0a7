/**
 * The packages' import rules, checked (`boundaries.test.ts`, part of `pnpm test:unit`): what each
 * package's README says it may import, as an allow-list. A package's own sources may import only
 * what its rule names; its tests (`*.test.ts`, `src/testing/`) may also import the test runner,
 * Node's modules and other packages' `testing` helpers. No file may reach into another part of the
 * workspace by a relative path. Changing a rule means changing the package's README with it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

type Allowed = string | RegExp;

const node = /^node:/;
const oslo = /^@oslojs\//;

/** Per package under `packages/`: the module specifiers its sources may import. */
export const packageRules: Record<string, readonly Allowed[]> = {
  core: [],
  calls: ['@concord/core'],
  negotiation: ['@concord/core', '@concord/text/anchors', /^@concord\/sync\/(ports|document)$/, '@concord/calls/ports', 'yjs'],
  publication: ['@concord/core', /^@concord\/calls(\/ports)?$/],
  coalition: ['@concord/core', '@concord/auth/tokens'],
  accounts: ['@concord/core', '@concord/auth', oslo],
  auth: ['@concord/core', oslo, '@node-rs/argon2', 'node:crypto'],
  text: ['@concord/core', 'yjs', /^@tiptap\//, 'marked', 'diff', oslo],
  sync: ['@concord/core', 'yjs', 'y-protocols', /^y-protocols\//, /^lib0\//, 'lib0'],
  versions: ['@concord/core', /^@concord\/sync(\/ports)?$/, '@concord/text', 'yjs'],
  translations: ['@concord/core', /^@concord\/sync(\/ports)?$/, '@concord/text', /^@concord\/versions(\/ports)?$/, 'yjs'],
  export: ['@concord/core', /^@concord\/text(\/.+)?$/, 'yjs', 'bidi-js', 'docx', 'fast-xml-parser', 'fflate', 'mammoth', 'marked', 'pdfkit', 'turndown', 'unpdf', 'node:module', 'node:crypto'],
  // Not `@concord/auth` itself: its index loads the native argon2 binding.
  data: [/^@aws-sdk\//, '@concord/accounts/ports', '@concord/core', /^@concord\/calls(\/ports)?$/, '@concord/negotiation/ports', '@concord/publication/ports', /^@concord\/auth\/.+$/, /^@concord\/sync(\/.+)?$/, /^@concord\/versions(\/.+)?$/, oslo, 'ulid', 'dynalite', node],
  hub: ['@concord/data', '@concord/sync', '@concord/versions', /^@concord\/auth\/.+$/],
};

/** What every test file may import besides its package's rule: the runner, Node, and other packages' test helpers and memory stores. */
const forTests: readonly Allowed[] = ['vitest', node, /^@concord\/[a-z]+\/(testing|memory)(\/.+)?$/];

export interface Violation {
  file: string;
  specifier: string;
  why: string;
}

/** The module specifiers a source file imports or re-exports (static and dynamic). */
export function specifiersOf(source: string): string[] {
  const found = new Set<string>();
  const patterns = [/\bfrom\s+'([^']+)'/g, /\bimport\s+'([^']+)'/g, /\bimport\(\s*'([^']+)'\s*\)/g];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.add(match[1]!);
  return [...found];
}

function allows(rule: readonly Allowed[], specifier: string): boolean {
  return rule.some((allowed) => (typeof allowed === 'string' ? allowed === specifier : allowed.test(specifier)));
}

const isTestFile = (file: string) => file.endsWith('.test.ts') || file.split(sep).includes('testing');

/** Checks one file of package `name` (its path relative to the package's root). */
export function checkFile(input: { name: string; file: string; source: string }): Violation[] {
  const rule = packageRules[input.name];
  if (!rule) return [{ file: input.file, specifier: '', why: `no import rule for package ${input.name}` }];
  const packageRoot = resolve('/', 'packages', input.name);
  const at = resolve(packageRoot, input.file, '..');
  const violations: Violation[] = [];
  for (const specifier of specifiersOf(input.source)) {
    if (specifier.startsWith('.')) {
      const target = resolve(at, specifier);
      if (!target.startsWith(packageRoot + sep)) violations.push({ file: input.file, specifier, why: 'reaches outside its package by a relative path' });
      continue;
    }
    if (specifier === `@concord/${input.name}` || specifier.startsWith(`@concord/${input.name}/`)) {
      violations.push({ file: input.file, specifier, why: 'imports its own package by name' });
      continue;
    }
    if (allows(rule, specifier)) continue;
    if (isTestFile(input.file) && allows(forTests, specifier)) continue;
    violations.push({ file: input.file, specifier, why: `not in the import rule of @concord/${input.name} (scripts/boundaries.ts, packages/${input.name}/README.md)` });
  }
  return violations;
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every violation in the workspace's packages. */
export function checkWorkspace(root: string): Violation[] {
  const packages = readdirSync(join(root, 'packages'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
  return packages.flatMap(({ name }) => {
    const packageRoot = join(root, 'packages', name);
    return sourcesUnder(join(packageRoot, 'src')).flatMap((path) =>
      checkFile({ name, file: relative(packageRoot, path), source: readFileSync(path, 'utf8') }).map((v) => ({ ...v, file: `packages/${name}/${v.file}` })),
    );
  });
}

/**
 * One composition root (issue 15, item 2): the web app and the Lambda entries take their store
 * from `@concord/hub`'s `createHubContext`, so no source under `web/src` or `functions/src` makes
 * a DynamoDB client of its own. Each call found, by file.
 */
export function clientsOutsideTheHub(root: string): string[] {
  return ['web/src', 'functions/src'].flatMap((dir) =>
    sourcesUnder(join(root, dir))
      .filter((path) => !isTestFile(path) && /\bcreateDynamoClient\(/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(root, path)),
  );
}

/**
 * Each package's `exports` lists the modules other packages may import, one by one: a wildcard
 * (`./*`) would let any file become a dependency. The packages (and `functions`) whose exports
 * hold one.
 */
export function wildcardExports(root: string): string[] {
  const dirs = [...readdirSync(join(root, 'packages'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join('packages', e.name)), 'functions'];
  return dirs.filter((dir) => {
    const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as { exports?: Record<string, string> };
    return Object.keys(manifest.exports ?? {}).some((subpath) => subpath.includes('*'));
  });
}
