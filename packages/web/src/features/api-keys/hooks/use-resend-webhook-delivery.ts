import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const ResendWebhookDeliveryMutationDocument = graphql(`
  mutation ResendWebhookDelivery($input: ResendWebhookDeliveryInput!) {
    resendWebhookDelivery(input: $input) {
      delivery {
        id
        status
        nextAttemptAt
      }
    }
  }
`);

export const useResendWebhookDelivery = () => useMutation(ResendWebhookDeliveryMutationDocument);
