/**
 * Progressive enhancement for every POST form: `<form method="POST" use:enhanced>`. Without
 * JavaScript the form posts and the page reloads as before; with it, SvelteKit's `enhance` posts
 * in the background and this wrapper adds what every form should do the same way:
 * - a pending state: the form is `aria-busy`, its buttons are disabled and the one pressed says
 *   so; a second submission while one is on its way is cancelled;
 * - the answer applied as the page would show it (errors beside the form with the typed values
 *   kept, redirects followed by a client navigation, error pages rendered);
 * - focus moved to what the answer says (`focus.ts`): the error, the invalid field or the notice.
 *   Those are `role="alert"`/`role="status"` elements, so focusing them also announces them.
 *
 * Forms that change the session or the language pass `{ navigate: 'document' }`: their redirect
 * is followed by a full page load, because the whole layout, the interface language compiled
 * into the client and any open realtime connection belong to the old session or locale.
 */
import { enhance } from '$app/forms';
import type { ActionResult } from '@sveltejs/kit';
import { tick } from 'svelte';
import { m } from '../paraglide/messages.js';
import { focusTarget, type FocusCandidates } from './focus.ts';

export interface EnhancedOptions {
  /** `document`: follow a redirect with a full page load (sign-in, sign-out, language). */
  navigate?: 'client' | 'document';
  /** Reset the form's fields after a success that stays on the page (default true). */
  reset?: boolean;
}

/** A Svelte action: `use:enhanced` or `use:enhanced={{ navigate: 'document' }}`. */
export function enhanced(form: HTMLFormElement, options: EnhancedOptions = {}): { destroy(): void } {
  return enhance(form, ({ formElement, submitter, cancel }) => {
    if (formElement.getAttribute('aria-busy') === 'true') {
      cancel();
      return;
    }
    const settle = showPending(formElement, submitter);
    return async ({ result, update }) => {
      if (result.type === 'redirect' && options.navigate === 'document') {
        // The pending state stays until the new document replaces this one.
        location.assign(result.location);
        return;
      }
      try {
        await update({ reset: options.reset ?? true });
      } finally {
        settle();
      }
      await tick();
      moveFocus(formElement, result);
    };
  });
}

/** Marks the form busy and its enabled buttons disabled; returns the undo. */
function showPending(form: HTMLFormElement, submitter: HTMLElement | null): () => void {
  const buttons = [...form.querySelectorAll<HTMLButtonElement | HTMLInputElement>('button, input[type="submit"]')].filter((button) => !button.disabled);
  const pressed = submitter instanceof HTMLButtonElement ? submitter : buttons.find((button) => button instanceof HTMLButtonElement && button.type === 'submit');
  const label = document.createElement('span');
  label.className = 'pending-label';
  label.textContent = m.form_pending();
  form.setAttribute('aria-busy', 'true');
  for (const button of buttons) button.disabled = true;
  pressed?.append(label);
  return () => {
    form.removeAttribute('aria-busy');
    for (const button of buttons) button.disabled = false;
    label.remove();
  };
}

/** What the page shows after the answer, for `focusTarget`. */
function candidates(form: HTMLFormElement): FocusCandidates<HTMLElement> {
  const all = (root: ParentNode, selector: string) => [...root.querySelectorAll<HTMLElement>(selector)];
  const described = [form, ...all(form, '[aria-describedby]')]
    .flatMap((element) => (element.getAttribute('aria-describedby') ?? '').split(/\s+/))
    .map((id) => (id ? document.getElementById(id) : null))
    .filter((element): element is HTMLElement => element?.getAttribute('role') === 'alert');
  const section = form.isConnected ? (form.closest<HTMLElement>('section, fieldset, li, tr') ?? form.parentElement) : null;
  return {
    formErrors: form.isConnected ? [...described, ...all(form, '[role="alert"]'), ...(section ? all(section, '[role="alert"]') : [])] : [],
    invalidFields: form.isConnected ? all(form, '[aria-invalid="true"]') : [],
    pageErrors: all(document, 'main [role="alert"]'),
    pageNotices: all(document, 'main .notice[role="status"]'),
    heading: document.querySelector<HTMLElement>('main h1'),
  };
}

function moveFocus(form: HTMLFormElement, result: ActionResult): void {
  const target = focusTarget({ outcome: result.type, candidates: candidates(form) });
  if (!target) return;
  if (!target.matches('a[href], button, input, select, textarea, [tabindex]')) target.tabIndex = -1;
  target.focus();
}
