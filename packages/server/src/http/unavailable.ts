import { GraphQLError } from 'graphql';
import { isDatabaseUnavailable } from '../common/transaction-retry.js';

export { isDatabaseUnavailable };

/** What a client sees while the database (or this server's cluster node) is unreachable. */
export const UNAVAILABLE_ERROR = {
  message: 'The service is temporarily unavailable; try again shortly.',
  extensions: { code: 'SERVICE_UNAVAILABLE' },
} as const;

/** Thrown from GraphQL context creation: Apollo answers it with HTTP 503. */
export const databaseUnavailable = (): GraphQLError =>
  new GraphQLError(UNAVAILABLE_ERROR.message, {
    extensions: {
      code: 'SERVICE_UNAVAILABLE',
      http: { status: 503 },
    },
  });
