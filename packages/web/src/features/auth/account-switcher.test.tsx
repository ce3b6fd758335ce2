import { screen, waitFor } from '@testing-library/react';
import { useLocation } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { buildViewer, renderWithProviders } from '../../test/render';
import { AccountSwitcher } from './account-switcher';
import { SwitchAccountMutationDocument } from './use-switch-account';

const PathProbe = () => <output data-testid="pathname">{useLocation().pathname}</output>;

describe('AccountSwitcher', () => {
  it('stays on the tab it was used from, dropping filters of the previous account', async () => {
    const viewer = {
      ...buildViewer(),
      accounts: [
        { id: 'a1', name: 'Demo', slug: 'demo' },
        { id: 'a2', name: 'Partner', slug: 'partner' },
      ],
    };
    const mocks = [
      {
        request: { query: SwitchAccountMutationDocument, variables: () => true },
        result: {
          data: {
            switchAccount: {
              __typename: 'SwitchAccountPayload',
              me: {
                __typename: 'Me',
                account: { __typename: 'Account', id: 'a2', name: 'Partner' },
              },
            },
          },
        },
      },
    ];
    const { user } = renderWithProviders(
      <>
        <AccountSwitcher />
        <PathProbe />
      </>,
      { route: '/account/api-keys/external?role=r1', mocks, viewer },
    );
    await user.selectOptions(screen.getByTestId('account-switcher'), 'a2');
    expect(await screen.findByText('You are now working in Partner')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('location-search').textContent).toBe(''));
    expect(screen.getByTestId('pathname').textContent).toBe('/account/api-keys/external');
  });
});
