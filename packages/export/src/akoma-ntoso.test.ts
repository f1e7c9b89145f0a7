import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { aknLanguage, aknNamespace, toAkomaNtoso } from './akoma-ntoso.ts';
import { documentOf, fixture, fixtureParagraphs } from './testing/fixtures.ts';

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false });

/** Child elements of a parsed node, by name, in order (text nodes and the attribute bag left out). */
const children = (node: Node) => (Object.entries(node).find(([key]) => key !== ':@')?.[1] ?? []) as Node[];
const nameOf = (node: Node) => Object.keys(node).find((key) => key !== ':@' && key !== '#text') ?? '#text';
const only = (nodes: Node[], name: string) => nodes.filter((n) => nameOf(n) === name);
const one = (nodes: Node[], name: string) => {
  const found = only(nodes, name);
  expect(found, `exactly one <${name}>`).toHaveLength(1);
  return found[0]!;
};
const attrs = (node: Node) => node[':@'] ?? {};
/** The text inside a parsed node, in document order. */
const textIn = (node: Node): string => (nameOf(node) === '#text' ? String(node['#text']) : children(node).map(textIn).join(' '));

/**
 * The schema's required structure (akomantoso30.xsd, OASIS LegalDocML 3.0) for a `statement`
 * (type openStructure: meta, preface?, mainBody): `identification@source` with FRBRWork,
 * FRBRExpression and FRBRManifestation, each with FRBRthis, FRBRuri, FRBRdate@date@name and
 * FRBRauthor@href; the work's FRBRcountry and the expression's FRBRlanguage; hierarchy elements
 * with an eId.
 */
function checkRequiredStructure(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const root = one(parser.parse(xml) as Node[], 'akomaNtoso');
  expect(attrs(root).xmlns).toBe(aknNamespace);
  const statement = one(children(root), 'statement');
  expect(attrs(statement).name).toBeTruthy();
  const parts = children(statement).map(nameOf);
  expect(parts).toEqual(['meta', 'preface', 'mainBody']);
  const meta = one(children(statement), 'meta');
  const identification = one(children(meta), 'identification');
  expect(attrs(identification).source).toMatch(/^#/);
  for (const level of ['FRBRWork', 'FRBRExpression', 'FRBRManifestation']) {
    const frbr = children(one(children(identification), level));
    expect(frbr.map(nameOf).slice(0, 4), level).toEqual(['FRBRthis', 'FRBRuri', 'FRBRdate', 'FRBRauthor']);
    expect(attrs(one(frbr, 'FRBRthis')).value).toMatch(/^\/akn\//);
    expect(attrs(one(frbr, 'FRBRdate')).date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(attrs(one(frbr, 'FRBRdate')).name).toBeTruthy();
    expect(attrs(one(frbr, 'FRBRauthor')).href).toMatch(/^#/);
  }
  expect(attrs(one(children(one(children(identification), 'FRBRWork')), 'FRBRcountry')).value).toBeTruthy();
  expect(attrs(one(children(one(children(identification), 'FRBRExpression')), 'FRBRlanguage')).language).toMatch(/^[a-z]{3}$/);
  // Every eId/href a step or a proponent refers to is declared in references.
  const declared = new Set(children(one(children(meta), 'references')).map((n) => attrs(n).eId));
  for (const ref of xml.matchAll(/(?:refersTo|actor|outcome|href|source)="#([^"]+)"/g)) expect(declared.has(ref[1]!) || ref[1] === 'concord', ref[1]).toBe(true);
  const body = children(one(children(statement), 'mainBody'));
  expect(body.length).toBeGreaterThan(0);
  for (const paragraph of body) {
    expect(nameOf(paragraph)).toBe('paragraph');
    const inner = children(paragraph).map(nameOf);
    expect(inner).toContain('content');
    expect(inner.indexOf('content')).toBe(inner.length - 1);
  }
  return { body, meta };
}

describe('Akoma Ntoso export', () => {
  const en = fixture('joint-statement-surveillance/en.md');

  it('has the required structure, one numbered paragraph per block, in order', () => {
    const document = documentOf({ markdown: en, language: 'en', title: 'Joint civil society statement' });
    const xml = toAkomaNtoso(document);
    const { body } = checkRequiredStructure(xml);
    expect(body.map((p) => attrs(p).eId)).toEqual(fixtureParagraphs(en).map((_, i) => `para_${i + 1}`));
    expect(body.map((p) => textIn(p).replace(/\s+/g, ' ').trim())).toEqual(
      fixtureParagraphs(en).map((text, i) => (i >= 8 ? `${i - 7}. ${text}` : text)),
    );
  });

  it('records the adoption as a workflow step, the hash and the positions in proprietary metadata', () => {
    const adoption = { procedure: 'explicit' as const, adoptedAt: Date.UTC(2024, 8, 30, 12), positions: [{ organisation: 'Canada & Co <x>', stance: 'abstain' as const, explanation: null }], silent: 0 };
    const document = documentOf({ markdown: fixture('joint-statement-surveillance/zh-TW.md'), language: 'zh-TW', title: '聲明', extra: { adoption } });
    const xml = toAkomaNtoso(document);
    const { meta } = checkRequiredStructure(xml);
    const step = one(children(one(children(meta), 'workflow')), 'step');
    expect(attrs(step)).toMatchObject({ date: '2024-09-30', outcome: '#adopted', refersTo: '#explicitConsensus' });
    expect(xml).toContain(`sha256="${document.version.hash}"`);
    expect(xml).toContain('<concord:organisation>Canada &amp; Co &lt;x&gt;</concord:organisation>');
    expect(xml).toContain('<FRBRlanguage language="zho"/>');
    expect(xml).toContain('<FRBRdate date="2024-09-30" name="adoption"/>');
  });

  it('maps the languages a statement may be in to ISO 639-2', () => {
    expect(['en', 'fr', 'es', 'ar', 'zh-TW', 'zh-CN', 'ru'].map(aknLanguage)).toEqual(['eng', 'fra', 'spa', 'ara', 'zho', 'zho', 'rus']);
  });
});

