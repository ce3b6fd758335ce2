import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const CreateWebhookEndpointMutationDocument = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      endpoint {
        ...WebhookEndpoints_endpoint
      }
    }
  }
`);

export const UpdateWebhookEndpointMutationDocument = graphql(`
  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(input: $input) {
      endpoint {
        ...WebhookEndpoints_endpoint
      }
    }
  }
`);

export const DeleteWebhookEndpointMutationDocument = graphql(`
  mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {
    deleteWebhookEndpoint(input: $input) {
      deletedEndpointId
    }
  }
`);

/** A new endpoint joins the list, which is fetched again. */
export const useCreateWebhookEndpoint = () =>
  useMutation(CreateWebhookEndpointMutationDocument, { refetchQueries: ['WebhookEndpoints'] });

export const useUpdateWebhookEndpoint = () => useMutation(UpdateWebhookEndpointMutationDocument);

export const useDeleteWebhookEndpoint = () =>
  useMutation(DeleteWebhookEndpointMutationDocument, { refetchQueries: ['WebhookEndpoints'] });
