import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { EditApiKeyModal_ApiKeyFragment } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { UpdateApiKeyMutationDocument } from '../hooks/use-update-api-key';
import { EditApiKeyModal } from './edit-api-key-modal';

const apiKeyWith = (
  status: 'ACTIVE' | 'INACTIVE',
  policies: Partial<EditApiKeyModal_ApiKeyFragment> = {},
) =>
  ({
    __typename: 'ApiKey',
    id: 'k1',
    key: 'kw-demo-aaaa1111',
    name: 'ERP sync',
    status,
    roles: [],
    grantedAccounts: [],
    createdBy: null,
    allowedAddresses: [],
    rateLimitPerMinute: null,
    rateLimitPerDay: null,
    ...policies,
  }) as unknown as EditApiKeyModal_ApiKeyFragment;

const setup = (
  status: 'ACTIVE' | 'INACTIVE',
  policies: Partial<EditApiKeyModal_ApiKeyFragment> = {},
) => {
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
    <EditApiKeyModal opened apiKey={apiKeyWith(status, policies)} roles={[]} onClose={onClose} />,
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

  it('shows the key’s policies, validates them and sends only what changed', async () => {
    const { user, calls } = setup('ACTIVE', {
      allowedAddresses: ['203.0.113.7', '10.0.0.0/8'],
      rateLimitPerMinute: null,
      rateLimitPerDay: 10000,
    });
    const addresses = screen.getByRole('textbox', { name: /Allowed addresses/ });
    expect(addresses).toHaveValue('203.0.113.7\n10.0.0.0/8');
    expect(screen.getByRole('textbox', { name: 'Per day (UTC)' })).toHaveValue('10000');

    await user.type(addresses, '{enter}fe80::1%eth0');
    await user.click(screen.getByTestId('edit-api-key-submit'));
    expect(
      await screen.findByText('"fe80::1%eth0" is not an IPv4/IPv6 address or CIDR range.'),
    ).toBeInTheDocument();
    expect(calls).toEqual([]);

    await user.clear(addresses);
    await user.type(addresses, '10.0.0.0/8');
    await user.click(screen.getByTestId('edit-api-key-submit'));
    await waitFor(() =>
      expect(calls).toEqual([
        {
          input: {
            id: 'k1',
            name: 'ERP sync',
            roleIds: [],
            active: true,
            allowedAddresses: ['10.0.0.0/8'],
          },
        },
      ]),
    );
  });

  it('clears a budget when its field is emptied', async () => {
    const { user, calls } = setup('ACTIVE', { rateLimitPerMinute: 600 });
    await user.clear(screen.getByRole('textbox', { name: 'Per minute' }));
    await user.click(screen.getByTestId('edit-api-key-submit'));
    await waitFor(() =>
      expect(calls).toEqual([
        {
          input: {
            id: 'k1',
            name: 'ERP sync',
            roleIds: [],
            active: true,
            rateLimit: { perMinute: null, perDay: null },
          },
        },
      ]),
    );
  });
});
