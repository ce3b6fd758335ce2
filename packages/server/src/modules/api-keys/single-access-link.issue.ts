import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { addMs } from '../../common/clock.js';
import { sha256Hex } from '../../common/sha256.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Caller } from '../auth/principal.js';
import { sealToken } from './single-access-link.seal.js';
import { SingleAccessLink } from './single-access-link.entity.js';

export const SINGLE_ACCESS_LINK_TTL_MS = 24 * 60 * 60 * 1000;

/** How a freshly issued token reaches a person: on the admin's screen, or through a link only. */
export type TokenReveal = 'TOKEN' | 'SINGLE_ACCESS_LINK';

export type IssuedLink = { path: string; expiresAt: Date };

/**
 * Seals `token` into a link that reveals it once within 24 hours, in the caller's transaction
 * (the key and its link exist together or not at all). Only a hash of the link's secret is
 * stored, and the token is sealed with that secret.
 */
export const issueSingleAccessLink = async (
  manager: EntityManager,
  caller: Caller,
  input: {
    tokenSecret: string;
    now: Date;
    accountId: string;
    key: { id: string; key: string };
    token: string;
  },
): Promise<IssuedLink> => {
  const secret = randomBytes(32).toString('base64url');
  const expiresAt = addMs(input.now, SINGLE_ACCESS_LINK_TTL_MS);
  await manager.insert(SingleAccessLink, {
    idHash: sha256Hex(secret),
    apiKeyId: input.key.id,
    accountId: input.accountId,
    sealedToken: sealToken(input.tokenSecret, secret, input.token),
    createdAt: input.now,
    expiresAt,
  });
  await recordAudit(manager, caller, {
    accountId: input.accountId,
    action: 'api-key.single-access-link-created',
    target: { type: 'api-key', id: input.key.id, label: input.key.key },
  });
  return { path: `/credentials/${secret}`, expiresAt };
};
