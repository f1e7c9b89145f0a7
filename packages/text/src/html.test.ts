import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { blocksToHtml, escapeHtml, renderMarkdown, renderState } from './html.ts';
import { markdownToYUpdate } from './text.ts';

function stateOf(markdown: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, markdownToYUpdate({ markdown }));
  const state = Y.encodeStateAsUpdateV2(doc);
  doc.destroy();
  return state;
}

describe('renderState', () => {
  it('renders headings one level down, paragraphs, marks and numbered items with their numbers', () => {
    const { html } = renderState({ state: stateOf('# Title\n\nWe **call** on *states*:\n\n1. to stop;\n2. to repair.\n\n- a\n  - b\n') });
    expect(html).toBe(
      ['<h2>Title</h2>', '<p>We <strong>call</strong> on <em>states</em>:</p>', '<ol>', '<li value="1">to stop;', '</li>', '<li value="2">to repair.', '</li></ol>', '<ul>', '<li>a', '<ul>', '<li>b', '</li></ul>', '</li></ul>'].join('\n'),
    );
  });

  it('escapes the text: markup typed into a statement stays text', () => {
    const { html, plainText } = renderState({ state: stateOf('Use <script>alert("x")</script> & "quotes"\n') });
    expect(html).toBe('<p>Use &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;</p>');
    expect(plainText).toBe('Use <script>alert("x")</script> & "quotes"');
  });

  it('keeps every paragraph of the joint statement, in order', () => {
    const markdown = readFileSync(new URL('../../../../shared/fixtures/joint-statement-surveillance/en.md', import.meta.url), 'utf8');
    const { html, plainText } = renderState({ state: stateOf(markdown) });
    const paragraphs = plainText.split('\n');
    expect(paragraphs.length).toBeGreaterThan(10);
    let from = 0;
    for (const paragraph of paragraphs) {
      const at = html.indexOf(escapeHtml(paragraph.slice(0, 40)), from);
      expect(at, paragraph).toBeGreaterThanOrEqual(from);
      from = at;
    }
  });

  it('renders Markdown as it would render once stored', () => {
    const markdown = '# A\n\nB *c*\n\n1. d\n';
    expect(renderMarkdown({ markdown })).toEqual(renderState({ state: stateOf(markdown) }));
  });

  it('renders nothing for an empty text', () => {
    expect(blocksToHtml({ blocks: [] })).toBe('');
  });
});
