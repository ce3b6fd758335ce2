import { screen, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import type { RenewApiTokenMutationVariables } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { RenewApiTokenMutationDocument } from '../hooks/use-renew-api-token';
import { RenewApiTokenModal } from './renew-api-token-modal';

const apiKey = { id: 'k1', key: 'kw-demo-aaaa1111', name: 'ERP sync' };
const newToken = 'kwt_renewed_0123456789abcdef';

const renewMock = (calls: RenewApiTokenMutationVariables[]) => ({
  request: { query: RenewApiTokenMutationDocument, variables: () => true },
  result: (variables: RenewApiTokenMutationVariables) => {
    calls.push(variables);
    return {
      data: {
        renewApiToken: {
          __typename: 'RenewApiTokenPayload',
          token: variables.input.reveal === 'SINGLE_ACCESS_LINK' ? null : newToken,
          singleAccessLink:
            variables.input.reveal === 'SINGLE_ACCESS_LINK'
              ? {
                  __typename: 'SingleAccessLinkInfo',
                  path: '/credentials/renewed',
                  expiresAt: '2026-12-02T10:00:00.000Z',
                }
              : null,
          apiKey: { __typename: 'ApiKey', id: 'k1', key: apiKey.key },
        },
      },
    };
  },
});

const conflictMock = {
  request: { query: RenewApiTokenMutationDocument, variables: () => true },
  result: {
    errors: [new GraphQLError('Renewal pending', { extensions: { code: 'CONFLICT' } })],
  },
};

describe('RenewApiTokenModal', () => {
  it('sends the chosen fate of the old token and reveals the new token once', async () => {
    const calls: RenewApiTokenMutationVariables[] = [];
    const onClose = vi.fn();
    const { user } = renderWithProviders(
      <RenewApiTokenModal opened apiKey={apiKey} onClose={onClose} />,
      { mocks: [renewMock(calls)] },
    );
    expect(screen.getByRole('radio', { name: 'Keep it until I delete it' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'Delete it in 24 hours' }));
    expect(calls).toEqual([]);
    await user.click(screen.getByTestId('renew-submit'));

    const tokenField = await screen.findByTestId('revealed-token');
    expect(calls).toEqual([
      { input: { id: 'k1', oldToken: 'EXPIRE_IN_24_HOURS', reveal: 'TOKEN' } },
    ]);
    expect(tokenField).toHaveValue(newToken);
    expect(screen.getByTestId('revealed-key')).toHaveValue(apiKey.key);
    expect(screen.getByText(/This token will not be shown again/)).toBeInTheDocument();
    expect(screen.getAllByDisplayValue(newToken)).toHaveLength(1);

    await user.click(screen.getByTestId('reveal-close'));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByDisplayValue(newToken)).not.toBeInTheDocument();
  });

  it('says what the chosen fate does, and asks again before deleting the old token now', async () => {
    const calls: RenewApiTokenMutationVariables[] = [];
    const { user } = renderWithProviders(
      <RenewApiTokenModal opened apiKey={apiKey} onClose={vi.fn()} />,
      { mocks: [renewMock(calls)] },
    );
    expect(screen.getByTestId('renew-fate-effect')).toHaveTextContent(
      'Both tokens work until you delete the old one.',
    );
    await user.click(screen.getByRole('radio', { name: 'Delete it now' }));
    expect(screen.getByTestId('renew-fate-effect')).toHaveTextContent(
      'The old token stops working at once: integrations still using it fail until they switch.',
    );
    expect(screen.queryByText(/Until the old token is deleted, both work/)).not.toBeInTheDocument();
    await user.click(screen.getByTestId('renew-submit'));
    expect(await screen.findByText('Delete the old token now?')).toBeInTheDocument();
    expect(calls).toEqual([]);
    await user.click(screen.getByTestId('confirm-renew-delete-now'));
    await screen.findByTestId('revealed-token');
    expect(calls).toEqual([{ input: { id: 'k1', oldToken: 'DELETE_NOW', reveal: 'TOKEN' } }]);
  });

  it('can hand the new token over through a single-access link, never showing it', async () => {
    const calls: RenewApiTokenMutationVariables[] = [];
    const { user } = renderWithProviders(
      <RenewApiTokenModal opened apiKey={apiKey} onClose={vi.fn()} />,
      { mocks: [renewMock(calls)] },
    );
    await user.click(screen.getByRole('radio', { name: 'Create a single-access link' }));
    await user.click(screen.getByTestId('renew-submit'));
    expect(await screen.findByTestId('single-access-link')).toHaveValue(
      `${window.location.origin}/credentials/renewed`,
    );
    expect(calls).toEqual([
      { input: { id: 'k1', oldToken: 'KEEP_UNTIL_DELETED', reveal: 'SINGLE_ACCESS_LINK' } },
    ]);
    expect(screen.queryByTestId('revealed-token')).not.toBeInTheDocument();
    expect(screen.queryByDisplayValue(newToken)).not.toBeInTheDocument();
  });

  it('explains a pending renewal (CONFLICT) in plain words', async () => {
    const { user } = renderWithProviders(
      <RenewApiTokenModal opened apiKey={apiKey} onClose={vi.fn()} />,
      { mocks: [conflictMock] },
    );
    await user.click(screen.getByTestId('renew-submit'));
    const dialog = screen.getByRole('dialog');
    expect(await within(dialog).findByTestId('renew-error')).toHaveTextContent(
      'This key already has a renewal pending',
    );
    expect(screen.queryByTestId('revealed-token')).not.toBeInTheDocument();
  });
});
