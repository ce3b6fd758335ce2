import { screen, waitFor } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import type { ApiKeyRow_ApiKeyFragment } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { DeactivateApiKeyMutationDocument } from '../hooks/use-deactivate-api-key';
import { UndoRenewalMutationDocument } from '../hooks/use-undo-renewal';
import { ApiKeyActionModals } from './api-key-action-modals';

const apiKey = {
  id: 'k1',
  key: 'kw-demo-aaaa1111',
  name: 'ERP sync',
} as ApiKeyRow_ApiKeyFragment;

describe('ApiKeyActionModals', () => {
  it('deactivates the key the menu chose, says so and closes', async () => {
    const calls: unknown[] = [];
    const onClose = vi.fn();
    const mocks = [
      {
        request: { query: DeactivateApiKeyMutationDocument, variables: () => true },
        result: (variables: unknown) => {
          calls.push(variables);
          return {
            data: {
              deactivateApiKey: {
                __typename: 'DeactivateApiKeyPayload',
                apiKey: {
                  __typename: 'ApiKey',
                  id: 'k1',
                  status: 'INACTIVE',
                  updatedAt: '2026-11-23T00:00:00.000Z',
                },
              },
            },
          };
        },
      },
    ];
    const { user } = renderWithProviders(
      <ApiKeyActionModals
        action={{ kind: 'deactivate', apiKey }}
        opened
        roles={[]}
        onClose={onClose}
      />,
      { mocks },
    );
    await user.click(screen.getByTestId('confirm-deactivate'));
    await waitFor(() => expect(calls).toEqual([{ input: { id: 'k1' } }]));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(screen.queryByTestId('confirm-undo-renewal')).not.toBeInTheDocument();
  });

  it('explains a renewal that another admin already resolved (CONFLICT) and stays open', async () => {
    const onClose = vi.fn();
    const mocks = [
      {
        request: { query: UndoRenewalMutationDocument, variables: { input: { id: 'k1' } } },
        result: {
          errors: [
            new GraphQLError('No renewal is pending for this key.', {
              extensions: { code: 'CONFLICT' },
            }),
          ],
        },
      },
    ];
    const { user } = renderWithProviders(
      <ApiKeyActionModals
        action={{ kind: 'undoRenewal', apiKey }}
        opened
        roles={[]}
        onClose={onClose}
      />,
      { mocks },
    );
    expect(screen.getByText(/The new token of kw-demo-aaaa1111 will stop working/)).toBeVisible();
    await user.click(screen.getByTestId('confirm-undo-renewal'));
    expect(
      await screen.findByText(
        'This key has no renewal pending any more. Reload the page to see its tokens.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Could not undo the renewal')).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });
});
