/** Who is calling, in which account, holding which resources there. */
export type Principal =
  | {
      kind: 'user';
      userId: string;
      email: string;
      accountId: string;
      sessionIdHash: string;
      resources: ReadonlySet<string>;
    }
  | {
      kind: 'api-key';
      apiKeyId: string;
      key: string;
      tokenId: string;
      /** The account addressed: the key's own, or one that granted it roles (an external key). */
      accountId: string;
      /** The account that owns the key; differs from accountId when it acts as an external key. */
      ownerAccountId: string;
      resources: ReadonlySet<string>;
    };

/** What services need to know about a request besides its principal. */
export interface Caller {
  principal: Principal | null;
  ip: string | null;
  /**
   * EXPIRED: a key's right token past its enforced duration. RATE_LIMITED: too many failures
   * (retry after `retryAfterSeconds`). FORBIDDEN: a right token addressing an account that
   * never granted the key. IP_NOT_ALLOWED: a key used from outside its allowlist.
   */
  authFailure?: 'EXPIRED' | 'RATE_LIMITED' | 'FORBIDDEN' | 'IP_NOT_ALLOWED';
  retryAfterSeconds?: number;
}

export const actorOf = (principal: Principal) =>
  principal.kind === 'user'
    ? { actorType: 'user' as const, actorId: principal.userId, actorLabel: principal.email }
    : { actorType: 'api-key' as const, actorId: principal.apiKeyId, actorLabel: principal.key };
