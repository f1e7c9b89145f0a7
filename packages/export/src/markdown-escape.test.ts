import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { exportDocument } from './export.ts';
import { safeMarkdownText } from './markdown-escape.ts';
import { documentOf } from './testing/fixtures.ts';

/** What a GFM viewer makes of the Markdown: HTML. */
const rendered = (markdown: string) => marked.parse(markdown, { async: false, gfm: true });

const hostile = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click me](javascript:alert(1))',
  '<javascript:alert(1)>',
  '![x](https://evil.example/t.png)',
  '`code` and ~~struck~~',
  '&lt;b&gt; | a | b |',
];

describe('Markdown export escaping', () => {
  it('renders hostile text as text: no tag, link, image, code or strikethrough', async () => {
    const document = documentOf({ markdown: 'Intro.', language: 'en', title: 'T' });
    const blocks = hostile.map((text) => ({ kind: 'paragraph' as const, level: 0, marker: '', indent: 0, topLevel: true, pieces: [{ text, marks: [] }] }));
    const explanation = '<a href="javascript:alert(1)">why</a>';
    const file = await exportDocument({
      format: 'markdown',
      document: { ...document, blocks, adoption: { procedure: 'explicit', adoptedAt: 0, positions: [{ organisation: '<b>Org</b>', stance: 'support', explanation }], silent: 0 } },
    });
    const html = rendered(new TextDecoder().decode(file.body));
    expect(html).not.toMatch(/<(script|img|code|del|b|table)\b/i);
    // A bare web address may show as a link (GFM autolinks); nothing else links.
    expect(html.match(/<a [^>]*>/g) ?? []).toEqual(['<a href="https://evil.example/t.png">']);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('[click me](javascript:alert(1))');
  });

  it('keeps a line that looks like a heading, list item or quote as a paragraph', () => {
    for (const text of ['# Not a heading', '- not an item', '+ nor this', '1. nor a numbered item', '> nor a quote', '===']) {
      expect(rendered(safeMarkdownText(text)).trim(), text).toBe(`<p>${text.replace('>', '&gt;')}</p>`);
    }
  });

  it('escapes a look-alike after a hard break too', () => {
    expect(rendered(safeMarkdownText('First line\n# second line')).trim()).toBe('<p>First line<br># second line</p>');
  });

  it('keeps marks and list structure from the text', async () => {
    const document = documentOf({ markdown: 'We **call** on _states_.\n\n- one <b>\n- two', language: 'en', title: 'T' });
    const html = rendered(new TextDecoder().decode((await exportDocument({ format: 'markdown', document })).body));
    expect(html).toContain('<strong>call</strong>');
    expect(html).toContain('<em>states</em>');
    expect(html).toMatch(/<li>one &lt;b&gt;<\/li>\s*<li>two<\/li>/);
  });
});
