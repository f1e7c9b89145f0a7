import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSpecIds, citedIds, documentedIds } from './spec-ids.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

describe('the guarantees’ and consistency rules’ ids', () => {
  it('are each proved by a test that names them, and tests name no other', () => {
    expect(checkSpecIds(root)).toEqual({ uncited: [], undocumented: [] });
  });

  it('are read from the documents and from test names, ranges included', () => {
    expect(documentedIds('| G1 | converge |\n| G2 | refuse |\n- **DC3 Commit**: …\n- **Other**')).toEqual(['G1', 'G2', 'DC3']);
    const source = "describe('[G1, G6] network', () => {});\nit('[DC1–DC3] store', () => {});\nit('plain [G9] in the middle', () => {});\ndescribe.each([['a (b)', 1]])('[G4] each', () => {});\n";
    expect(citedIds(source)).toEqual(['G1', 'G6', 'DC1', 'DC2', 'DC3', 'G4']);
  });
});
