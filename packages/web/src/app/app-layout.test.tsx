import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { buildViewer, renderWithProviders } from '../test/render';
import { AppLayout } from './app-layout';

const everything = [
  'license-manager:view-api-keys',
  'license-manager:view-users',
  'license-manager:edit-roles',
];

/** jsdom has no layout: the test says which side of the `sm` breakpoint the window is on. */
const setWidth = (width: number) => {
  window.matchMedia = (query: string) => {
    const min = /min-width:\s*([\d.]+)em/.exec(query);
    return {
      matches: min ? width >= Number(min[1]) * 16 : false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    };
  };
};

describe('AppLayout', () => {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- restored as it was, unbound
  const original = window.matchMedia;
  afterEach(() => {
    window.matchMedia = original;
  });

  it('on a phone, puts every page, the account, the language and sign-out behind a burger', async () => {
    setWidth(390);
    const { user } = renderWithProviders(<AppLayout />, {
      route: '/account/api-keys/generated',
      viewer: buildViewer(everything),
    });
    const burger = screen.getByRole('button', { name: 'Open navigation' });
    expect(burger).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();

    await user.click(burger);
    expect(screen.getByRole('button', { name: 'Close navigation' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    const panel = screen.getByTestId('app-navbar');
    const links = within(within(panel).getByRole('navigation', { name: 'Main' })).getAllByRole(
      'link',
    );
    expect(links.map((link) => link.textContent)).toEqual([
      'API keys',
      'Roles',
      'Users',
      'Audit log',
    ]);
    expect(within(panel).getByRole('combobox', { name: 'Account' })).toBeInTheDocument();
    expect(within(panel).getByRole('combobox', { name: 'Language' })).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'Sign out' })).toBeInTheDocument();

    // Choosing a page closes the panel.
    await user.click(links[2]!);
    expect(screen.getByRole('button', { name: 'Open navigation' })).toBeInTheDocument();
    expect(screen.queryByTestId('sign-out')).not.toBeInTheDocument();
  });

  it('on a wide screen, keeps everything in the header and shows no burger', () => {
    setWidth(1280);
    renderWithProviders(<AppLayout />, { viewer: buildViewer(everything) });
    expect(screen.queryByRole('button', { name: 'Open navigation' })).not.toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    expect(screen.getAllByTestId('sign-out')).toHaveLength(1);
    expect(screen.getAllByTestId('account-switcher')).toHaveLength(1);
  });

  it('starts with a skip link to the main content', () => {
    setWidth(1280);
    renderWithProviders(<AppLayout />, { viewer: buildViewer(everything) });
    const skip = screen.getByRole('link', { name: 'Skip to main content' });
    expect(skip).toHaveAttribute('href', '#main-content');
    expect(document.getElementById('main-content')?.tagName).toBe('MAIN');
  });
});
