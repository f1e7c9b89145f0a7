/**
 * Akoma Ntoso 3.0 export (OASIS LegalDocML). The mapping is documented in README.md:
 * `<akomaNtoso><statement name="statement">` with `meta` (FRBR identification of the work, the
 * expression in the text's language and this XML manifestation; the adoption as a `workflow`
 * step; the version's hash, the positions and the endorsements in `proprietary`), a `preface` with the title and the
 * coalition, and a `mainBody` where each block of the text is a `paragraph` (eId `para_N`;
 * numbered items keep their number in `num`; headings carry their words in `heading`; a link is
 * AKN's inline `<a href>` around its words).
 * Translations are other expressions of the same work in Akoma Ntoso: not in this file.
 */
import { englishLabels, isoDate, type ExportBlock, type ExportDocument, type ExportInline } from './document.ts';
import { inlineGroups } from './links.ts';

export const aknNamespace = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';
const concordNamespace = 'https://concord.example/ns/akn-proprietary/1';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** XML text or attribute value; characters XML 1.0 cannot hold are dropped. */
const x = (text: string) => text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '').replace(/[&<>"']/g, (c) => entities[c] ?? c);

/** ISO 639-2 codes for the languages a statement may be in (AKN names expressions with them). */
const iso6392: Record<string, string> = { en: 'eng', fr: 'fra', es: 'spa', ar: 'ara', zh: 'zho', ru: 'rus', pt: 'por', de: 'deu', ja: 'jpn', ko: 'kor', sw: 'swa' };
export function aknLanguage(tag: string): string {
  const primary = tag.split('-')[0]?.toLowerCase() ?? '';
  return iso6392[primary] ?? (primary || 'und');
}

function runs(pieces: readonly ExportInline[]): string {
  return pieces
    .map((piece) => {
      if ('hardBreak' in piece) return '<br/>';
      let xml = x(piece.text).replace(/\n/g, '<br/>');
      if (piece.marks.includes('italic')) xml = `<i>${xml}</i>`;
      if (piece.marks.includes('bold')) xml = `<b>${xml}</b>`;
      return xml;
    })
    .join('');
}

/** A block's inline content: marks as `b`/`i`, breaks as `br`, each link as AKN's inline `a` around its words. */
function inline(block: ExportBlock): string {
  return inlineGroups(block.pieces)
    .map((group) => (group.href === undefined ? runs(group.pieces) : `<a href="${x(group.href)}">${runs(group.pieces)}</a>`))
    .join('');
}

function paragraph(block: ExportBlock, n: number): string {
  const eId = `para_${n}`;
  if (block.kind === 'heading') return `<paragraph eId="${eId}" class="heading-${block.level}"><heading>${inline(block)}</heading><content><p/></content></paragraph>`;
  const num = block.kind === 'numbered' ? `<num>${x(block.marker)}</num>` : '';
  const kind = block.kind === 'paragraph' ? '' : ` class="${block.kind}-${block.level}"`;
  return `<paragraph eId="${eId}"${kind}>${num}<content><p>${inline(block)}</p></content></paragraph>`;
}

export function toAkomaNtoso(document: ExportDocument): string {
  const labels = document.labels ?? englishLabels;
  const { version, adoption } = document;
  const date = isoDate(adoption?.adoptedAt ?? version.at);
  const work = `/akn/int/statement/${date}/${x(document.id)}`;
  const expression = `${work}/${aknLanguage(document.language)}@${isoDate(version.at)}`;
  const manifestation = `${expression}/main.xml`;
  const dateName = adoption ? 'adoption' : 'version';
  const identification = [
    '<identification source="#concord">',
    `<FRBRWork><FRBRthis value="${work}/main"/><FRBRuri value="${work}"/><FRBRdate date="${date}" name="${dateName}"/><FRBRauthor href="#coalition"/><FRBRcountry value="int"/><FRBRname value="${x(document.title)}"/></FRBRWork>`,
    `<FRBRExpression><FRBRthis value="${expression}/main"/><FRBRuri value="${expression}"/><FRBRdate date="${isoDate(version.at)}" name="version"/><FRBRauthor href="#coalition"/>${version.seq !== null ? `<FRBRversionNumber value="${version.seq}"/>` : ''}<FRBRlanguage language="${aknLanguage(document.language)}"/></FRBRExpression>`,
    `<FRBRManifestation><FRBRthis value="${manifestation}"/><FRBRuri value="${manifestation}"/><FRBRdate date="${isoDate(version.at)}" name="generation"/><FRBRauthor href="#concord"/><FRBRformat value="application/akn+xml"/></FRBRManifestation>`,
    '</identification>',
  ].join('');
  const workflow = adoption
    ? `<workflow source="#concord"><step date="${isoDate(adoption.adoptedAt)}" actor="#coalition" outcome="#adopted" refersTo="#${adoption.procedure === 'silence' ? 'silenceProcedure' : 'explicitConsensus'}"/></workflow>`
    : '';
  const concepts = adoption
    ? `<TLCConcept eId="adopted" href="/ontology/concept/concord/adopted" showAs="${x(labels.adoptedAt)}"/><TLCConcept eId="${adoption.procedure === 'silence' ? 'silenceProcedure' : 'explicitConsensus'}" href="/ontology/concept/concord/${adoption.procedure}" showAs="${x(adoption.procedure === 'silence' ? labels.procedureSilence : labels.procedureExplicit)}"/>`
    : '';
  const references = `<references source="#concord"><TLCOrganization eId="coalition" href="/ontology/organization/concord/coalition" showAs="${x(document.coalition)}"/><TLCOrganization eId="concord" href="/ontology/organization/concord/hub" showAs="Concord"/>${concepts}</references>`;
  const positions = (adoption?.positions ?? []).map((p) => `<concord:position stance="${p.stance}"><concord:organisation>${x(p.organisation)}</concord:organisation>${p.explanation ? `<concord:explanation>${x(p.explanation)}</concord:explanation>` : ''}</concord:position>`).join('');
  const adoptionRecord = adoption ? `<concord:adoption procedure="${adoption.procedure}" date="${new Date(adoption.adoptedAt).toISOString()}" silent="${adoption.silent}">${positions}</concord:adoption>` : '';
  const endorsements = (document.endorsements ?? []).map((e) => `<concord:endorsement date="${new Date(e.at).toISOString()}"${e.country ? ` country="${x(e.country)}"` : ''}>${x(e.name)}</concord:endorsement>`).join('');
  const proprietary = `<proprietary source="#concord" xmlns:concord="${concordNamespace}"><concord:version name="${x(version.name ?? '')}" seq="${version.seq ?? ''}" sha256="${version.hash}" at="${new Date(version.at).toISOString()}"/>${adoptionRecord}${endorsements}</proprietary>`;
  const meta = `<meta>${identification}${workflow}${references}${proprietary}</meta>`;
  const preface = `<preface><longTitle eId="longTitle"><p><docTitle>${x(document.title)}</docTitle></p></longTitle><p><docProponent refersTo="#coalition">${x(document.coalition)}</docProponent></p></preface>`;
  const paragraphs = document.blocks.map((block, i) => paragraph(block, i + 1));
  const body = `<mainBody>${paragraphs.length > 0 ? paragraphs.join('\n') : '<paragraph eId="para_1"><content><p/></content></paragraph>'}</mainBody>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso xmlns="${aknNamespace}">\n<statement name="statement">\n${meta}\n${preface}\n${body}\n</statement>\n</akomaNtoso>\n`;
}
