/**
 * Where the margin's cards go: each as near as it can be to the top of the words it is about,
 * none overlapping. Cards are taken in the order of their wanted tops (ties keep the given order,
 * the text's order); a card that would collide with the one above is pushed down just below it.
 * Pure: the margin measures, this decides, the margin applies.
 */

export interface CardRequest {
  id: string;
  /** Where the card would like its top (px from the top of the margin's card area). */
  wanted: number;
  /** The card's height (px). */
  height: number;
}

export interface CardPlacement {
  id: string;
  top: number;
}

/**
 * Tops for the cards, in the order they are shown (by wanted top), no two overlapping and each
 * at least `gap` px below the previous one; nothing above `minTop`. Also the bottom of the stack,
 * which the card area needs as its height (absolutely placed cards give it none).
 */
export function stackCards(input: { cards: readonly CardRequest[]; gap: number; minTop?: number }): { placements: CardPlacement[]; bottom: number } {
  const ordered = input.cards.map((card, index) => ({ card, index })).sort((a, b) => a.card.wanted - b.card.wanted || a.index - b.index);
  const placements: CardPlacement[] = [];
  let free = input.minTop ?? 0;
  let bottom = free;
  for (const { card } of ordered) {
    const top = Math.max(card.wanted, free);
    placements.push({ id: card.id, top });
    bottom = top + card.height;
    free = bottom + input.gap;
  }
  return { placements, bottom };
}
