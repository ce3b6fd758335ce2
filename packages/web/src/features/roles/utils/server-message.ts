import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** The server's own explanation (e.g. how many users and keys hold a role), when it sent one. */
export const serverMessage = (error: unknown): string | null => {
  if (!CombinedGraphQLErrors.is(error)) return null;
  return error.errors.find((graphQLError) => graphQLError.message)?.message ?? null;
};
