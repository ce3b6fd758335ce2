import { Table } from '@mantine/core';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApiKeyRow_ApiKeyFragment } from '../../../gql/graphql';
import { apiKeyFixtures, daysFromNow } from '../../../test/api-key-fixtures';
import { renderWithProviders } from '../../../test/render';
import { ApiKeyRow } from './api-key-row';

const renderRow = (overrides: Partial<ApiKeyRow_ApiKeyFragment>) =>
  renderWithProviders(
    <Table>
      <Table.Tbody>
        <ApiKeyRow
          apiKey={{ ...apiKeyFixtures[0]!, ...overrides }}
          canEdit
          canRenew
          onAction={() => undefined}
        />
      </Table.Tbody>
    </Table>,
  );

describe('ApiKeyRow alert states', () => {
  it('shows an orange alert in orange, with an alert icon beside the key name', () => {
    renderRow({ alertLevel: 'ORANGE', tokenExpiresAt: daysFromNow(-10) });
    const expiry = screen.getByTestId('token-expiry');
    expect(expiry).toHaveAttribute('data-alert-level', 'ORANGE');
    expect(expiry.getAttribute('style') ?? '').toContain('orange');
    expect(expiry.getAttribute('style') ?? '').not.toContain('red');
    const icon = within(screen.getByTestId('api-key-row')).getByTestId('key-alert-icon');
    expect(icon).toHaveAccessibleName('Renewal due');
  });

  it('says “expires in N days” inside the reminder window, and nothing before it', () => {
    const { unmount } = renderRow({ tokenDueInDays: 3, tokenExpiresAt: daysFromNow(2.5) });
    expect(screen.getByTestId('token-due-soon')).toHaveTextContent('Expires in 3 days');
    expect(screen.getByTestId('key-alert-icon')).toHaveAccessibleName('Expires in 3 days');
    unmount();
    renderRow({ tokenDueInDays: null });
    expect(screen.queryByTestId('token-due-soon')).not.toBeInTheDocument();
    expect(screen.queryByTestId('key-alert-icon')).not.toBeInTheDocument();
  });
});

describe('ApiKeyRow policies', () => {
  it('says when a key is restricted to some addresses or has a budget', () => {
    const { unmount } = renderRow({});
    expect(screen.queryByTestId('key-restricted-badge')).not.toBeInTheDocument();
    expect(screen.queryByTestId('key-budget-badge')).not.toBeInTheDocument();
    unmount();
    renderRow({
      allowedAddresses: ['10.0.0.0/8'],
      rateLimitPerMinute: 600,
      rateLimitPerDay: 10000,
    });
    expect(screen.getByTestId('key-restricted-badge')).toHaveTextContent('IP restricted');
    expect(screen.getByTestId('key-budget-badge')).toHaveTextContent('600/min · 10,000/day');
  });
});
