import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';

export const SwitchAccountMutationDocument = graphql(`
  mutation SwitchAccount($input: SwitchAccountInput!) {
    switchAccount(input: $input) {
      me {
        account {
          id
          name
        }
      }
    }
  }
`);

export const useSwitchAccount = () => {
  const client = useApolloClient();
  const [mutate, { loading }] = useMutation(SwitchAccountMutationDocument);
  const switchAccount = useCallback(
    async (accountId: string) => {
      const result = await mutate({ variables: { input: { accountId } } });
      // Every cached query belongs to the previous account: drop it and refetch what is on screen.
      // A refetch superseded while the store resets rejects with AbortError: the switch succeeded.
      await client.resetStore().catch((error: unknown) => {
        if (!(error instanceof Error && error.name === 'AbortError')) throw error;
      });
      return result.data?.switchAccount.me.account;
    },
    [client, mutate],
  );
  return { switchAccount, loading };
};
