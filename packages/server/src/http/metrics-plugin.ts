import type { ApolloServerPlugin } from '@apollo/server';
import { AppError } from '../common/app-error.js';
import { APP_OPERATIONS } from './app-operations.js';
import type { Metrics } from './observability.js';
import type { GraphQLContext } from '../context.js';

/** Every operation that is not one of the app's own: nameless, made up, unauthenticated or invalid. */
export const OTHER_OPERATIONS = 'other';

/** Counts and times every GraphQL operation by name and outcome. */
export const metricsPlugin = (metrics: Metrics): ApolloServerPlugin<GraphQLContext> => {
  // Operation names come from clients: only the app's own take a label, so nobody, signed in
  // or not, can fill the label slots with made-up names.
  const label = (name: string | null | undefined, valid: boolean) =>
    valid && name && APP_OPERATIONS.has(name) ? name : OTHER_OPERATIONS;
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, operation, errors }) {
          const name = label(operationName, operation !== undefined);
          // Before formatError: our coded errors still carry their code on the original error.
          const first = errors?.[0];
          const code =
            first?.originalError instanceof AppError
              ? first.originalError.code
              : first?.extensions?.code;
          metrics.graphqlOperations.inc({
            operation: name,
            outcome: typeof code === 'string' ? code : errors ? 'ERROR' : 'ok',
          });
          metrics.graphqlDuration.observe(
            { operation: name },
            Number(process.hrtime.bigint() - started) / 1e9,
          );
        },
      };
    },
  };
};
