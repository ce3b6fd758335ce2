import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { TFunction } from 'i18next';

export const errorCodes = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'BAD_USER_INPUT',
  'RATE_LIMITED',
  /** Any of the server's document limits (depth, cost, aliases, tokens, directives). */
  'QUERY_LIMIT',
  'NETWORK',
  'UNKNOWN',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (errorCodes as readonly string[]).includes(value);

/** The server names each limit it refused a document for; the app tells them alike. */
const queryLimitCodes = [
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COSTLY',
  'TOO_MANY_ALIASES',
  'TOO_MANY_TOKENS',
  'TOO_MANY_DIRECTIVES',
];

const parseServerErrors = (error: ServerError): readonly GraphQLFormattedError[] => {
  try {
    const body: unknown = JSON.parse(error.bodyText);
    if (body && typeof body === 'object' && 'errors' in body && Array.isArray(body.errors)) {
      return body.errors as GraphQLFormattedError[];
    }
  } catch {
    // Not a GraphQL body (a proxy error page, for instance): fall back to the HTTP status.
  }
  return [];
};

const graphQLErrorsOf = (error: unknown): readonly GraphQLFormattedError[] => {
  if (CombinedGraphQLErrors.is(error)) return error.errors;
  if (ServerError.is(error)) return parseServerErrors(error);
  return [];
};

const codeFromStatus = (statusCode: number): ErrorCode => {
  if (statusCode === 401) return 'UNAUTHENTICATED';
  if (statusCode === 403) return 'FORBIDDEN';
  if (statusCode === 404) return 'NOT_FOUND';
  if (statusCode === 429) return 'RATE_LIMITED';
  return 'NETWORK';
};

/** The first `extensions.code` the server sent, or NETWORK/UNKNOWN when it sent none. */
export const getErrorCode = (error: unknown): ErrorCode => {
  for (const graphQLError of graphQLErrorsOf(error)) {
    const code = graphQLError.extensions?.code;
    if (isErrorCode(code)) return code;
    if (typeof code === 'string' && queryLimitCodes.includes(code)) return 'QUERY_LIMIT';
    // The server's database (or its cluster node) is unreachable for a moment: try again.
    if (code === 'SERVICE_UNAVAILABLE') return 'NETWORK';
  }
  if (ServerError.is(error)) return codeFromStatus(error.statusCode);
  if (error instanceof TypeError) return 'NETWORK';
  return 'UNKNOWN';
};

/** The input field the server blamed (`extensions.field`), if any. */
export const getErrorField = (error: unknown): string | undefined => {
  for (const graphQLError of graphQLErrorsOf(error)) {
    const field = graphQLError.extensions?.field;
    if (typeof field === 'string') return field;
  }
  return undefined;
};

export const describeError = (error: unknown, t: TFunction): string =>
  t(`errors.${getErrorCode(error)}`);
