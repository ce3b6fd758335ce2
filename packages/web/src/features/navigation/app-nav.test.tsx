import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildViewer, renderWithProviders } from '../../test/render';
import { AppNav } from './app-nav';

const linkNames = () =>
  within(screen.getByRole('navigation', { name: 'Main' }))
    .getAllByRole('link')
    .map((link) => link.textContent);

describe('AppNav', () => {
  it('shows every page to an owner and marks the current one', () => {
    renderWithProviders(<AppNav />, {
      route: '/account/roles',
      viewer: buildViewer([
        'license-manager:view-api-keys',
        'license-manager:view-users',
        'license-manager:edit-roles',
      ]),
    });
    expect(linkNames()).toEqual(['API keys', 'Roles', 'Users', 'Audit log']);
    expect(screen.getByRole('link', { name: 'Roles' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Users' })).toHaveAttribute('href', '/account/users');
  });

  it('hides each link whose resources the viewer lacks', () => {
    renderWithProviders(<AppNav />, {
      viewer: buildViewer(['license-manager:edit-api-keys-settings']),
    });
    expect(linkNames()).toEqual(['API keys']);
  });

  it('renders nothing for a viewer with no page to open', () => {
    renderWithProviders(<AppNav />, { viewer: buildViewer(['orders:view-orders']) });
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
  });
});
