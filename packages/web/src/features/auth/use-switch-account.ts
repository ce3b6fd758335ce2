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
      await client.resetStore();
      return result.data?.switchAccount.me.account;
    },
    [client, mutate],
  );
  return { switchAccount, loading };
};
