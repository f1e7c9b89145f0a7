import { describe, expect, it } from 'vitest';
import { colorFor, palette, safeColor } from './colors.ts';

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}
function contrastWithWhite(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05);
}

describe('palette', () => {
  it('keeps white label text readable on every colour (≥ 4.5:1)', () => {
    for (const color of palette) expect(contrastWithWhite(color)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps the fallback colour readable too', () => {
    expect(contrastWithWhite(safeColor('nope'))).toBeGreaterThanOrEqual(4.5);
  });
});

describe('colorFor', () => {
  it('gives the same person the same colour every time', () => {
    expect(colorFor('usr_01J9')).toBe(colorFor('usr_01J9'));
  });

  it('spreads people over the palette', () => {
    const used = new Set(Array.from({ length: 64 }, (_, i) => colorFor(`usr_${i}`)));
    expect(used.size).toBeGreaterThan(palette.length / 2);
  });
});

describe('safeColor', () => {
  it('keeps a #rrggbb colour and replaces anything else', () => {
    expect(safeColor('#1F5FA8')).toBe('#1F5FA8');
    expect(safeColor('red; background: url(x)')).toBe('#595959');
    expect(safeColor(42)).toBe('#595959');
  });
});
