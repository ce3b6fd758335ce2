import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { DeleteApiKeyMutationVariables } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { DeleteApiKeyMutationDocument } from '../hooks/use-delete-api-key';
import { DeleteApiKeyModal } from './delete-api-key-modal';

const apiKey = { id: 'k1', key: 'kw-demo-aaaa1111', name: 'ERP sync' };

describe('DeleteApiKeyModal', () => {
  it('keeps Delete disabled until the irreversibility box is ticked, then confirms', async () => {
    const calls: DeleteApiKeyMutationVariables[] = [];
    const onClose = vi.fn();
    const mocks = [
      {
        request: { query: DeleteApiKeyMutationDocument, variables: () => true },
        result: (variables: DeleteApiKeyMutationVariables) => {
          calls.push(variables);
          return {
            data: {
              deleteApiKey: { __typename: 'DeleteApiKeyPayload', deletedApiKeyId: 'k1' },
            },
          };
        },
      },
    ];
    const { user } = renderWithProviders(
      <DeleteApiKeyModal opened apiKey={apiKey} onClose={onClose} />,
      { mocks },
    );

    const deleteButton = screen.getByTestId('confirm-delete');
    expect(deleteButton).toBeDisabled();
    await user.click(deleteButton);
    expect(calls).toEqual([]);

    await user.click(
      screen.getByRole('checkbox', { name: 'I understand that this action cannot be undone' }),
    );
    expect(deleteButton).toBeEnabled();
    await user.click(deleteButton);

    await waitFor(() => expect(calls).toEqual([{ input: { id: 'k1', confirm: true } }]));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(await screen.findByText('API key deleted')).toBeInTheDocument();
  });
});
