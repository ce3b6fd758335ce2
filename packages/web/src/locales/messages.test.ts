import { describe, expect, it } from 'vitest';
import { en } from './en';
import { areaMessages, messages } from '.';

type Messages = { [key: string]: string | Messages };

/** Every message as `path -> text`, so two languages can be compared key by key. */
const flatten = (messages: Messages, prefix = ''): Map<string, string> => {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [nested, text] of flatten(value, path)) entries.set(nested, text);
  }
  return entries;
};

const placeholders = (text: string) =>
  [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

const languages = messages;

describe('locales', () => {
  const english = flatten(languages.en);

  it('gives every feature its own top-level key, never overriding the main locale files', () => {
    for (const key of Object.keys(areaMessages.en)) expect(en).not.toHaveProperty(key);
  });

  it.each(['pt-BR', 'es'] as const)('%s has exactly the English keys and placeholders', (code) => {
    const translated = flatten(languages[code]);
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [path, text] of english) {
      expect({ path, placeholders: placeholders(translated.get(path) ?? '') }).toEqual({
        path,
        placeholders: placeholders(text),
      });
      expect(translated.get(path)?.trim(), path).not.toBe('');
    }
  });
});
