/**
 * The negotiation state in the browser: fetched from `/statements/<id>/negotiation`, refetched
 * when the statement's socket brings a notice (`[100, text]`, PROTOCOL.md §7) or reconnects, and
 * acts posted there — the server decides, the answer carries the new state.
 */
import { m } from '../paraglide/messages.js';
import type { NegotiationView } from './view.ts';

/** Edits typed just before an act may still be on their way to the server: wait for them this often. */
const notSavedRetries = 6;
const retryDelayMs = 500;

export class NegotiationClient {
  view = $state.raw<NegotiationView | null>(null);
  error = $state<string | null>(null);
  busy = $state(false);
  readonly #url: string;

  constructor(statementId: string) {
    this.#url = `/statements/${encodeURIComponent(statementId)}/negotiation`;
  }

  async refresh(): Promise<void> {
    const response = await fetch(this.#url, { headers: { accept: 'application/json' } });
    if (response.ok) this.view = (await response.json()) as NegotiationView;
  }

  /** Posts one act; true when the server did it. */
  async act(body: Record<string, unknown>): Promise<boolean> {
    this.busy = true;
    this.error = null;
    try {
      for (let attempt = 0; ; attempt++) {
        const response = await fetch(this.#url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });
        const answer = (await response.json().catch(() => ({}))) as { state?: NegotiationView; code?: string; message?: string };
        if (response.ok && answer.state) {
          this.view = answer.state;
          return true;
        }
        if (answer.code === 'negotiation.text-not-saved' && attempt < notSavedRetries) {
          await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
          continue;
        }
        // The server words its refusals in the person's language (web/src/lib/server/error-messages.ts).
        this.error = answer.message || m.negotiation_error_generic();
        // Someone else acted first: show what is true now.
        if (response.status === 409) await this.refresh();
        return false;
      }
    } catch {
      this.error = m.negotiation_error_generic();
      return false;
    } finally {
      this.busy = false;
    }
  }
}
