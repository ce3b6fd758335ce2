import type { EntityManager } from 'typeorm';
import type { AuditEntry } from '../audit/audit.service.js';
import { recordLifecycleEvent } from '../webhooks/lifecycle-event.js';
import { ApiKey } from './api-key.entity.js';

/**
 * Deactivates a key inside the caller's transaction: the one path for an admin, a leak report
 * and the inactivity policy. `audit` writes the trail with the right actor. After the commit
 * the caller tells verifiers (AuthChanges.keysChanged), so the key fails everywhere at once.
 */
export const deactivateKeyIn = async (
  manager: EntityManager,
  apiKey: ApiKey,
  now: Date,
  audit: (entry: AuditEntry) => Promise<void>,
  details?: Record<string, unknown>,
): Promise<void> => {
  apiKey.active = false;
  apiKey.updatedAt = now;
  await manager.save(ApiKey, apiKey);
  await audit({
    accountId: apiKey.accountId,
    action: 'api-key.deactivated',
    target: { type: 'api-key', id: apiKey.id, label: apiKey.key },
    ...(details ? { details } : {}),
  });
  await recordLifecycleEvent(manager, {
    type: 'key.deactivated',
    accountId: apiKey.accountId,
    data: { key: apiKey.key, keyName: apiKey.name, ...details },
    occurredAt: now,
  });
};
