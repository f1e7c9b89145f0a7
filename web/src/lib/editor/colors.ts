/**
 * Caret and presence colours. Colour only helps: every caret and presence entry also carries the
 * person's name and organisation as text. Each colour keeps white label text at ≥ 4.5:1 and the
 * caret line at ≥ 3:1 against a white page (WCAG 2.2 AA).
 */
export const palette = [
  '#1f5fa8',
  '#b3261e',
  '#2e7d32',
  '#8e24aa',
  '#c2410c',
  '#00695c',
  '#ad1457',
  '#6d4c41',
] as const;

/** A stable colour for a seed (a user id): the same person keeps their colour everywhere. */
export function colorFor(seed: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return palette[hash % palette.length] ?? palette[0];
}

/** The colour if it is a plain `#rrggbb` (awareness comes from other clients), else a fallback. */
export function safeColor(value: unknown): string {
  return typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value) ? value : '#595959';
}
