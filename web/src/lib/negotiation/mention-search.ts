/**
 * The mention picker's list: the organisations the draft is shared with (the server's
 * `mentionable`), not the person's own, sorted in the interface language's order and narrowed
 * by what was typed — case and accents ignored, so "aland" finds "Åland".
 */
export interface Mentionable {
  id: string;
  name: string;
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

export function mentionChoices(input: { organisations: readonly Mentionable[]; mentionable: readonly string[]; own: string; query: string; locale: string }): Mentionable[] {
  const allowed = new Set(input.mentionable);
  const query = fold(input.query.trim());
  const collator = new Intl.Collator(input.locale, { sensitivity: 'base' });
  return input.organisations
    .filter((o) => allowed.has(o.id) && o.id !== input.own && (!query || fold(o.name).includes(query)))
    .sort((a, b) => collator.compare(a.name, b.name));
}
