import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ErrorCode } from '@keyward/shared';
import type { Logger } from 'pino';
import { AppError } from './common/app-error.js';
import { AuthorityError } from './modules/auth/authority.js';
import { limitError } from './graphql/query-limits.js';
import { UNAVAILABLE_ERROR, isDatabaseUnavailable } from './http/unavailable.js';

/** Codes Apollo itself raises for malformed requests; their messages are safe. */
const REQUEST_ERROR_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Everything a client sees passes through here: our coded errors keep their message,
 * anything unexpected becomes a bare INTERNAL_SERVER_ERROR with no detail or stack.
 */
export const createFormatError =
  (logger: Logger) =>
  (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: {
          code: original.code,
          ...(original.field ? { field: original.field } : {}),
          // Which resources the caller lacks, so clients can say why (SPEC 5).
          ...(original instanceof AuthorityError
            ? { missingResources: original.missingResources }
            : {}),
        },
      };
    }
    const code = formatted.extensions?.code;
    // The database or this server's cluster node is unreachable: retry shortly (HTTP 503 when
    // it happened before any field ran).
    if (code === 'SERVICE_UNAVAILABLE' || isDatabaseUnavailable(original)) {
      logger.warn({ err: original }, 'Database unavailable');
      return { ...UNAVAILABLE_ERROR, path: formatted.path };
    }
    // Each limit says which it is (never its value), with its own code.
    const limit = limitError(formatted);
    if (limit) return limit;
    // Apollo raises this one uncoded: a client's mistake, not ours.
    if (formatted.message === 'provided sha does not match query') {
      return {
        message: 'The persisted query hash does not match the query.',
        extensions: { code: 'BAD_REQUEST' },
      };
    }
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
      return { message: formatted.message, locations: formatted.locations, extensions: { code } };
    }
    // Logged for operators only; driver messages never carry clear tokens (only hashes are stored).
    logger.error({ err: original }, 'Unexpected GraphQL error');
    return {
      message: 'Internal server error.',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
