import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { theme } from '../app/theme';
import { ViewerProvider, type Viewer } from '../lib/viewer-context';
import { i18n } from '../lib/i18n';

export const allResources = [
  'license-manager:view-api-keys',
  'license-manager:edit-api-keys',
  'license-manager:renew-api-token',
  'license-manager:edit-api-keys-settings',
];

export const buildViewer = (resources: string[] = allResources): Viewer => ({
  kind: 'USER',
  resources,
  user: { id: 'u1', name: 'Ada Admin', email: 'admin@example.com' },
  account: { id: 'a1', name: 'Demo', slug: 'demo' },
  accounts: [{ id: 'a1', name: 'Demo', slug: 'demo' }],
});

/** Shows the router's current search string so tests can assert what the URL holds. */
const LocationProbe = () => {
  const location = useLocation();
  return <output data-testid="location-search">{location.search}</output>;
};

type RenderOptions = {
  mocks?: ReadonlyArray<MockLink.MockedResponse>;
  route?: string;
  viewer?: Viewer;
};

export const renderWithProviders = (ui: ReactElement, options: RenderOptions = {}) => {
  const user = userEvent.setup();
  const result = render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} env="test">
        <Notifications />
        <MockedProvider mocks={options.mocks ?? []}>
          <MemoryRouter initialEntries={[options.route ?? '/']}>
            <ViewerProvider viewer={options.viewer ?? buildViewer()}>
              {ui}
              <LocationProbe />
            </ViewerProvider>
          </MemoryRouter>
        </MockedProvider>
      </MantineProvider>
    </I18nextProvider>,
  );
  return { user, ...result };
};

export const currentSearch = (container: HTMLElement) =>
  new URLSearchParams(
    container.ownerDocument.querySelector('[data-testid="location-search"]')?.textContent ?? '',
  );
