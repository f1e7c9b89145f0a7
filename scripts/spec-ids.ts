/**
 * The guarantees of `packages/sync/PROTOCOL.md` (§6, `G1`…) and the consistency rules of
 * `packages/data/README.md` (`DC1`…) have stable ids, and the tests that prove them carry the ids
 * in their names (`describe('[G1, G6] …')`, a range as `[DC1–DC4]`), as tldraw's SPEC.md does:
 * a reader goes from a promise to its proof, and back. This finds an id documented but proved by
 * no test, and one cited by a test but documented nowhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The ids a document defines: `G1` rows of a table, `DC1` bold labels. */
export function documentedIds(text: string): string[] {
  const ids = [...text.matchAll(/^\| (G\d+) \|/gm), ...text.matchAll(/^- \*\*(DC\d+) /gm)].map((m) => m[1] as string);
  return [...new Set(ids)];
}

/** The ids a test source cites in the names it gives: `[G1, G6]`, `[DC1–DC4]` (en dash or hyphen). */
export function citedIds(source: string): string[] {
  const ids: string[] = [];
  for (const [, list] of source.matchAll(/(?:describe|it|test|\))(?:\.each\([^)]*\))?\(\s*['`]\[((?:G|DC)\d+(?:\s*(?:,|–|-)\s*(?:G|DC)\d+)*)\]/g)) {
    for (const part of (list as string).split(',')) {
      const range = part.trim().match(/^(G|DC)(\d+)\s*[–-]\s*(?:G|DC)(\d+)$/);
      if (range) for (let n = Number(range[2]); n <= Number(range[3]); n++) ids.push(`${range[1]}${n}`);
      else ids.push(part.trim());
    }
  }
  return ids;
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return /\.(test|spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}

export function checkSpecIds(root: string): { uncited: string[]; undocumented: string[] } {
  const documented = new Set([...documentedIds(readFileSync(join(root, 'packages/sync/PROTOCOL.md'), 'utf8')), ...documentedIds(readFileSync(join(root, 'packages/data/README.md'), 'utf8'))]);
  const cited = new Set(['packages', 'test', 'web/src', 'functions/src'].flatMap((dir) => testFiles(join(root, dir))).flatMap((path) => citedIds(readFileSync(path, 'utf8'))));
  return { uncited: [...documented].filter((id) => !cited.has(id)), undocumented: [...cited].filter((id) => !documented.has(id)) };
}
