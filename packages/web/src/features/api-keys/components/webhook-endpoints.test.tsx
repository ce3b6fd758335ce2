import { screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type {
  CreateWebhookEndpointMutationVariables,
  DeleteWebhookEndpointMutationVariables,
  ResendWebhookDeliveryMutationVariables,
} from '../../../gql/graphql';
import { buildViewer, renderWithProviders } from '../../../test/render';
import { ResendWebhookDeliveryMutationDocument } from '../hooks/use-resend-webhook-delivery';
import {
  CreateWebhookEndpointMutationDocument,
  DeleteWebhookEndpointMutationDocument,
} from '../hooks/use-webhook-endpoint-mutations';
import { deliveriesPageSize, WebhookDeliveriesQueryDocument } from './webhook-delivery-log';
import { WebhookEndpoints, WebhookEndpointsQueryDocument } from './webhook-endpoints';

const endpoint = {
  __typename: 'WebhookEndpoint',
  id: 'e1',
  url: 'https://hooks.example.com/keyward',
  description: 'Ops pager',
  eventTypes: ['KEY_CREATED', 'KEY_DELETED'],
  active: true,
  createdBy: 'admin@example.com',
  createdAt: '2024-06-01T12:00:00.000Z',
};

const delivery = (id: string, status: string, lastResponseStatus: number | null) => ({
  __typename: 'WebhookDelivery',
  id,
  eventType: 'KEY_CREATED',
  status,
  attempts: 3,
  lastResponseStatus,
  nextAttemptAt: status === 'PENDING' ? '2024-06-01T13:00:00.000Z' : null,
  lastAttemptAt: '2024-06-01T12:30:00.000Z',
  deliveredAt: status === 'DELIVERED' ? '2024-06-01T12:30:00.000Z' : null,
  createdAt: '2024-06-01T12:00:00.000Z',
});

const setup = ({
  resources,
  failCreate = false,
}: { resources?: string[]; failCreate?: boolean } = {}) => {
  const created: CreateWebhookEndpointMutationVariables[] = [];
  const deleted: DeleteWebhookEndpointMutationVariables[] = [];
  const resent: ResendWebhookDeliveryMutationVariables[] = [];
  const mocks = [
    {
      request: { query: WebhookEndpointsQueryDocument },
      maxUsageCount: Number.POSITIVE_INFINITY,
      result: { data: { webhookEndpoints: [endpoint] } },
    },
    {
      request: { query: CreateWebhookEndpointMutationDocument, variables: () => true },
      result: (variables: CreateWebhookEndpointMutationVariables) => {
        created.push(variables);
        if (failCreate) {
          return {
            errors: [
              new GraphQLError('Enter a URL whose host is a public address.', {
                extensions: { code: 'BAD_USER_INPUT', field: 'url' },
              }),
            ],
          };
        }
        return {
          data: {
            createWebhookEndpoint: {
              __typename: 'WebhookEndpointPayload',
              endpoint: { ...endpoint, id: 'e2', ...variables.input },
            },
          },
        };
      },
    },
    {
      request: { query: DeleteWebhookEndpointMutationDocument, variables: () => true },
      result: (variables: DeleteWebhookEndpointMutationVariables) => {
        deleted.push(variables);
        return {
          data: {
            deleteWebhookEndpoint: {
              __typename: 'DeleteWebhookEndpointPayload',
              deletedEndpointId: variables.input.id,
            },
          },
        };
      },
    },
    {
      request: {
        query: WebhookDeliveriesQueryDocument,
        variables: { endpointId: 'e1', first: deliveriesPageSize },
      },
      maxUsageCount: Number.POSITIVE_INFINITY,
      result: {
        data: {
          webhookDeliveries: {
            __typename: 'WebhookDeliveryConnection',
            pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c2' },
            edges: [
              { __typename: 'WebhookDeliveryEdge', node: delivery('d1', 'FAILED', 500) },
              { __typename: 'WebhookDeliveryEdge', node: delivery('d2', 'DELIVERED', 204) },
              { __typename: 'WebhookDeliveryEdge', node: delivery('d3', 'PENDING', null) },
            ],
          },
        },
      },
    },
    {
      request: { query: ResendWebhookDeliveryMutationDocument, variables: () => true },
      result: (variables: ResendWebhookDeliveryMutationVariables) => {
        resent.push(variables);
        return {
          data: {
            resendWebhookDelivery: {
              __typename: 'ResendWebhookDeliveryPayload',
              delivery: {
                __typename: 'WebhookDelivery',
                id: variables.input.id,
                status: 'PENDING',
                nextAttemptAt: '2024-06-01T14:00:00.000Z',
              },
            },
          },
        };
      },
    },
  ];
  const viewer = buildViewer(resources);
  const canEdit = viewer.resources.includes('license-manager:edit-api-keys-settings');
  const rendered = renderWithProviders(<WebhookEndpoints canEdit={canEdit} />, {
    mocks,
    viewer,
  });
  return { ...rendered, created, deleted, resent };
};

describe('WebhookEndpoints', () => {
  it('lists the endpoints with their events and status', async () => {
    setup();
    const table = await screen.findByRole('table', { name: 'Webhook endpoints' });
    const [row] = within(table).getAllByTestId('webhook-endpoint-row');
    expect(row).toHaveTextContent('https://hooks.example.com/keyward');
    expect(row).toHaveTextContent('Ops pager');
    expect(row).toHaveTextContent('2 events');
    expect(row).toHaveTextContent('Active');
  });

  it('adds an endpoint with the events ticked in their groups', async () => {
    const { user, created } = setup();
    await screen.findByRole('table', { name: 'Webhook endpoints' });
    await user.click(screen.getByTestId('webhook-add'));
    const dialog = await screen.findByRole('dialog', { name: 'Add webhook endpoint' });
    // Nothing ticked: the form asks for an event and sends nothing.
    await user.type(within(dialog).getByTestId('webhook-url'), 'https://example.com/hook');
    await user.click(within(dialog).getByTestId('webhook-save'));
    expect(await within(dialog).findByText('Choose at least one event.')).toBeInTheDocument();
    expect(created).toEqual([]);
    const tokens = within(dialog).getByRole('group', { name: 'Tokens' });
    await user.click(within(tokens).getByRole('checkbox', { name: 'Token renewed' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Key leaked' }));
    await user.click(within(dialog).getByTestId('webhook-save'));
    await waitFor(() =>
      expect(created).toEqual([
        {
          input: {
            url: 'https://example.com/hook',
            description: '',
            eventTypes: ['TOKEN_RENEWED', 'KEY_LEAKED'],
          },
        },
      ]),
    );
    expect(await screen.findByText('Webhook endpoint added')).toBeInTheDocument();
  });

  it('shows a refused URL on the field', async () => {
    const { user } = setup({ failCreate: true });
    await screen.findByRole('table', { name: 'Webhook endpoints' });
    await user.click(screen.getByTestId('webhook-add'));
    const dialog = await screen.findByRole('dialog', { name: 'Add webhook endpoint' });
    const url = within(dialog).getByTestId('webhook-url');
    await user.type(url, 'http://10.0.0.5/hook');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Key created' }));
    await user.click(within(dialog).getByTestId('webhook-save'));
    await waitFor(() => expect(url).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.queryByText('Could not save the webhook endpoint')).not.toBeInTheDocument();
  });

  it('deletes an endpoint after confirmation', async () => {
    const { user, deleted } = setup();
    await screen.findByRole('table', { name: 'Webhook endpoints' });
    await user.click(
      screen.getByRole('button', { name: 'Actions for https://hooks.example.com/keyward' }),
    );
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    expect(deleted).toEqual([]);
    await user.click(await screen.findByTestId('confirm-delete-webhook'));
    await waitFor(() => expect(deleted).toEqual([{ input: { id: 'e1' } }]));
  });

  it('shows the delivery log and resends a failed delivery', async () => {
    const { user, resent } = setup();
    await screen.findByRole('table', { name: 'Webhook endpoints' });
    await user.click(
      screen.getByRole('button', { name: 'Actions for https://hooks.example.com/keyward' }),
    );
    await user.click(await screen.findByRole('menuitem', { name: 'Delivery log' }));
    const log = await screen.findByRole('table', { name: 'Deliveries' });
    const rows = within(log).getAllByTestId('webhook-delivery-row');
    expect(rows.map((row) => row.getAttribute('data-status'))).toEqual([
      'FAILED',
      'DELIVERED',
      'PENDING',
    ]);
    expect(rows[0]).toHaveTextContent('HTTP 500');
    expect(rows[2]).toHaveTextContent('No answer');
    // A pending delivery is already queued: no resend there.
    expect(within(rows[2]!).queryByRole('button', { name: /Resend/ })).not.toBeInTheDocument();
    await user.click(within(rows[0]!).getByRole('button', { name: 'Resend: Key created' }));
    await waitFor(() => expect(resent).toEqual([{ input: { id: 'd1' } }]));
    expect(await screen.findByText('Delivery queued again')).toBeInTheDocument();
  });

  it('lets a viewer read but not change endpoints', async () => {
    const { user } = setup({ resources: ['license-manager:view-api-keys'] });
    await screen.findByRole('table', { name: 'Webhook endpoints' });
    expect(screen.queryByTestId('webhook-add')).not.toBeInTheDocument();
    await user.click(
      screen.getByRole('button', { name: 'Actions for https://hooks.example.com/keyward' }),
    );
    expect(await screen.findByRole('menuitem', { name: 'Delivery log' })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: 'Delete' })).not.toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: 'Edit' })).not.toBeInTheDocument();
  });
});
