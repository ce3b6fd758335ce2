import { MockedProvider } from '@apollo/client/testing/react';
import { MantineProvider } from '@mantine/core';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError, print } from 'graphql';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../app/app-routes';
import { theme } from '../../app/theme';
import { i18n } from '../../lib/i18n';
import { SignInMutationDocument } from './use-sign-in';
import { ViewerQueryDocument } from './use-viewer-query';

const unauthenticated = {
  request: { query: ViewerQueryDocument },
  result: {
    errors: [new GraphQLError('Sign in', { extensions: { code: 'UNAUTHENTICATED' } })],
  },
};

/** The sign-in page signs in over `fetch` (Apollo Client loads behind it): the server's answer. */
const answerSignIn = (body: unknown) => {
  const fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
    expect((JSON.parse(init.body as string) as { query: string }).query).toBe(
      print(SignInMutationDocument),
    );
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
};

const renderApp = (mocks: ReadonlyArray<typeof unauthenticated>) =>
  render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} env="test">
        <MockedProvider mocks={mocks}>
          <MemoryRouter initialEntries={['/account/api-keys/generated']}>
            <AppRoutes />
          </MemoryRouter>
        </MockedProvider>
      </MantineProvider>
    </I18nextProvider>,
  );

describe('sign-in flow', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('sends an unauthenticated viewer to the sign-in page', async () => {
    renderApp([unauthenticated]);
    expect(await screen.findByRole('heading', { name: 'Sign in to Keyward' })).toBeInTheDocument();
  });

  it('puts the cursor in Email', async () => {
    renderApp([unauthenticated]);
    const email = await screen.findByRole('textbox', { name: /Email/ });
    await waitFor(() => expect(email).toHaveFocus());
  });

  it('validates the form and explains wrong credentials in plain words', async () => {
    const user = userEvent.setup();
    const signInRequest = answerSignIn({
      data: null,
      errors: [{ message: 'Bad credentials', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    renderApp([unauthenticated]);
    const submit = await screen.findByRole('button', { name: 'Sign in' });
    await user.click(submit);
    expect(screen.getByText('Enter your email.')).toBeInTheDocument();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: /Email/ }), 'admin@example.com');
    await user.type(screen.getByLabelText(/Password/), 'wrong');
    await user.click(submit);
    expect(await screen.findByText('The email or password is incorrect.')).toBeInTheDocument();
    expect(signInRequest).toHaveBeenCalledTimes(1);
  });

  it('switches language from the language selector and updates <html lang>', async () => {
    const user = userEvent.setup();
    renderApp([unauthenticated]);
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Language' }), 'pt-BR');
    expect(await screen.findByRole('heading', { name: 'Entrar no Keyward' })).toBeInTheDocument();
    await waitFor(() => expect(document.documentElement.lang).toBe('pt-BR'));
    expect(window.localStorage.getItem('keyward.language')).toBe('pt-BR');
  });
});

describe('sign-in page in other languages', () => {
  it('names the password visibility toggle in the viewer’s language', async () => {
    await i18n.changeLanguage('pt-BR');
    renderApp([unauthenticated]);
    expect(
      await screen.findByRole('button', { name: 'Mostrar ou ocultar a senha' }),
    ).toBeInTheDocument();
    await i18n.changeLanguage('es');
    expect(
      await screen.findByRole('button', { name: 'Mostrar u ocultar la contraseña' }),
    ).toBeInTheDocument();
    await i18n.changeLanguage('en');
  });
});
