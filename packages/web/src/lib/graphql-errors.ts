import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { isErrorCode, type ErrorCode as ServerErrorCode } from '@keyward/shared';
import type { GraphQLFormattedError } from 'graphql';
import type { TFunction } from 'i18next';

/**
 * Every code the server may send (the vocabulary shared with it), plus the two the app infers
 * itself: NETWORK when the server could not be reached, UNKNOWN when it answered no known code.
 * Each has a message under `errors.<code>` in every language.
 */
export type ErrorCode = ServerErrorCode | 'NETWORK' | 'UNKNOWN';

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
  if (statusCode === 413) return 'PAYLOAD_TOO_LARGE';
  if (statusCode === 429) return 'RATE_LIMITED';
  if (statusCode === 503) return 'SERVICE_UNAVAILABLE';
  return 'NETWORK';
};

/** The first `extensions.code` the server sent, or NETWORK/UNKNOWN when it sent none. */
export const getErrorCode = (error: unknown): ErrorCode => {
  for (const graphQLError of graphQLErrorsOf(error)) {
    const code = graphQLError.extensions?.code;
    if (isErrorCode(code)) return code;
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
