import { describe, expect, it } from 'vitest';
import { wrongTokenOf } from './support/tokens.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

describe('the wrong token the suites present', () => {
  it('differs from the token whatever its last character', () => {
    for (const last of BASE62) {
      const token = `kwt_${'0'.repeat(48)}${last}`;
      expect(wrongTokenOf(token), last).not.toBe(token);
      expect(wrongTokenOf(token)).toHaveLength(token.length);
    }
  });
});
