import type { DataSource } from 'typeorm';
import { paginate } from '../../common/keyset.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireResource } from '../auth/authorization.js';
import type { Caller } from '../auth/principal.js';
import type { ExternalKeyService } from '../external-keys/external-key.service.js';
import { Resources } from '../roles/resource-catalog.js';
import type { RoleService } from '../roles/role.service.js';
import { ApiKey } from './api-key.entity.js';
import type { ApiKeyService } from './api-key.service.js';
import type { ApiTokenService } from './api-token.service.js';

export interface GeneratedKeyRow {
  id: string;
  key: string;
  name: string;
  roles: string;
  createdAt: Date;
  tokenCreatedAt: Date;
  newTokenCreatedAt: Date | null;
  status: string;
  lastUsedAt: Date | null;
  /** The creator's email or key identifier; an external key names its account; '' when unknown. */
  createdBy: string;
}

export interface ExternalKeyRow {
  id: string;
  key: string;
  ownerAccount: string;
  roles: string;
  addedAt: Date;
  status: string;
}

const creatorInWords = (key: ApiKey): string => {
  if (!key.createdByType) return '';
  const label = key.createdByLabel ?? '';
  return key.createdByType === 'external-key'
    ? `${label} (external key of ${key.createdByAccountSlug ?? 'another account'})`
    : label;
};

/** S3: every generated and external key, in batches, with no secret material at all. */
export class ApiKeyExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly apiKeys: ApiKeyService,
    private readonly apiTokens: ApiTokenService,
    private readonly externalKeys: ExternalKeyService,
    private readonly roles: RoleService,
  ) {}

  /** Checks permission and records the export before the first byte goes out. */
  async start(caller: Caller, format: string): Promise<string> {
    const principal = requireResource(caller, Resources.viewApiKeys);
    await this.dataSource.transaction((manager) =>
      recordAudit(manager, caller, {
        accountId: principal.accountId,
        action: 'api-keys.exported',
        target: { type: 'account', id: principal.accountId, label: 'API keys' },
        details: { format },
      }),
    );
    return principal.accountId;
  }

  async *generated(accountId: string): AsyncGenerator<GeneratedKeyRow[]> {
    let after: string | undefined;
    for (;;) {
      const page = await paginate(
        this.dataSource
          .getRepository(ApiKey)
          .createQueryBuilder('k')
          .where('k.accountId = :accountId', { accountId }),
        [
          { expression: 'k.createdAt', read: (k) => k.createdAt },
          { expression: 'k.id', read: (k) => k.id },
        ],
        'ASC',
        { first: 100, after },
      );
      if (page.rows.length === 0) return;
      const ids = page.rows.map((key) => key.id);
      const [roles, tokens] = await Promise.all([
        this.apiKeys.rolesInAccount(accountId, ids),
        this.apiTokens.liveTokensOfKeys(ids),
      ]);
      yield page.rows.map((key, index) => {
        const live = tokens[index] ?? [];
        const renewing = live.length > 1;
        return {
          id: key.id,
          key: key.key,
          name: key.name,
          roles: (roles[index] ?? []).map((role) => role.name).join('; '),
          createdAt: key.createdAt,
          tokenCreatedAt: renewing
            ? (live[0]?.createdAt ?? key.tokenCreatedAt)
            : key.tokenCreatedAt,
          newTokenCreatedAt: renewing ? key.tokenCreatedAt : null,
          status: key.status,
          lastUsedAt: key.lastUsedAt,
          createdBy: creatorInWords(key),
        };
      });
      if (!page.hasNextPage) return;
      after = page.cursors.at(-1);
    }
  }

  async *external(caller: Caller): AsyncGenerator<ExternalKeyRow[]> {
    let after: string | undefined;
    for (;;) {
      const page = await this.externalKeys.list(caller, {
        first: 100,
        after,
        sortField: 'ADDED_AT',
        direction: 'ASC',
      });
      if (page.rows.length === 0) return;
      const roles = await this.roles.rolesOfGrants(page.rows.map((grant) => grant.id));
      yield page.rows.map((grant, index) => ({
        id: grant.id,
        key: grant.apiKey?.key ?? '',
        ownerAccount: grant.apiKey?.account?.slug ?? '',
        roles: (roles[index] ?? []).map((role) => role.name).join('; '),
        addedAt: grant.createdAt,
        status: grant.apiKey?.status ?? '',
      }));
      if (!page.hasNextPage) return;
      after = page.cursors.at(-1);
    }
  }
}
