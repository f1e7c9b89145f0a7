/** No component writes words a person reads without the messages (see hardcoded.ts). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findHardCoded } from './hardcoded.ts';

const src = join(import.meta.dirname, '../..');

function svelteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'paraglide') return [];
    return statSync(path).isDirectory() ? svelteFiles(path) : name.endsWith('.svelte') ? [path] : [];
  });
}

describe('hard-coded strings', () => {
  it('no component of the web app shows words that do not come from the messages', () => {
    const found = svelteFiles(src).flatMap((path) => findHardCoded({ source: readFileSync(path, 'utf8'), filename: relative(src, path) }));
    expect(found).toEqual([]);
  });

  it('finds text, spoken attributes, button values and rendered literals, and lets the rest be', () => {
    const source = `<script>let a = 'Not shown';</script>
<h1>Statements</h1>
<button aria-label="Close">×</button>
<input type="submit" value="Send" />
<img alt="A map" src="x.png" />
<p>{ok ? 'Yes' : m.no()}</p>
<p>{name || 'nobody'}</p>
<a class="brand" href="/" data-testid="brand">Concord</a>
<p>{m.hello({ name: 'Ada' })} · 42 — (1)</p>
<input name="q" value="kept" />
<ol style:block-size={\`\${h}px\`} class:wide={w === 'Wide'}><li>{\`\${n} items\`}</li></ol>
<style>p { content: 'Not shown either'; }</style>`;
    expect(findHardCoded({ source, filename: 'Sample.svelte' }).map((f) => f.text)).toEqual(['Statements', 'Close', 'Send', 'A map', 'Yes', 'nobody', 'items']);
  });
});
