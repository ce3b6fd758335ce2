import { screen } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { RevealSingleAccessLinkMutationVariables } from '../../gql/graphql';
import { renderWithProviders } from '../../test/render';
import { CredentialsPage } from './credentials-page';
import { RevealSingleAccessLinkMutationDocument } from './use-reveal-single-access-link';

const token = 'kwt_from_link_0123456789';

type Mocks = NonNullable<Parameters<typeof renderWithProviders>[1]>['mocks'];

const renderPage = (mocks: Mocks) =>
  renderWithProviders(
    <Routes>
      <Route path="/credentials/:id" element={<CredentialsPage />} />
    </Routes>,
    { mocks, route: '/credentials/link-secret' },
  );

describe('CredentialsPage', () => {
  it('reveals the key and token only after the visitor clicks', async () => {
    const calls: RevealSingleAccessLinkMutationVariables[] = [];
    const { user } = renderPage([
      {
        request: { query: RevealSingleAccessLinkMutationDocument, variables: () => true },
        result: (variables: RevealSingleAccessLinkMutationVariables) => {
          calls.push(variables);
          return {
            data: {
              revealSingleAccessLink: {
                __typename: 'RevealSingleAccessLinkPayload',
                key: 'kw-demo-aaaa1111',
                token,
              },
            },
          };
        },
      },
    ]);
    expect(screen.queryByDisplayValue(token)).not.toBeInTheDocument();
    expect(calls).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Reveal token' }));

    expect(await screen.findByTestId('credentials-token')).toHaveValue(token);
    expect(screen.getByTestId('credentials-key')).toHaveValue('kw-demo-aaaa1111');
    expect(calls).toEqual([{ input: { id: 'link-secret' } }]);
    expect(screen.queryByRole('button', { name: 'Reveal token' })).not.toBeInTheDocument();
  });

  it('says the link has expired when the server answers NOT_FOUND', async () => {
    const { user } = renderPage([
      {
        request: { query: RevealSingleAccessLinkMutationDocument, variables: () => true },
        result: {
          errors: [
            new GraphQLError('This link has expired or was already opened.', {
              extensions: { code: 'NOT_FOUND' },
            }),
          ],
        },
      },
    ]);
    await user.click(screen.getByRole('button', { name: 'Reveal token' }));
    expect(await screen.findByTestId('credentials-expired')).toHaveTextContent(
      'This link has expired',
    );
    expect(screen.queryByTestId('credentials-token')).not.toBeInTheDocument();
  });
});
