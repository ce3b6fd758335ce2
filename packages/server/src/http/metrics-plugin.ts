import type { ApolloServerPlugin } from '@apollo/server';
import { AppError } from '../common/app-error.js';
import type { Metrics } from './observability.js';
import type { GraphQLContext } from '../context.js';

const MAX_OPERATION_LABELS = 200;
const OPERATION_NAME = /^[A-Za-z_]\w{0,60}$/;
/** Every operation whose name is not a label: nameless, unauthenticated, invalid or beyond the cap. */
export const OTHER_OPERATIONS = 'other';

/** Counts and times every GraphQL operation by name and outcome. */
export const metricsPlugin = (metrics: Metrics): ApolloServerPlugin<GraphQLContext> => {
  // Operation names come from clients: only an authenticated caller's operation that parsed
  // and validated may take one of a bounded number of labels, so anonymous callers cannot
  // fill them with made-up names and push real operations out.
  const seen = new Set<string>();
  const label = (name: string | null | undefined, known: boolean) => {
    if (!known || !name || !OPERATION_NAME.test(name)) return OTHER_OPERATIONS;
    if (seen.has(name)) return name;
    if (seen.size >= MAX_OPERATION_LABELS) return OTHER_OPERATIONS;
    seen.add(name);
    return name;
  };
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, operation, errors, contextValue }) {
          const known = operation !== undefined && Boolean(contextValue?.principal);
          const name = label(operationName, known);
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
