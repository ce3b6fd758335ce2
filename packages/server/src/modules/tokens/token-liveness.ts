/**
 * A token is live until its expiry: null for the current token, set on an old one when a
 * renewal gives it a grace period. The one definition, for GraphQL, renewals and verification.
 */
export const isLiveToken = (token: { expiresAt: Date | null }, now: Date): boolean =>
  token.expiresAt === null || token.expiresAt > now;
