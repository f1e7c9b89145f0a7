/**
 * The editor's keyboard shortcuts, in one place: the toolbar's titles and `aria-keyshortcuts`,
 * and the shortcuts help, all read from here. `Mod` is Ctrl, or ⌘ on Apple systems (as Tiptap
 * and ProseMirror bind them); the keys themselves are bound by Tiptap's extensions and by the
 * toolbar (Link, help).
 */

export const shortcuts = {
  undo: ['Mod+Z'],
  redo: ['Mod+Shift+Z', 'Mod+Y'],
  paragraph: ['Mod+Alt+0'],
  title: ['Mod+Alt+1'],
  section: ['Mod+Alt+2'],
  subsection: ['Mod+Alt+3'],
  bold: ['Mod+B'],
  italic: ['Mod+I'],
  bulletList: ['Mod+Shift+8'],
  numberedList: ['Mod+Shift+7'],
  link: ['Mod+K'],
  lineBreak: ['Shift+Enter'],
  help: ['Mod+/'],
} as const;

export type ShortcutAction = keyof typeof shortcuts;

/** Whether a platform string (`navigator.userAgentData.platform` or `navigator.platform`) is Apple's. */
export function isApplePlatform(platform: string): boolean {
  return /mac|iphone|ipad|ipod/i.test(platform);
}

const appleSymbols: Record<string, string> = { Ctrl: '⌃', Alt: '⌥', Shift: '⇧', Mod: '⌘', Enter: '↩' };
/** Apple's own order of modifier symbols. */
const appleOrder = ['Ctrl', 'Alt', 'Shift', 'Mod'];

/** A shortcut as people read it: "Ctrl+Alt+1" elsewhere, "⌥⌘1" on Apple systems. */
export function shortcutLabel(input: { shortcut: string; apple: boolean }): string {
  const keys = input.shortcut.split(/\+(?!$)/);
  if (!input.apple) return keys.map((key) => (key === 'Mod' ? 'Ctrl' : key)).join('+');
  const modifiers = keys.filter((key) => appleOrder.includes(key)).sort((a, b) => appleOrder.indexOf(a) - appleOrder.indexOf(b));
  const rest = keys.filter((key) => !appleOrder.includes(key));
  return [...modifiers, ...rest].map((key) => appleSymbols[key] ?? key).join('');
}

/** The `aria-keyshortcuts` value of an action: every shortcut, space-separated, in ARIA's key names. */
export function ariaKeyShortcuts(input: { action: ShortcutAction; apple: boolean }): string {
  const mod = input.apple ? 'Meta' : 'Control';
  return shortcuts[input.action].map((shortcut) => shortcut.replace('Mod', mod).replace('Ctrl', 'Control')).join(' ');
}

/** Every label of an action, joined for a title ("Ctrl+Shift+Z, Ctrl+Y"). */
export function shortcutLabels(input: { action: ShortcutAction; apple: boolean }): string {
  return shortcuts[input.action].map((shortcut) => shortcutLabel({ shortcut, apple: input.apple })).join(', ');
}
