import { describe, expect, it } from 'vitest';
import { statementSchema } from './extensions.ts';
import { renderMarkdown } from './html.ts';
import { markdownToProseMirrorJSON } from './markdown.ts';

const docWithLink = (href: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'the Covenant', marks: [{ type: 'link', attrs: { href } }] }] }] });

describe('the link mark', () => {
  it('is part of the statement schema with an href', () => {
    expect(statementSchema().marks.link?.spec.attrs).toHaveProperty('href');
  });

  it('accepts an https address and refuses a javascript: one', () => {
    expect(() => statementSchema().nodeFromJSON(docWithLink('https://www.ohchr.org/en/instruments')).check()).not.toThrow();
    expect(() => statementSchema().nodeFromJSON(docWithLink('javascript:alert(1)')).check()).toThrow(/http, https or mailto/);
  });
});

describe('links in Markdown import', () => {
  it('keeps a link with its words and address', () => {
    const json = markdownToProseMirrorJSON({ markdown: 'See [the Covenant](https://www.ohchr.org/ccpr) and **[mail us](mailto:chair@example.org)**.' });
    expect(json.content?.[0]?.content).toEqual([
      { type: 'text', text: 'See ' },
      { type: 'text', text: 'the Covenant', marks: [{ type: 'link', attrs: { href: 'https://www.ohchr.org/ccpr' } }] },
      { type: 'text', text: ' and ' },
      { type: 'text', text: 'mail us', marks: [{ type: 'bold' }, { type: 'link', attrs: { href: 'mailto:chair@example.org' } }] },
      { type: 'text', text: '.' },
    ]);
    expect(() => statementSchema().nodeFromJSON(json).check()).not.toThrow();
  });

  it('reads an address in angle brackets, as the Word import writes it', () => {
    const json = markdownToProseMirrorJSON({ markdown: '[UDHR](<https://www.un.org/en/about-us/universal-declaration-of-human-rights>)' });
    expect(json.content?.[0]?.content?.[0]?.marks).toEqual([{ type: 'link', attrs: { href: 'https://www.un.org/en/about-us/universal-declaration-of-human-rights' } }]);
  });

  it('drops a javascript: link and keeps its words', () => {
    const json = markdownToProseMirrorJSON({ markdown: 'Click [here](javascript:alert(1)) now.' });
    expect(json.content?.[0]?.content).toEqual([{ type: 'text', text: 'Click ' }, { type: 'text', text: 'here' }, { type: 'text', text: ' now.' }]);
  });

  it('renders links on the public page with rel="nofollow noopener", escaped, and keeps the words', () => {
    const { html, plainText } = renderMarkdown({ markdown: 'See [the "Covenant"](https://example.org/a?b=1&c=2).' });
    expect(html).toContain('<a href="https://example.org/a?b=1&amp;c=2" rel="nofollow noopener">the &quot;Covenant&quot;</a>');
    expect(plainText).toContain('See the "Covenant".');
  });
});
