import type { AppErrorCode } from '@keyward/shared';

/** Error codes a service may raise; the list and their HTTP statuses live in @keyward/shared. */
export type { AppErrorCode };

/** A rule broken by the caller; its message is safe to show to clients. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly field?: string,
    /** RATE_LIMITED: seconds before trying again (Retry-After on HTTP answers). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badInput = (field: string, message: string) =>
  new AppError('BAD_USER_INPUT', message, field);
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found.`);
export const forbidden = (message = 'You do not have permission to do this.') =>
  new AppError('FORBIDDEN', message);
export const unauthenticated = () => new AppError('UNAUTHENTICATED', 'Authentication is required.');
export const conflict = (message: string, field?: string) =>
  new AppError('CONFLICT', message, field);
