import type { MockLink } from '@apollo/client/testing';
import { screen, waitFor } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import type { SetPasswordMutationVariables } from '../../gql/graphql';
import { renderWithProviders } from '../../test/render';
import { SetPasswordPage } from './set-password-page';
import { SetPasswordMutationDocument } from './use-set-password';

const goodPassword = 'correct horse battery';

const renderPage = (hash: string, mocks: MockLink.MockedResponse[] = []) => {
  window.location.hash = hash;
  return renderWithProviders(
    <Routes>
      <Route path="/set-password" element={<SetPasswordPage />} />
      <Route path="/sign-in" element={<h1>Sign-in page</h1>} />
    </Routes>,
    { mocks, route: '/set-password' },
  );
};

const fill = async (
  user: ReturnType<typeof renderPage>['user'],
  password: string,
  confirm: string,
) => {
  const passwordInput = screen.getByLabelText(/New password/);
  const confirmInput = screen.getByLabelText(/Repeat the password/);
  await user.clear(passwordInput);
  await user.clear(confirmInput);
  if (password) {
    await user.click(passwordInput);
    await user.paste(password);
  }
  if (confirm) {
    await user.click(confirmInput);
    await user.paste(confirm);
  }
  await user.click(screen.getByRole('button', { name: 'Set password' }));
};

afterEach(() => {
  window.location.hash = '';
});

describe('SetPasswordPage', () => {
  it('validates length and confirmation, then sets the password and sends to sign-in', async () => {
    const calls: SetPasswordMutationVariables[] = [];
    const { user } = renderPage('#s3cr3t-token', [
      {
        request: { query: SetPasswordMutationDocument, variables: () => true },
        result: (variables: SetPasswordMutationVariables) => {
          calls.push(variables);
          return {
            data: { setPassword: { __typename: 'SetPasswordPayload', passwordSet: true } },
          };
        },
      },
    ]);
    expect(screen.getByRole('heading', { name: 'Set your password' })).toBeInTheDocument();

    await fill(user, 'short', 'short');
    expect(screen.getByText('Use at least 12 characters.')).toBeInTheDocument();

    await fill(user, goodPassword, 'something else!');
    expect(screen.getByText('The passwords do not match.')).toBeInTheDocument();
    expect(calls).toEqual([]);

    await fill(user, goodPassword, goodPassword);
    expect(await screen.findByRole('heading', { name: 'Sign-in page' })).toBeInTheDocument();
    expect(calls).toEqual([{ input: { token: 's3cr3t-token', password: goodPassword } }]);
    expect(await screen.findByText(/Your password is set/)).toBeInTheDocument();
  });

  it('says in plain words when the link expired or was used', async () => {
    const { user } = renderPage('#used-token', [
      {
        request: { query: SetPasswordMutationDocument, variables: () => true },
        result: {
          errors: [
            new GraphQLError('This link has expired or was already used.', {
              extensions: { code: 'BAD_USER_INPUT', field: 'token' },
            }),
          ],
        },
      },
    ]);
    await fill(user, goodPassword, goodPassword);
    expect(await screen.findByTestId('set-password-error')).toHaveTextContent(
      'This link has expired or was already used. Ask an account administrator for a new one.',
    );
    expect(screen.queryByRole('heading', { name: 'Sign-in page' })).not.toBeInTheDocument();
  });

  it('explains an incomplete link and disables the form', async () => {
    renderPage('');
    expect(screen.getByTestId('set-password-missing-link')).toHaveTextContent(
      'This link is incomplete',
    );
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Set password' })).toBeDisabled(),
    );
  });
});
