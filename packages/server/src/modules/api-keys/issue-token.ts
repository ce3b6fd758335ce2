import type { EntityManager } from 'typeorm';
import { newId } from '../../common/ids.js';
import { generateToken, hashToken } from '../tokens/api-token.secret.js';
import { ApiToken } from './api-token.entity.js';

/**
 * Issues a key a new current token inside the caller's transaction (generation and renewal):
 * only its HMAC is stored; the clear token is returned once, for the payload that reveals it.
 */
export const issueToken = async (
  manager: EntityManager,
  tokenSecret: string,
  apiKeyId: string,
  now: Date,
): Promise<string> => {
  const token = generateToken();
  await manager.insert(ApiToken, {
    id: newId(),
    apiKeyId,
    tokenHash: hashToken(tokenSecret, token),
    createdAt: now,
    expiresAt: null,
    lastUsedAt: null,
    lastUsedIp: null,
  });
  return token;
};
