/**
 * HTML export: one self-contained page (no scripts, no external resources) with the text in its
 * own language and direction, headings and nested lists as in the editor, the version and its
 * hash, and the adoption record, translations and endorsements when there are any.
 */
import { hrefOf } from './links.ts';
import { englishLabels, formatTime, versionTitle, type ExportBlock, type ExportDocument } from './document.ts';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => entities[c] ?? c);

function inline(block: ExportBlock): string {
  return block.pieces
    .map((piece) => {
      if ('hardBreak' in piece) return '<br>';
      let html = escapeHtml(piece.text).replace(/\n/g, '<br>');
      if (piece.marks.includes('italic')) html = `<em>${html}</em>`;
      if (piece.marks.includes('bold')) html = `<strong>${html}</strong>`;
      const href = hrefOf(piece);
      if (href) html = `<a href="${escapeHtml(href)}" rel="nofollow noopener">${html}</a>`;
      return html;
    })
    .join('');
}

/** The blocks as HTML, list items gathered into (nested) `ul`/`ol` by their level. */
export function blocksToHtml(blocks: readonly ExportBlock[]): string {
  const out: string[] = [];
  const open: ('ul' | 'ol')[] = [];
  const closeTo = (depth: number) => {
    while (open.length > depth) out.push(`</li></${open.pop()}>`);
  };
  for (const block of blocks) {
    if (block.kind === 'bullet' || block.kind === 'numbered') {
      const tag = block.kind === 'bullet' ? 'ul' : 'ol';
      closeTo(block.level);
      if (open.length === block.level && open[block.level - 1] !== tag) closeTo(block.level - 1);
      if (open.length === block.level) out.push('</li><li>');
      while (open.length < block.level) {
        const start = block.kind === 'numbered' && open.length === block.level - 1 ? Number.parseInt(block.marker, 10) : 1;
        out.push(`<${tag}${tag === 'ol' && start !== 1 ? ` start="${start}"` : ''}><li>`);
        open.push(tag);
      }
      out.push(inline(block));
      continue;
    }
    // A paragraph inside a list item (indented) stays in it; one at the top closes the lists.
    if (block.indent === 0) closeTo(0);
    out.push(block.kind === 'heading' ? `<h${block.level + 1}>${inline(block)}</h${block.level + 1}>` : `<p>${inline(block)}</p>`);
  }
  closeTo(0);
  return out.join('\n');
}

export function toHtml(document: ExportDocument): string {
  const labels = document.labels ?? englishLabels;
  const { adoption, translations = [], endorsements = [] } = document;
  const lang = (tag: string, dir: string) => `lang="${escapeHtml(tag)}" dir="${dir}"`;
  const parts: string[] = [];
  parts.push(`<header><h1 ${lang(document.language, document.dir)}>${escapeHtml(document.title)}</h1>`);
  parts.push(`<p>${escapeHtml(document.coalition)}</p>`);
  parts.push(`<dl><dt>${escapeHtml(labels.version)}</dt><dd>${escapeHtml(versionTitle(document))} · <time datetime="${new Date(document.version.at).toISOString()}">${escapeHtml(formatTime(document, document.version.at))}</time></dd>`);
  parts.push(`<dt>${escapeHtml(labels.hash)}</dt><dd><code>${document.version.hash}</code></dd></dl></header>`);
  parts.push(`<main ${lang(document.language, document.dir)}>\n${blocksToHtml(document.blocks)}\n</main>`);
  if (adoption) {
    const procedure = adoption.procedure === 'silence' ? labels.procedureSilence : labels.procedureExplicit;
    const items = adoption.positions.map((p) => `<li><bdi>${escapeHtml(p.organisation)}</bdi>: ${escapeHtml(labels.stances[p.stance])}${p.explanation ? `<p>${escapeHtml(p.explanation)}</p>` : ''}</li>`);
    if (adoption.silent > 0) items.push(`<li>${escapeHtml(labels.silent)}: ${adoption.silent}</li>`);
    parts.push(`<section><h2>${escapeHtml(labels.adoption)}</h2><p>${escapeHtml(labels.adoptedAt)}: ${escapeHtml(formatTime(document, adoption.adoptedAt))} · ${escapeHtml(procedure)}</p><h3>${escapeHtml(labels.positions)}</h3><ul>${items.join('')}</ul></section>`);
  }
  for (const t of translations) {
    const paragraphs = t.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
    parts.push(`<section ${lang(t.language, t.dir)}><h2>${escapeHtml(t.title)}</h2>\n${paragraphs}\n</section>`);
  }
  if (endorsements.length > 0) {
    const items = endorsements.map((e) => `<li><bdi>${escapeHtml(e.name)}</bdi>${e.country ? ` (<bdi>${escapeHtml(e.country)}</bdi>)` : ''}</li>`);
    parts.push(`<section><h2>${escapeHtml(labels.endorsements)}</h2><ul>${items.join('')}</ul></section>`);
  }
  const style = 'body{font-family:system-ui,"Noto Sans","Noto Sans TC","Noto Sans Arabic",sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5}code{overflow-wrap:anywhere}';
  return `<!doctype html>\n<html ${lang(document.language, document.dir)}>\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(document.title)}</title>\n<style>${style}</style>\n</head>\n<body>\n${parts.join('\n')}\n</body>\n</html>\n`;
}
