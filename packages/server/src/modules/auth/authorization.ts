import { AppError, forbidden, unauthenticated } from '../../common/app-error.js';
import type { Caller, Principal } from './principal.js';

/** The one check per operation: authenticated, and holding the resource in the current account. */
export const requireResource = (caller: Caller, resource: string): Principal => {
  const principal = requirePrincipal(caller);
  if (!principal.resources.has(resource)) throw forbidden();
  return principal;
};

export const requireAnyResource = (caller: Caller, resources: readonly string[]): Principal => {
  const principal = requirePrincipal(caller);
  if (!resources.some((resource) => principal.resources.has(resource))) throw forbidden();
  return principal;
};

export const requirePrincipal = (caller: Caller): Principal => {
  if (!caller.principal && caller.authFailure === 'EXPIRED') {
    throw new AppError('EXPIRED', 'This token is past its duration: renew it.');
  }
  if (!caller.principal && caller.authFailure === 'RATE_LIMITED') {
    throw new AppError(
      'RATE_LIMITED',
      'Too many requests: try again later.',
      undefined,
      caller.retryAfterSeconds,
    );
  }
  if (!caller.principal && caller.authFailure === 'IP_NOT_ALLOWED') {
    throw new AppError('IP_NOT_ALLOWED', 'This key may not be used from this address.');
  }
  if (!caller.principal && caller.authFailure === 'FORBIDDEN') {
    throw forbidden('This key holds no grant in the account addressed.');
  }
  if (!caller.principal) throw unauthenticated();
  return caller.principal;
};
