/**
 * Every `extensions.code` the server may answer with, and the HTTP status an HTTP route (exports,
 * verification, body limits) answers it with. GraphQL answers keep HTTP 200 for the rule codes
 * and 400 for refused documents, as Apollo does; the web shows a message for each code.
 */
export const ERROR_HTTP_STATUS = {
  // Rules broken by the caller (AppError in the server).
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  /** A key's token is past the duration its account enforces. */
  EXPIRED: 401,
  FORBIDDEN: 403,
  /** A key used from an address outside its allowlist. */
  IP_NOT_ALLOWED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  /** Too many failed authentications from this source or on this key, or a key over its budget. */
  RATE_LIMITED: 429,
  // Limits on a GraphQL document: each names itself, never its value.
  QUERY_TOO_DEEP: 400,
  QUERY_TOO_COSTLY: 400,
  TOO_MANY_ALIASES: 400,
  TOO_MANY_TOKENS: 400,
  TOO_MANY_DIRECTIVES: 400,
  // Malformed requests (Apollo's own codes are passed through with their safe message).
  BAD_REQUEST: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  PERSISTED_QUERY_NOT_FOUND: 400,
  PERSISTED_QUERY_NOT_SUPPORTED: 400,
  OPERATION_RESOLUTION_FAILURE: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  // Anything unexpected, with no detail.
  INTERNAL_SERVER_ERROR: 500,
  /** The database (or this server's cluster node) is unreachable for a moment: try again. */
  SERVICE_UNAVAILABLE: 503,
} as const satisfies Record<string, number>;

/** A code the server may send in `extensions.code`. */
export type ErrorCode = keyof typeof ERROR_HTTP_STATUS;

export const ERROR_CODES = Object.keys(ERROR_HTTP_STATUS) as readonly ErrorCode[];

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && Object.hasOwn(ERROR_HTTP_STATUS, value);

/** The codes a service raises for a broken rule (the server's AppError). */
export const APP_ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'EXPIRED',
  'RATE_LIMITED',
  'IP_NOT_ALLOWED',
] as const satisfies readonly ErrorCode[];
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** The codes of the limits on a GraphQL document. */
export const LIMIT_CODES = [
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COSTLY',
  'TOO_MANY_ALIASES',
  'TOO_MANY_TOKENS',
  'TOO_MANY_DIRECTIVES',
] as const satisfies readonly ErrorCode[];
export type LimitCode = (typeof LIMIT_CODES)[number];

export const httpStatusOf = (code: ErrorCode): number => ERROR_HTTP_STATUS[code];
