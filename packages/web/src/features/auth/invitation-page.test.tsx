import type { MockLink } from '@apollo/client/testing';
import { screen, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type {
  AcceptInvitationMutationVariables,
  SetPasswordMutationVariables,
} from '../../gql/graphql';
import { renderWithProviders } from '../../test/render';
import { InvitationPage } from './invitation-page';
import { AcceptInvitationMutationDocument, InvitationPreviewQueryDocument } from './use-invitation';
import { SetPasswordMutationDocument } from './use-set-password';
import { ViewerQueryDocument } from './use-viewer-query';

const goodPassword = 'correct horse battery';

const preview = (token: string, email = 'carol@example.com'): MockLink.MockedResponse => ({
  request: { query: InvitationPreviewQueryDocument, variables: { token } },
  maxUsageCount: Number.POSITIVE_INFINITY,
  result: {
    data: {
      invitationPreview: {
        __typename: 'InvitationPreview',
        email,
        accountName: 'Acme store',
        expiresAt: '2030-01-01T00:00:00.000Z',
      },
    },
  },
});

/** The server's answer once the link is spent (accepted, revoked or expired). */
const deadPreview = (token: string): MockLink.MockedResponse => ({
  request: { query: InvitationPreviewQueryDocument, variables: { token } },
  maxUsageCount: Number.POSITIVE_INFINITY,
  result: {
    errors: [
      new GraphQLError('This link has expired or was already used.', {
        extensions: { code: 'BAD_USER_INPUT', field: 'token' },
      }),
    ],
  },
});

const signedOut: MockLink.MockedResponse = {
  request: { query: ViewerQueryDocument },
  result: {
    errors: [
      new GraphQLError('Authentication is required.', {
        extensions: { code: 'UNAUTHENTICATED' },
      }),
    ],
  },
};

const signedInAs = (email: string): MockLink.MockedResponse => ({
  request: { query: ViewerQueryDocument },
  maxUsageCount: Number.POSITIVE_INFINITY,
  result: {
    data: {
      me: {
        __typename: 'Me',
        kind: 'USER',
        resources: [],
        user: { __typename: 'User', id: 'u9', name: email, email },
        account: { __typename: 'Account', id: 'a9', name: 'Other', slug: 'other' },
        accounts: [{ __typename: 'Account', id: 'a9', name: 'Other', slug: 'other' }],
      },
    },
  },
});

const SignInProbe = () => {
  const location = useLocation();
  const from = (location.state as { from?: { hash?: string } } | null)?.from;
  return <h1>Sign-in page{from?.hash ? ` back to ${from.hash}` : ''}</h1>;
};

const renderPage = (hash: string, mocks: MockLink.MockedResponse[] = []) => {
  window.location.hash = hash;
  return renderWithProviders(
    <Routes>
      <Route path="/invitation" element={<InvitationPage />} />
      <Route path="/sign-in" element={<SignInProbe />} />
      <Route path="/" element={<h1>Home</h1>} />
    </Routes>,
    { mocks, route: '/invitation' },
  );
};

const fill = async (
  user: ReturnType<typeof renderPage>['user'],
  password: string,
  confirm: string,
) => {
  const passwordInput = await screen.findByLabelText(/New password/);
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
  await user.click(screen.getByRole('button', { name: 'Set password and join' }));
};

afterEach(() => {
  window.location.hash = '';
  vi.unstubAllGlobals();
});

describe('InvitationPage', () => {
  it('lets a new person choose a password, join and land signed in', async () => {
    const calls: SetPasswordMutationVariables[] = [];
    // Signing in goes over a plain request (use-sign-in.ts), not through Apollo.
    const signInRequests: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        signInRequests.push((JSON.parse(init.body as string) as { variables: unknown }).variables);
        return new Response(
          JSON.stringify({ data: { signIn: { me: { account: { id: 'a1' } } } } }),
          { status: 200, headers: { 'content-type': 'application/json' } },
        );
      }),
    );
    const { user } = renderPage('#s3cr3t-token', [
      preview('s3cr3t-token'),
      signedOut,
      {
        request: { query: SetPasswordMutationDocument, variables: () => true },
        result: (variables: SetPasswordMutationVariables) => {
          calls.push(variables);
          return {
            data: {
              setPassword: {
                __typename: 'SetPasswordPayload',
                passwordSet: true,
                email: 'carol@example.com',
              },
            },
          };
        },
      },
    ]);
    expect(screen.getByRole('heading', { name: 'Accept your invitation' })).toBeInTheDocument();
    expect(await screen.findByTestId('invitation-intro')).toHaveTextContent(
      'Acme store invited carol@example.com to join.',
    );

    await fill(user, 'short', 'short');
    expect(screen.getByText('Use at least 12 characters.')).toBeInTheDocument();
    await fill(user, goodPassword, 'something else!');
    expect(screen.getByText('The passwords do not match.')).toBeInTheDocument();
    expect(calls).toEqual([]);

    await fill(user, goodPassword, goodPassword);
    expect(await screen.findByRole('heading', { name: 'Home' })).toBeInTheDocument();
    expect(calls).toEqual([{ input: { token: 's3cr3t-token', password: goodPassword } }]);
    expect(signInRequests).toEqual([
      { input: { email: 'carol@example.com', password: goodPassword } },
    ]);
  });

  it('sends someone with an account to sign in, and back to the link', async () => {
    const { user } = renderPage('#s3cr3t-token', [
      preview('s3cr3t-token'),
      signedOut,
      {
        request: { query: SetPasswordMutationDocument, variables: () => true },
        result: {
          errors: [
            new GraphQLError('This email already has a Keyward account.', {
              extensions: { code: 'CONFLICT' },
            }),
          ],
        },
      },
    ]);
    await fill(user, goodPassword, goodPassword);
    expect(await screen.findByTestId('set-password-error')).toHaveTextContent(
      'This email already has a Keyward account: sign in with it to accept the invitation.',
    );
    await user.click(screen.getByTestId('invitation-sign-in'));
    expect(
      await screen.findByRole('heading', { name: 'Sign-in page back to #s3cr3t-token' }),
    ).toBeInTheDocument();
  });

  it('lets the signed-in invited user accept, and opens the account joined', async () => {
    const calls: AcceptInvitationMutationVariables[] = [];
    const { user } = renderPage('#s3cr3t-token', [
      { ...preview('s3cr3t-token'), maxUsageCount: 1 },
      deadPreview('s3cr3t-token'),
      signedInAs('carol@example.com'),
      {
        request: { query: AcceptInvitationMutationDocument, variables: () => true },
        result: (variables: AcceptInvitationMutationVariables) => {
          calls.push(variables);
          return {
            data: {
              acceptInvitation: {
                __typename: 'AcceptInvitationPayload',
                account: { __typename: 'Account', id: 'a1', name: 'Acme store' },
              },
            },
          };
        },
      },
    ]);
    expect(await screen.findByText('You are signed in as carol@example.com.')).toBeInTheDocument();
    expect(screen.queryByLabelText(/New password/)).not.toBeInTheDocument();
    await user.click(screen.getByTestId('accept-invitation'));
    expect(await screen.findByRole('heading', { name: 'Home' })).toBeInTheDocument();
    expect(calls).toEqual([{ input: { token: 's3cr3t-token' } }]);
  });

  it('tells a user signed in with another email that the invitation is not theirs', async () => {
    renderPage('#s3cr3t-token', [preview('s3cr3t-token'), signedInAs('dave@example.com')]);
    const alert = await screen.findByTestId('invitation-other-email');
    expect(alert).toHaveTextContent(
      'You are signed in as dave@example.com, but this invitation was sent to carol@example.com.',
    );
    expect(screen.queryByTestId('accept-invitation')).not.toBeInTheDocument();
  });

  it('says in plain words when the link expired, was used or was revoked', async () => {
    renderPage('#used-token', [deadPreview('used-token'), signedOut]);
    expect(await screen.findByTestId('invitation-dead')).toHaveTextContent(
      'This link has expired or was already used. Ask an account administrator for a new one.',
    );
    expect(screen.queryByLabelText(/New password/)).not.toBeInTheDocument();
  });

  it('explains an incomplete link', () => {
    const { container } = renderPage('', [signedOut]);
    expect(within(container).getByTestId('set-password-missing-link')).toHaveTextContent(
      'This link is incomplete',
    );
  });
});
