import { describe, expect, it } from 'vitest';
import { en } from './en';
import { es } from './es';
import { ptBR } from './pt-br';

type Messages = { [key: string]: string | Messages };

const flatten = (messages: Messages, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    Object.entries(messages).flatMap(([key, value]) =>
      typeof value === 'string'
        ? [[`${prefix}${key}`, value]]
        : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );

const placeholders = (message: string) =>
  [...message.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();

const english = flatten(en);

describe.each([
  ['pt-BR', ptBR],
  ['es', es],
])('%s messages', (_language, messages) => {
  const translated = flatten(messages);

  it('has every English message and no other', () => {
    expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
  });

  it('has no empty message and keeps every placeholder', () => {
    for (const [key, message] of Object.entries(english)) {
      expect(translated[key], key).toBeTruthy();
      expect(placeholders(translated[key] ?? ''), key).toEqual(placeholders(message));
    }
  });
});
