import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * The token in a single-access link is sealed with AES-256-GCM under a key derived from
 * the link's own secret and the server secret: the database alone cannot open it.
 */
const keyFor = (serverSecret: string, linkSecret: string): Buffer =>
  createHmac('sha256', serverSecret).update(`single-access-link:${linkSecret}`).digest();

export const sealToken = (serverSecret: string, linkSecret: string, token: string): string => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(serverSecret, linkSecret), iv);
  const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64');
};

export const openToken = (
  serverSecret: string,
  linkSecret: string,
  sealedToken: string,
): string => {
  const bytes = Buffer.from(sealedToken, 'base64');
  const decipher = createDecipheriv(
    'aes-256-gcm',
    keyFor(serverSecret, linkSecret),
    bytes.subarray(0, 12),
  );
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([
    decipher.update(bytes.subarray(12, bytes.length - 16)),
    decipher.final(),
  ]).toString('utf8');
};
