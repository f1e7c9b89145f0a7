import { describe, expect, it } from 'vitest';
import { ariaKeyShortcuts, isApplePlatform, shortcutLabel, shortcutLabels } from './shortcuts.ts';

describe('shortcutLabel', () => {
  it('reads Mod as Ctrl outside Apple systems', () => {
    expect(shortcutLabel({ shortcut: 'Mod+Alt+1', apple: false })).toBe('Ctrl+Alt+1');
    expect(shortcutLabel({ shortcut: 'Mod+K', apple: false })).toBe('Ctrl+K');
    expect(shortcutLabel({ shortcut: 'Shift+Enter', apple: false })).toBe('Shift+Enter');
  });

  it('uses Apple’s symbols in Apple’s modifier order', () => {
    expect(shortcutLabel({ shortcut: 'Mod+Alt+1', apple: true })).toBe('⌥⌘1');
    expect(shortcutLabel({ shortcut: 'Mod+Shift+Z', apple: true })).toBe('⇧⌘Z');
    expect(shortcutLabel({ shortcut: 'Shift+Enter', apple: true })).toBe('⇧↩');
  });

  it('keeps a plus sign or a slash that is the key itself', () => {
    expect(shortcutLabel({ shortcut: 'Mod+/', apple: false })).toBe('Ctrl+/');
    expect(shortcutLabel({ shortcut: 'Mod+/', apple: true })).toBe('⌘/');
    expect(shortcutLabel({ shortcut: 'Mod++', apple: false })).toBe('Ctrl++');
  });
});

describe('shortcutLabels', () => {
  it('lists every shortcut of an action', () => {
    expect(shortcutLabels({ action: 'redo', apple: false })).toBe('Ctrl+Shift+Z, Ctrl+Y');
    expect(shortcutLabels({ action: 'redo', apple: true })).toBe('⇧⌘Z, ⌘Y');
  });
});

describe('ariaKeyShortcuts', () => {
  it('names keys as ARIA does, Meta on Apple systems', () => {
    expect(ariaKeyShortcuts({ action: 'redo', apple: false })).toBe('Control+Shift+Z Control+Y');
    expect(ariaKeyShortcuts({ action: 'title', apple: true })).toBe('Meta+Alt+1');
  });
});

describe('isApplePlatform', () => {
  it('recognises macOS and iOS platform strings only', () => {
    expect(isApplePlatform('MacIntel')).toBe(true);
    expect(isApplePlatform('macOS')).toBe(true);
    expect(isApplePlatform('iPhone')).toBe(true);
    expect(isApplePlatform('Win32')).toBe(false);
    expect(isApplePlatform('Linux x86_64')).toBe(false);
  });
});
