import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { AppError } from '../common/app-error.js';
import { AuthorityError } from '../modules/auth/authority.js';

/** Codes Apollo itself raises for malformed requests; their messages are safe. */
const REQUEST_ERROR_CODES = new Set([
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
    // The parser names its token limit; limits are not told to clients.
    if (code === 'GRAPHQL_PARSE_FAILED' && /tokens/i.test(formatted.message)) {
      return { message: 'Query validation error.', extensions: { code } };
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
