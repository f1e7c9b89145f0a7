/**
 * How other people's carets and selections look. Built with DOM APIs and CSSOM only (no `style`
 * attributes), so the strict Content-Security-Policy (`style-src 'self'`) allows them. The label
 * names the person and their organisation in text: authorship never rests on colour alone.
 */
import { m } from '../paraglide/messages.js';
import { getLocale, getTextDirection } from '../paraglide/runtime.js';
import type { DecorationAttrs } from '@tiptap/pm/view';
import { readAwarenessUser } from './presence.ts';

/** The caret widget for a remote user (CollaborationCaret's `render`). */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const known = readAwarenessUser({ user });
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  // The presence list says who is here; screen readers should not read labels inside the text.
  caret.setAttribute('aria-hidden', 'true');
  caret.style.setProperty('--caret-color', known?.color ?? '#595959');
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  // The label is the interface's words inside the statement's text: its words keep the
  // interface's language and direction (an Arabic label over an English draft), while the label
  // itself stays placed in the text's direction, at the caret.
  const words = document.createElement('span');
  words.lang = getLocale();
  words.dir = getTextDirection();
  words.textContent = known ? m.editor_caret_label({ name: known.name, organisation: known.organisation }) : m.editor_someone();
  label.append(words);
  caret.append(label);
  return caret;
}

/** The selection highlight for a remote user (CollaborationCaret's `selectionRender`). */
export function renderSelection(user: Record<string, unknown>): DecorationAttrs {
  const known = readAwarenessUser({ user });
  // ProseMirror applies decoration styles through CSSOM (`style.cssText`), which CSP permits.
  return {
    class: 'collaboration-carets__selection',
    style: `--caret-color: ${known?.color ?? '#595959'}`,
  };
}
