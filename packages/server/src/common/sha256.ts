import { createHash } from 'node:crypto';

/** For high-entropy secrets (session cookies, setup links); passwords use scrypt. */
export const sha256Hex = (value: string): string =>
  createHash('sha256').update(value).digest('hex');
