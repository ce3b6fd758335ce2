import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type FormattedExecutionResult } from 'graphql';

/**
 * One GraphQL operation over `fetch`, for the pages a visitor sees before signing in: Apollo
 * Client (a third of the first load) is loaded once signed in. Errors are thrown as Apollo
 * throws them, so `describeError` reads both alike.
 */
export const requestGraphql = async <Data, Variables>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<Data> => {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const result = (await response.json()) as FormattedExecutionResult<Data>;
  if (result.errors?.length) throw new CombinedGraphQLErrors(result);
  if (!result.data) throw new TypeError(`GraphQL answered ${response.status} without data`);
  return result.data;
};
