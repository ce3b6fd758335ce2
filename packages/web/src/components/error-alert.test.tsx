import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { screen } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test/render';
import { ErrorAlert } from './error-alert';

const SignInProbe = () => {
  const state = useLocation().state as { from?: { pathname: string; search: string } } | null;
  return (
    <p data-testid="sign-in">{`${state?.from?.pathname ?? ''}${state?.from?.search ?? ''}`}</p>
  );
};

describe('ErrorAlert', () => {
  it('sends a viewer whose session ended elsewhere to sign-in, to come back afterwards', async () => {
    const error = new CombinedGraphQLErrors({
      errors: [{ message: 'Sign in', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    renderWithProviders(
      <Routes>
        <Route path="/sign-in" element={<SignInProbe />} />
        <Route path="*" element={<ErrorAlert error={error} onRetry={() => undefined} />} />
      </Routes>,
      { route: '/account/audit?action=api-key.deleted' },
    );
    expect(await screen.findByTestId('sign-in')).toHaveTextContent(
      '/account/audit?action=api-key.deleted',
    );
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });
});
