import { useMutation } from '@apollo/client/react';
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

/** The payload carries the webhook signing secret: keep it out of the cache. */
export const useUpdateApiKeySettings = () =>
  useMutation(UpdateApiKeySettingsMutationDocument, { fetchPolicy: 'no-cache' });
