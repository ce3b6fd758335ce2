import type { ApolloServerPlugin } from '@apollo/server';
import type { Metrics } from '../http/observability.js';

const MAX_OPERATION_LABELS = 200;
const OPERATION_NAME = /^[A-Za-z_]\w{0,60}$/;

/** Counts and times every GraphQL operation by name and outcome. */
export const metricsPlugin = (metrics: Metrics): ApolloServerPlugin => {
  // Operation names come from clients: a bounded set keeps the metrics' cardinality bounded.
  const seen = new Set<string>();
  const label = (name: string | null | undefined) => {
    if (!name || !OPERATION_NAME.test(name)) return 'anonymous';
    if (seen.has(name)) return name;
    if (seen.size >= MAX_OPERATION_LABELS) return 'other';
    seen.add(name);
    return name;
  };
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, errors }) {
          const operation = label(operationName);
          const code = errors?.[0]?.extensions?.code;
          metrics.graphqlOperations.inc({
            operation,
            outcome: typeof code === 'string' ? code : errors ? 'ERROR' : 'ok',
          });
          metrics.graphqlDuration.observe(
            { operation },
            Number(process.hrtime.bigint() - started) / 1e9,
          );
        },
      };
    },
  };
};
