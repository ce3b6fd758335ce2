import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CreateSingleAccessLinkMutationVariables } from '../../../gql/graphql';
import { buildViewer, renderWithProviders } from '../../../test/render';
import { CreateSingleAccessLinkMutationDocument } from '../hooks/use-create-single-access-link';
import { RevealedToken } from './revealed-token';

const token = 'kwt_secret_0123456789abcdef';

const linkMock = (calls: CreateSingleAccessLinkMutationVariables[]) => ({
  request: { query: CreateSingleAccessLinkMutationDocument, variables: () => true },
  result: (variables: CreateSingleAccessLinkMutationVariables) => {
    calls.push(variables);
    return {
      data: {
        createSingleAccessLink: {
          __typename: 'CreateSingleAccessLinkPayload',
          path: '/credentials/s3cr3t-link-id',
          expiresAt: '2030-01-02T10:00:00.000Z',
        },
      },
    };
  },
});

describe('RevealedToken', () => {
  it('trades the token for a single-access link and stops showing the token', async () => {
    const calls: CreateSingleAccessLinkMutationVariables[] = [];
    const onTokenDiscarded = vi.fn();
    const { user } = renderWithProviders(
      <RevealedToken
        apiKey="kw-demo-aaaa1111"
        apiKeyId="k1"
        token={token}
        onClose={vi.fn()}
        onTokenDiscarded={onTokenDiscarded}
      />,
      { mocks: [linkMock(calls)] },
    );
    expect(screen.getByTestId('revealed-token')).toHaveValue(token);
    await user.click(screen.getByRole('button', { name: 'Create single-access link instead' }));

    const linkField = await screen.findByTestId('single-access-link');
    expect(calls).toEqual([{ input: { apiKeyId: 'k1', token } }]);
    expect(linkField).toHaveValue(`${window.location.origin}/credentials/s3cr3t-link-id`);
    expect(screen.getByTestId('single-access-link-expiry')).toHaveTextContent(
      /or at its first opening/,
    );
    expect(screen.queryByTestId('revealed-token')).not.toBeInTheDocument();
    expect(screen.queryByDisplayValue(token)).not.toBeInTheDocument();
    expect(screen.queryByTestId('create-single-access-link')).not.toBeInTheDocument();
    expect(onTokenDiscarded).toHaveBeenCalledTimes(1);

    await user.click(screen.getByTestId('single-access-link-copy'));
    await waitFor(() =>
      expect(navigator.clipboard.readText()).resolves.toBe(
        `${window.location.origin}/credentials/s3cr3t-link-id`,
      ),
    );
  });

  it('offers no link to a viewer without renew-api-token', () => {
    renderWithProviders(
      <RevealedToken apiKey="kw-demo-aaaa1111" apiKeyId="k1" token={token} onClose={vi.fn()} />,
      { viewer: buildViewer(['license-manager:view-api-keys', 'license-manager:edit-api-keys']) },
    );
    expect(screen.getByTestId('revealed-token')).toHaveValue(token);
    expect(screen.queryByTestId('create-single-access-link')).not.toBeInTheDocument();
  });
});
