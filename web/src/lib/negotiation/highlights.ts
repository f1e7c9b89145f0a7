/**
 * Highlights of comments, amendments and open brackets in the text: a ProseMirror decoration
 * plugin fed with ranges (from the anchors, `anchoring.ts`), mapped through every edit until the
 * next refetch. Not colour alone: each kind has its own line (dotted, wavy, solid with visible
 * square brackets) and a text for screen readers at its start.
 */
import type { Editor } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export type HighlightKind = 'thread' | 'amendment' | 'bracket';

export interface Highlight {
  id: string;
  kind: HighlightKind;
  from: number;
  to: number;
  /** Said by screen readers where the range starts ("Comment by …"). */
  label: string;
  /** The item being looked at in the panel. */
  active: boolean;
}

const key = new PluginKey<DecorationSet>('negotiation-highlights');

function marker(text: string, className: string, hidden: boolean): HTMLElement {
  const span = document.createElement('span');
  span.className = className;
  span.textContent = text;
  if (hidden) span.setAttribute('aria-hidden', 'true');
  span.contentEditable = 'false';
  return span;
}

function decorations(doc: Parameters<typeof DecorationSet.create>[0], highlights: readonly Highlight[]): DecorationSet {
  const items: Decoration[] = [];
  for (const h of highlights) {
    if (h.to < h.from || h.to > doc.content.size) continue;
    const className = `neg-mark neg-${h.kind}${h.active ? ' neg-active' : ''}`;
    if (h.to > h.from) items.push(Decoration.inline(h.from, h.to, { class: className, 'data-negotiation': h.id }));
    // Screen readers hear what the range is before its words; sighted readers see the line.
    items.push(Decoration.widget(h.from, () => marker(h.label, 'visually-hidden', false), { side: -1, key: `${h.id}-label`, ignoreSelection: true }));
    if (h.kind === 'bracket') {
      items.push(Decoration.widget(h.from, () => marker('[', 'neg-bracket-sign', true), { side: -1, key: `${h.id}-open`, ignoreSelection: true }));
      items.push(Decoration.widget(h.to, () => marker(']', 'neg-bracket-sign', true), { side: 1, key: `${h.id}-close`, ignoreSelection: true }));
    }
  }
  return DecorationSet.create(doc, items);
}

/** The plugin: register once per editor, then `showHighlights` after every refetch. */
export function highlightsPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set) {
        const next = tr.getMeta(key) as Highlight[] | undefined;
        return next ? decorations(tr.doc, next) : set.map(tr.mapping, tr.doc);
      },
    },
    props: { decorations: (state) => key.getState(state) },
  });
}

export function showHighlights(editor: Editor, highlights: readonly Highlight[]): void {
  if (editor.isDestroyed) return;
  editor.view.dispatch(editor.state.tr.setMeta(key, highlights).setMeta('addToHistory', false));
}
