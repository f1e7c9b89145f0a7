/**
 * The editor toolbar's buttons, in order: history, text style, emphasis, lists, link, help.
 * Undo and redo are Collaboration's (y-prosemirror's undo manager tracks only this editor's own
 * changes, so a co-editor's words are never undone). Link and help open the toolbar's popovers.
 */
import type { Editor } from '@tiptap/core';
import type { HeadingLevel } from '@concord/text/extensions';
import { m } from '$lib/paraglide/messages.js';
import type { ShortcutAction } from './shortcuts.ts';

export type Popover = 'link' | 'help';

export interface Tool {
  id: string;
  label: string;
  action: ShortcutAction;
  /** A toggle's state (`aria-pressed`); absent for plain buttons. */
  isActive?: (editor: Editor) => boolean;
  /** Whether the command can run now (undo with nothing to undo cannot). */
  isEnabled?: (editor: Editor) => boolean;
  /** Runs an editor command, or names the popover the button opens. */
  run: ((editor: Editor) => void) | Popover;
  /** Starts a new visual group in the toolbar. */
  groupStart?: boolean;
}

function heading(level: HeadingLevel, action: ShortcutAction, label: string): Tool {
  return {
    id: `heading-${level}`,
    label,
    action,
    isActive: (e) => e.isActive('heading', { level }),
    run: (e) => void e.chain().focus().toggleHeading({ level }).run(),
  };
}

/** The toolbar's tools; labels are read when called, in the page's language. */
export function toolbarTools(): Tool[] {
  return [
    { id: 'undo', label: m.editor_tool_undo(), action: 'undo', isEnabled: (e) => e.can().undo(), run: (e) => void e.chain().focus().undo().run() },
    { id: 'redo', label: m.editor_tool_redo(), action: 'redo', isEnabled: (e) => e.can().redo(), run: (e) => void e.chain().focus().redo().run() },
    {
      id: 'paragraph',
      label: m.editor_tool_paragraph(),
      action: 'paragraph',
      groupStart: true,
      isActive: (e) => e.isActive('paragraph') && !e.isActive('listItem'),
      run: (e) => void e.chain().focus().setParagraph().run(),
    },
    heading(1, 'title', m.editor_tool_heading_1()),
    heading(2, 'section', m.editor_tool_heading_2()),
    heading(3, 'subsection', m.editor_tool_heading_3()),
    { id: 'bold', label: m.editor_tool_bold(), action: 'bold', groupStart: true, isActive: (e) => e.isActive('bold'), run: (e) => void e.chain().focus().toggleBold().run() },
    { id: 'italic', label: m.editor_tool_italic(), action: 'italic', isActive: (e) => e.isActive('italic'), run: (e) => void e.chain().focus().toggleItalic().run() },
    {
      id: 'bullet-list',
      label: m.editor_tool_bullet_list(),
      action: 'bulletList',
      groupStart: true,
      isActive: (e) => e.isActive('bulletList'),
      run: (e) => void e.chain().focus().toggleBulletList().run(),
    },
    {
      id: 'numbered-list',
      label: m.editor_tool_numbered_list(),
      action: 'numberedList',
      isActive: (e) => e.isActive('orderedList'),
      run: (e) => void e.chain().focus().toggleOrderedList().run(),
    },
    { id: 'link', label: m.editor_tool_link(), action: 'link', groupStart: true, run: 'link' },
    { id: 'shortcuts', label: m.editor_tool_shortcuts(), action: 'help', run: 'help' },
  ];
}
