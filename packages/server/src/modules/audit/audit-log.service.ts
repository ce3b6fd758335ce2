import type { DataSource } from 'typeorm';
import { filterText } from '../../common/text-input.js';
import { badInput } from '../../common/app-error.js';
import {
  LIKE_ESCAPE,
  likeContains,
  countUpTo,
  paginate,
  type Counted,
  sqlTimestamp,
  type Page,
  type PageRequest,
  type SortColumn,
} from '../../common/keyset.js';
import { requireResource } from '../auth/authorization.js';
import type { Caller } from '../auth/principal.js';
import { Resources } from '../roles/resource-catalog.js';
import { AuditEvent } from './audit-event.entity.js';
import { recordAudit } from './audit.service.js';

export interface AuditFilter {
  /** Substring of the actor's email or key. */
  actor?: string | null;
  /** Exact action, e.g. api-key.deleted. */
  action?: string | null;
  /** Substring of the target key (or other target label). */
  targetKey?: string | null;
  from?: Date | null;
  to?: Date | null;
}

const NEWEST_FIRST: SortColumn<AuditEvent>[] = [
  { expression: 'e.createdAt', read: (event) => event.createdAt },
  { expression: 'e.id', read: (event) => event.id },
];

/** Reading the trail: newest first, keyset-paginated on the (account, time) index. */
export class AuditLogService {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    caller: Caller,
    filter: AuditFilter,
    page: PageRequest,
  ): Promise<Page<AuditEvent> & Counted> {
    const accountId = requireResource(caller, Resources.viewApiKeys).accountId;
    const [events, counted] = await Promise.all([
      paginate(this.filtered(accountId, filter), NEWEST_FIRST, 'DESC', page),
      countUpTo(this.filtered(accountId, filter)),
    ]);
    return { ...events, ...counted };
  }

  /**
   * Checks the caller and the filter, then records the export itself (S4: reading the whole
   * trail out is an event of its own); the rows follow from `exportBatches`.
   */
  async startExport(caller: Caller, filter: AuditFilter, format: string): Promise<void> {
    const accountId = requireResource(caller, Resources.viewApiKeys).accountId;
    this.filtered(accountId, filter);
    const applied = Object.fromEntries(
      Object.entries({
        actor: filter.actor?.trim(),
        action: filter.action?.trim(),
        targetKey: filter.targetKey?.trim(),
        from: filter.from?.toISOString(),
        to: filter.to?.toISOString(),
      }).filter(([, value]) => value),
    );
    await this.dataSource.transaction((manager) =>
      recordAudit(manager, caller, {
        accountId,
        action: 'audit-log.exported',
        target: { type: 'account', id: accountId, label: 'Audit log' },
        details: { format, filter: applied },
      }),
    );
  }

  /** Every matching event, newest first, a batch at a time: exports never hold the whole trail. */
  async *exportBatches(caller: Caller, filter: AuditFilter): AsyncGenerator<AuditEvent[]> {
    const accountId = requireResource(caller, Resources.viewApiKeys).accountId;
    let after: string | undefined;
    for (;;) {
      const batch = await paginate(this.filtered(accountId, filter), NEWEST_FIRST, 'DESC', {
        first: 100,
        after,
      });
      if (batch.rows.length > 0) yield batch.rows;
      if (!batch.hasNextPage) return;
      after = batch.cursors.at(-1);
    }
  }

  private filtered(accountId: string, filter: AuditFilter) {
    if (filter.from && filter.to && filter.from > filter.to)
      throw badInput('from', 'The start must be before the end.');
    const query = this.dataSource
      .getRepository(AuditEvent)
      .createQueryBuilder('e')
      .where('e.accountId = :accountId', { accountId });
    const actor = filterText('actor', filter.actor);
    const action = filterText('action', filter.action);
    const targetKey = filterText('targetKey', filter.targetKey);
    if (actor) {
      query.andWhere(`LOWER(e.actorLabel) LIKE :actor ${LIKE_ESCAPE}`, {
        actor: likeContains(actor),
      });
    }
    if (action) query.andWhere('e.action = :action', { action });
    if (targetKey) {
      query.andWhere(`LOWER(e.targetLabel) LIKE :target ${LIKE_ESCAPE}`, {
        target: likeContains(targetKey),
      });
    }
    if (filter.from) query.andWhere('e.createdAt >= :from', { from: sqlTimestamp(filter.from) });
    if (filter.to) query.andWhere('e.createdAt <= :to', { to: sqlTimestamp(filter.to) });
    return query;
  }
}
