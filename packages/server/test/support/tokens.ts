/**
 * A token that differs from the given one in its last character, always: a fixed replacement
 * (`replace(/.$/, 'x')`) is the token itself whenever it already ends that way (1 in 62).
 */
export const wrongTokenOf = (token: string): string =>
  `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
