import { GraphQLError, Kind, OperationTypeNode, type ValidationRule } from 'graphql';

/** Mutations whose payload is the only place a secret is ever shown. */
const REVEALING = new Set([
  'generateApiKey',
  'renewApiToken',
  'revealSingleAccessLink',
  'inviteMember',
]);

/**
 * A revealing mutation must be alone in its operation: a failing sibling would null the
 * whole response (payloads are non-null) after the secret was created, and it would be lost.
 */
export const singleRevealRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation !== OperationTypeNode.MUTATION) return;
    const fields = node.selectionSet.selections;
    const revealing = fields.some(
      (selection) => selection.kind === Kind.FIELD && REVEALING.has(selection.name.value),
    );
    if (revealing && fields.length > 1) {
      context.reportError(
        new GraphQLError(
          'A mutation that reveals a secret (generateApiKey, renewApiToken, revealSingleAccessLink, inviteMember) must be the only field of its operation.',
          { nodes: [node] },
        ),
      );
    }
  },
});
