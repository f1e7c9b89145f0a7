/** What every card beside the text is given, whatever it shows (a thread, an amendment, a bracket). */
import type { NegotiationClient } from './client.svelte.ts';
import type { NegotiationView } from './view.ts';

export interface CardContext {
  view: NegotiationView;
  client: NegotiationClient;
  /** The statement's language and direction, for the words quoted from it. */
  language: string;
  dir: 'ltr' | 'rtl';
  name: (organisationId: string) => string;
  /** In the margin a card is a tab stop of its own: focusing it shows its words. */
  focusable?: boolean;
}
