import type { ApolloServerPlugin } from '@apollo/server';
import { AppError } from '../common/app-error.js';
import type { GraphQLContext } from '../context.js';

/**
 * A RATE_LIMITED answer (a key over its budget, a throttled source) says when to come back
 * in `Retry-After`, as the verify endpoint and exports do. The status stays 200 (GraphQL's).
 */
export const retryAfterPlugin = (): ApolloServerPlugin<GraphQLContext> => ({
  async requestDidStart() {
    return {
      async willSendResponse({ errors, response }) {
        const limited = errors?.find(
          (error) =>
            error.originalError instanceof AppError && error.originalError.code === 'RATE_LIMITED',
        )?.originalError as AppError | undefined;
        if (limited)
          response.http.headers.set('retry-after', String(limited.retryAfterSeconds ?? 60));
      },
    };
  },
});
