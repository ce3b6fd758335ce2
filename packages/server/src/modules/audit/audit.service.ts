import type { EntityManager } from 'typeorm';
import { newId } from '../../common/ids.js';
import { actorOf, type Caller } from '../auth/principal.js';
import { AuditEvent } from './audit-event.entity.js';

export interface AuditEntry {
  accountId: string;
  action: string;
  target?: { type: string; id: string; label: string };
  details?: Record<string, unknown>;
}

/** Written inside the caller's transaction, so a change and its trail land together. */
export const recordAudit = async (
  manager: EntityManager,
  caller: Caller,
  entry: AuditEntry,
): Promise<void> => {
  const actor = caller.principal
    ? actorOf(caller.principal)
    : { actorType: 'anonymous' as const, actorId: null, actorLabel: null };
  await manager.insert(AuditEvent, {
    id: newId(),
    accountId: entry.accountId,
    action: entry.action,
    ...actor,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    targetLabel: entry.target?.label ?? null,
    details: entry.details ? JSON.stringify(entry.details) : null,
    sourceIp: caller.ip,
    createdAt: new Date(),
  });
};

/**
 * A change the server made on its own (a leak report, the inactivity policy): the actor is the
 * system, labelled with what acted, e.g. "inactivity policy: 90 days".
 */
export const recordSystemAudit = async (
  manager: EntityManager,
  actorLabel: string,
  sourceIp: string | null,
  entry: AuditEntry,
): Promise<void> => {
  await manager.insert(AuditEvent, {
    id: newId(),
    accountId: entry.accountId,
    action: entry.action,
    actorType: 'system',
    actorId: null,
    actorLabel,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    targetLabel: entry.target?.label ?? null,
    details: entry.details ? JSON.stringify(entry.details) : null,
    sourceIp,
    createdAt: new Date(),
  });
};
