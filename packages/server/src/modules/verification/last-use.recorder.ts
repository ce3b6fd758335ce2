import { In, type DataSource } from 'typeorm';
import { sqlTimestamp } from '../../common/keyset.js';
import { ApiKey } from '../api-keys/api-key.entity.js';
import { ApiToken } from '../api-keys/api-token.entity.js';
import type { UsageRecorder } from '../usage/usage.recorder.js';

interface Use {
  apiKeyId: string;
  at: Date;
  ip: string | null;
}

/**
 * Last use per token (A5) without a write per request: uses are kept in memory and
 * written once a minute, so each token costs at most one write a minute however busy.
 */
export class LastUseRecorder {
  private pending = new Map<string, Use>();

  record(tokenId: string, apiKeyId: string, at: Date, ip: string | null): void {
    this.pending.set(tokenId, { apiKeyId, at, ip });
  }

  constructor(
    private readonly dataSource: DataSource,
    /** Reported uses also count in usage per key. */
    private readonly usage: UsageRecorder | null = null,
  ) {}

  /**
   * Uses a verifier answered from memory (POST /api/keys/usage): recorded like the server's
   * own, for tokens that exist and belong to the key named; returns how many were. Each counts
   * `count` verifications (the verifier's since its last report) in the key's usage.
   */
  async recordReported(
    uses: readonly {
      keyId: string;
      tokenId: string;
      at: Date;
      ip: string | null;
      count: number;
    }[],
  ): Promise<number> {
    if (uses.length === 0) return 0;
    const tokenIds = [...new Set(uses.map((use) => use.tokenId))];
    const tokens = await this.dataSource
      .getRepository(ApiToken)
      .find({ select: { id: true, apiKeyId: true }, where: { id: In(tokenIds) } });
    const keyOf = new Map(tokens.map((token) => [token.id, token.apiKeyId]));
    let recorded = 0;
    for (const use of uses) {
      if (keyOf.get(use.tokenId) !== use.keyId) continue;
      const pending = this.pending.get(use.tokenId);
      if (!pending || pending.at < use.at) this.record(use.tokenId, use.keyId, use.at, use.ip);
      this.usage?.record(use.keyId, 'VALID', use.ip, use.at, use.count);
      recorded += 1;
    }
    return recorded;
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const uses = [...this.pending.entries()];
    this.pending = new Map();
    try {
      await this.write(uses);
    } catch (error) {
      // Kept for the next flush, unless the token was used again meanwhile.
      for (const [tokenId, use] of uses) {
        if (!this.pending.has(tokenId)) this.pending.set(tokenId, use);
      }
      throw error;
    }
  }

  private async write(uses: [string, Use][]): Promise<void> {
    const latestByKey = new Map<string, Date>();
    for (const [tokenId, use] of uses) {
      await this.dataSource
        .createQueryBuilder()
        .update(ApiToken)
        .set({ lastUsedAt: use.at, lastUsedIp: use.ip })
        .where('id = :id', { id: tokenId })
        .execute();
      const latest = latestByKey.get(use.apiKeyId);
      if (!latest || latest < use.at) latestByKey.set(use.apiKeyId, use.at);
    }
    for (const [apiKeyId, at] of latestByKey) {
      // Neither bumps the key's version nor moves its last use backwards.
      await this.dataSource
        .createQueryBuilder()
        .update(ApiKey)
        .set({ lastUsedAt: at, version: () => 'version' })
        .where('id = :id AND (lastUsedAt IS NULL OR lastUsedAt < :at)', {
          id: apiKeyId,
          at: sqlTimestamp(at),
        })
        .execute();
    }
  }
}
