import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES, ERROR_HTTP_STATUS, LIMIT_CODES } from '@keyward/shared';
import { describe, expect, it } from 'vitest';
import { LIMIT_MESSAGES } from '../src/graphql/query-limits.js';

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );

/** Codes written as literals where the server builds an error: extensions, AppError, helpers. */
const emittedCodes = () => {
  const codes = new Set<string>();
  const patterns = [
    /extensions: \{ code: '([A-Z_]+)'/g,
    /new AppError\(\s*'([A-Z_]+)'/g,
    /code === '([A-Z_]+)'/g,
  ];
  for (const file of sourceFiles(new URL('../src', import.meta.url).pathname)) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns)
      for (const match of text.matchAll(pattern)) codes.add(match[1] ?? '');
  }
  return codes;
};

describe('the error vocabulary shared with the web', () => {
  it('lists every code the server writes into an error', () => {
    const codes = emittedCodes();
    expect(codes.size).toBeGreaterThan(5);
    for (const code of codes) {
      // The verification endpoint's outcome codes are answers, not errors.
      if (['VALID', 'INVALID_CREDENTIALS', 'INACTIVE'].includes(code)) continue;
      expect(ERROR_CODES, code).toContain(code);
    }
  });

  it('gives every code an HTTP status and every limit its message', () => {
    for (const code of ERROR_CODES) expect(ERROR_HTTP_STATUS[code]).toBeGreaterThanOrEqual(400);
    expect(Object.keys(LIMIT_MESSAGES).sort()).toEqual([...LIMIT_CODES].sort());
  });
});
