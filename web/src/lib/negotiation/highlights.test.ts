import { Schema } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import type { DecorationSet } from '@tiptap/pm/view';
import { describe, expect, it } from 'vitest';
import { highlightsPlugin, type Highlight } from './highlights.ts';

const schema = new Schema({ nodes: { doc: { content: 'paragraph+' }, paragraph: { content: 'text*', toDOM: () => ['p', 0] }, text: {} } });
const plugin = highlightsPlugin();

function stateWith(highlights: Highlight[]) {
  const doc = schema.node('doc', null, [schema.node('paragraph', null, [schema.text('States shall protect rights online.')])]);
  const state = EditorState.create({ doc, plugins: [plugin] });
  return state.apply(state.tr.setMeta(plugin.spec.key!, highlights));
}

const set = (state: EditorState) => plugin.getState(state) as DecorationSet;
const inline = (state: EditorState) => set(state).find().filter((d) => d.to > d.from).map((d) => ({ from: d.from, to: d.to, class: (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class }));

describe('highlightsPlugin', () => {
  it('marks each range with its kind, a label at its start, and square brackets around open brackets', () => {
    const state = stateWith([
      { id: 'thr_1', kind: 'thread', from: 8, to: 13, label: 'Comment:', active: false },
      { id: 'brk_1', kind: 'bracket', from: 29, to: 35, label: 'Bracketed text:', active: false },
    ]);
    expect(inline(state)).toEqual([
      { from: 8, to: 13, class: 'neg-mark neg-thread' },
      { from: 29, to: 35, class: 'neg-mark neg-bracket' },
    ]);
    // One label each, and the bracket's two signs.
    expect(set(state).find().filter((d) => d.from === d.to)).toHaveLength(4);
  });

  it('follows the words through edits until the next refetch, and skips ranges outside the text', () => {
    const state = stateWith([
      { id: 'amd_1', kind: 'amendment', from: 8, to: 13, label: 'Amendment proposed:', active: false },
      { id: 'amd_2', kind: 'amendment', from: 8, to: 999, label: 'Amendment proposed:', active: false },
    ]);
    const edited = state.apply(state.tr.insertText('All ', 1));
    expect(inline(edited)).toEqual([{ from: 12, to: 17, class: 'neg-mark neg-amendment' }]);
    expect(edited.doc.textBetween(12, 17)).toBe('shall');
  });
});
