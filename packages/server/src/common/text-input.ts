import { badInput } from './app-error.js';

/** Control (Cc) and format (Cf: zero-width, bidirectional overrides, …) characters. */
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;
const CONTROL = /\p{Cc}/u;

/**
 * Names people read (key, role, account, member): no control or invisible formatting
 * characters, which could disguise a name or slip a look-alike past the unique-name rule.
 */
export const assertVisibleName = (field: string, name: string): void => {
  if (INVISIBLE.test(name)) {
    throw badInput(
      field,
      'Names cannot contain control or invisible characters (such as zero-width spaces or direction marks).',
    );
  }
};

/** Longest text accepted in a search or filter box. */
export const MAX_FILTER_TEXT = 200;

/**
 * A free-text filter (search, actor, target): trimmed, at most MAX_FILTER_TEXT characters,
 * no control characters, so every database answers it alike. Empty means no filter.
 */
export const filterText = (field: string, value: string | null | undefined): string | null => {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text.length > MAX_FILTER_TEXT)
    throw badInput(field, `Search with at most ${MAX_FILTER_TEXT} characters.`);
  if (CONTROL.test(text)) throw badInput(field, 'Search text cannot contain control characters.');
  return text || null;
};
