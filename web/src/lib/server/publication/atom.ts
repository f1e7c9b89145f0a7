/**
 * The Atom feed (RFC 4287) of declarations: one entry per declaration, updated when withdrawn.
 * Small enough to write by hand; every text is escaped as XML.
 */
import type { PublicationRecord } from '@concord/publication/ports';
import { escapeHtml } from '@concord/text';

const iso = (ms: number) => new Date(ms).toISOString();

export function atomFeed(input: { records: readonly PublicationRecord[]; origin: string; title: string; withdrawnLabel: (title: string) => string; selfPath: string }): string {
  const { records, origin } = input;
  const updatedOf = (r: PublicationRecord) => Math.max(r.publishedAt, r.withdrawn?.at ?? 0);
  const updated = records.reduce((latest, r) => Math.max(latest, updatedOf(r)), 0);
  const entries = records.map((r) => {
    const url = `${origin}/declarations/${encodeURIComponent(r.slug)}`;
    const title = r.status === 'withdrawn' ? input.withdrawnLabel(r.title) : r.title;
    return [
      '  <entry>',
      `    <id>${escapeHtml(url)}</id>`,
      `    <title>${escapeHtml(title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeHtml(url)}"/>`,
      `    <published>${iso(r.publishedAt)}</published>`,
      `    <updated>${iso(updatedOf(r))}</updated>`,
      `    <author><name>${escapeHtml(r.coalitionName)}</name></author>`,
      `    <summary>${escapeHtml(`${r.version.name} · SHA-256 ${r.version.hash}`)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeHtml(origin + input.selfPath)}</id>`,
    `  <title>${escapeHtml(input.title)}</title>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeHtml(origin + input.selfPath)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeHtml(`${origin}/declarations`)}"/>`,
    `  <updated>${iso(updated)}</updated>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
