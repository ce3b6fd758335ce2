import { useApolloClient, useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const UpdateApiKeySettingsMutationDocument = graphql(`
  mutation UpdateApiKeySettings($input: UpdateApiKeySettingsInput!) {
    updateApiKeySettings(input: $input) {
      settings {
        ...ApiKeySettingsForm_settings
      }
    }
  }
`);

/**
 * The payload carries the webhook signing secret: keep it out of the cache. Duration and
 * enforcement change every key's expiry and alert, so the cached lists are dropped and
 * fetched again when next shown.
 */
export const useUpdateApiKeySettings = () => {
  const client = useApolloClient();
  return useMutation(UpdateApiKeySettingsMutationDocument, {
    fetchPolicy: 'no-cache',
    onCompleted: () => {
      client.cache.evict({ id: 'ROOT_QUERY', fieldName: 'generatedKeys' });
      client.cache.evict({ id: 'ROOT_QUERY', fieldName: 'generatedKeysAlertSummary' });
      client.cache.gc();
    },
  });
};
