import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { EditApiKeyModal_ApiKeyFragment } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { UpdateApiKeyMutationDocument } from '../hooks/use-update-api-key';
import { EditApiKeyModal } from './edit-api-key-modal';

const apiKeyWith = (status: 'ACTIVE' | 'INACTIVE', leakedUrl: string | null = null) =>
  ({
    __typename: 'ApiKey',
    id: 'k1',
    key: 'kw-demo-aaaa1111',
    name: 'ERP sync',
    status,
    roles: [],
    grantedAccounts: [],
    leaked: leakedUrl !== null,
    leakedAt: leakedUrl === null ? null : '2025-04-01T08:30:00.000Z',
    leakedUrl,
    createdBy: null,
  }) as unknown as EditApiKeyModal_ApiKeyFragment;

const setup = (status: 'ACTIVE' | 'INACTIVE', leakedUrl: string | null = null) => {
  const calls: unknown[] = [];
  const onClose = vi.fn();
  const mocks = [
    {
      request: { query: UpdateApiKeyMutationDocument, variables: () => true },
      result: (variables: unknown) => {
        calls.push(variables);
        return {
          data: {
            updateApiKey: {
              __typename: 'UpdateApiKeyPayload',
              apiKey: { __typename: 'ApiKey', id: 'k1' },
            },
          },
        };
      },
    },
  ];
  const rendered = renderWithProviders(
    <EditApiKeyModal opened apiKey={apiKeyWith(status, leakedUrl)} roles={[]} onClose={onClose} />,
    { mocks },
  );
  return { ...rendered, calls, onClose };
};

describe('EditApiKeyModal', () => {
  it('asks before deactivating through the Active switch, as the row menu does', async () => {
    const { user, calls } = setup('ACTIVE');
    await user.click(screen.getByTestId('edit-api-key-active'));
    await user.click(screen.getByTestId('edit-api-key-submit'));
    expect(await screen.findByText('Deactivate API key?')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Integrations using kw-demo-aaaa1111 will stop working at once, in every account it reaches.',
      ),
    ).toBeInTheDocument();
    expect(calls).toEqual([]);
    await user.click(screen.getByTestId('confirm-deactivate'));
    await waitFor(() =>
      expect(calls).toEqual([
        { input: { id: 'k1', name: 'ERP sync', roleIds: [], active: false } },
      ]),
    );
  });

  it('warns before reactivating, and Cancel keeps the dialog without saving', async () => {
    const { user, calls, onClose } = setup('INACTIVE');
    await user.click(screen.getByTestId('edit-api-key-active'));
    await user.click(screen.getByTestId('edit-api-key-submit'));
    expect(
      await screen.findByText(
        'Anyone holding the token of kw-demo-aaaa1111 regains access at once.',
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByTestId('edit-status-cancel'));
    expect(calls).toEqual([]);
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByTestId('edit-api-key-name-input')).toBeInTheDocument();
  });

  it('saves a rename at once, with no confirmation', async () => {
    const { user, calls } = setup('ACTIVE');
    await user.clear(screen.getByTestId('edit-api-key-name-input'));
    await user.type(screen.getByTestId('edit-api-key-name-input'), 'ERP');
    await user.click(screen.getByTestId('edit-api-key-submit'));
    await waitFor(() =>
      expect(calls).toEqual([{ input: { id: 'k1', name: 'ERP', roleIds: [], active: true } }]),
    );
  });

  it('says where a leaked key’s token was found, and nothing for a clean key', async () => {
    const { unmount } = setup('INACTIVE', 'https://github.com/o/r/blob/x/.env');
    expect(await screen.findByTestId('edit-api-key-leaked')).toHaveTextContent(
      'A token was reported exposed at https://github.com/o/r/blob/x/.env. Renew it.',
    );
    unmount();
    setup('ACTIVE');
    await screen.findByTestId('edit-api-key-created-by');
    expect(screen.queryByTestId('edit-api-key-leaked')).not.toBeInTheDocument();
  });
});
