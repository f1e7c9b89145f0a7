/**
 * Every message in every language: a key missing from a locale, or worded with other parameters
 * than the English, fails here (area files included: web/messages/<area>/<locale>.json).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '../paraglide/runtime.js';

const messagesDir = join(import.meta.dirname, '../../../messages');

/** The folders holding one file per locale: the general one and each area's. */
function areas(): string[] {
  const dirs = readdirSync(messagesDir).filter((name) => statSync(join(messagesDir, name)).isDirectory());
  return ['', ...dirs];
}

type Messages = Record<string, unknown>;

function load(area: string, locale: string): Messages {
  const { $schema: _schema, ...messages } = JSON.parse(readFileSync(join(messagesDir, area, `${locale}.json`), 'utf8')) as Messages;
  return messages;
}

/** The names a message takes: `{name}` placeholders, and a variant message's declared inputs. */
function parametersOf(message: unknown): string[] {
  const found = new Set<string>();
  const scan = (text: string) => {
    for (const match of text.matchAll(/\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}/g)) if (match[1]) found.add(match[1]);
  };
  if (typeof message === 'string') scan(message);
  else if (Array.isArray(message)) {
    for (const variant of message as { declarations?: string[]; match?: Record<string, string> }[]) {
      const locals = new Set<string>();
      for (const declaration of variant.declarations ?? []) {
        const input = /^input\s+(\w+)$/.exec(declaration.trim());
        if (input?.[1]) found.add(input[1]);
        const local = /^local\s+(\w+)\s*=/.exec(declaration.trim());
        if (local?.[1]) locals.add(local[1]);
      }
      for (const text of Object.values(variant.match ?? {})) scan(text);
      for (const name of locals) found.delete(name);
    }
  } else throw new Error(`not a message: ${JSON.stringify(message)}`);
  return [...found].sort();
}

describe('messages', () => {
  for (const area of areas()) {
    const where = area || 'general';
    const english = load(area, 'en');

    it(`(${where}) every locale has exactly the English keys, with the same parameters`, () => {
      for (const locale of locales) {
        const messages = load(area, locale);
        expect(Object.keys(messages).sort(), `${where}/${locale}: keys`).toEqual(Object.keys(english).sort());
        for (const [key, message] of Object.entries(english)) {
          expect(parametersOf(messages[key]), `${where}/${locale}: parameters of ${key}`).toEqual(parametersOf(message));
        }
      }
    });

    it(`(${where}) no message is left empty`, () => {
      for (const locale of locales) {
        for (const [key, message] of Object.entries(load(area, locale))) {
          const texts = typeof message === 'string' ? [message] : (message as { match: Record<string, string> }[]).flatMap((v) => Object.values(v.match));
          expect(texts.every((text) => text.trim() !== ''), `${where}/${locale}: ${key}`).toBe(true);
        }
      }
    });
  }

  it('keys are global: no key is defined in two area files', () => {
    const seen = new Map<string, string>();
    for (const area of areas()) {
      for (const key of Object.keys(load(area, 'en'))) {
        expect(seen.get(key), `${key} in ${area || 'general'}`).toBeUndefined();
        seen.set(key, area || 'general');
      }
    }
  });

  it('counts parameters in plain and plural messages, so a dropped one shows', () => {
    expect(parametersOf('Held by {holder}.')).toEqual(['holder']);
    const plural = [{ declarations: ['input count', 'local countPlural = count: plural'], selectors: ['countPlural'], match: { 'countPlural=one': 'A draft in {taskForce}', 'countPlural=*': '{count} drafts' } }];
    expect(parametersOf(plural)).toEqual(['count', 'taskForce']);
    expect(parametersOf('Held by.')).not.toEqual(parametersOf('Held by {holder}.'));
  });
});
