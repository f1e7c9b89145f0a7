/**
 * Measuring for the margin, in the browser: where the paragraph an anchor starts in is on screen.
 * The margin and the text scroll together (both in the page's flow), so their distance is all
 * that counts: tops are measured against the margin's card area.
 */
import type { Editor } from '@tiptap/core';

/** The top (viewport px) of the text block holding `position`, or of the position itself. */
export function blockTop(editor: Editor, position: number): number | null {
  const { doc } = editor.state;
  if (position < 0 || position > doc.content.size) return null;
  const resolved = doc.resolve(position);
  if (resolved.depth >= 1) {
    const dom = editor.view.nodeDOM(resolved.before(resolved.depth));
    if (dom instanceof HTMLElement) return dom.getBoundingClientRect().top;
  }
  try {
    return editor.view.coordsAtPos(position).top;
  } catch {
    return null;
  }
}

/**
 * Runs `task` once per animation frame however often it is asked for (every keystroke, every
 * resize step); `cancel` stops a pending run.
 */
export function frameScheduler(task: () => void): { request: () => void; cancel: () => void } {
  let frame: number | null = null;
  return {
    request() {
      if (frame !== null) return;
      frame = requestAnimationFrame(() => {
        frame = null;
        task();
      });
    },
    cancel() {
      if (frame !== null) cancelAnimationFrame(frame);
      frame = null;
    },
  };
}
