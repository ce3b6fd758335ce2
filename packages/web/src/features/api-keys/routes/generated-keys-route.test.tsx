import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { GeneratedKeysQueryVariables } from '../../../gql/graphql';
import { i18n } from '../../../lib/i18n';
import {
  apiKeyFixtures,
  connectionOf,
  pendingApiKeyFixture,
  roleFixtures,
} from '../../../test/api-key-fixtures';
import { buildViewer, currentSearch, renderWithProviders } from '../../../test/render';
import { GeneratedKeysAlertSummaryQueryDocument } from '../components/alert-summary-banner';
import { DeactivateApiKeyMutationDocument } from '../hooks/use-deactivate-api-key';
import { DeleteOldTokenMutationDocument } from '../hooks/use-delete-old-token';
import { RolesQueryDocument } from '../../../hooks/use-roles';
import { GeneratedKeysQueryDocument, GeneratedKeysRoute } from './generated-keys-route';

const setup = ({
  route = '/account/api-keys/generated',
  resources = buildViewer().resources,
  fixtures = apiKeyFixtures,
} = {}) => {
  const requests: GeneratedKeysQueryVariables[] = [];
  const deactivations: string[] = [];
  const oldTokenDeletions: string[] = [];
  const mocks = [
    {
      request: { query: GeneratedKeysAlertSummaryQueryDocument },
      maxUsageCount: Number.POSITIVE_INFINITY,
      result: {
        data: {
          generatedKeysAlertSummary: {
            __typename: 'ApiKeyAlertSummary',
            orange: 1,
            red: 0,
            pendingOldTokenDeletions: 1,
          },
        },
      },
    },
    {
      request: { query: DeleteOldTokenMutationDocument, variables: () => true },
      result: (variables: { input: { id: string } }) => {
        oldTokenDeletions.push(variables.input.id);
        const [, newToken] = pendingApiKeyFixture.tokens;
        return {
          data: {
            deleteOldToken: {
              __typename: 'DeleteOldTokenPayload',
              apiKey: { ...pendingApiKeyFixture, renewalPending: false, tokens: [newToken] },
            },
          },
        };
      },
    },
    {
      request: { query: GeneratedKeysQueryDocument, variables: () => true },
      maxUsageCount: Number.POSITIVE_INFINITY,
      result: (variables: GeneratedKeysQueryVariables) => {
        requests.push(variables);
        const search = variables.filter?.search?.toLowerCase();
        const nodes = search
          ? fixtures.filter((node) => node.name.toLowerCase().includes(search))
          : fixtures;
        return { data: { generatedKeys: connectionOf(nodes) } };
      },
    },
    {
      request: { query: RolesQueryDocument },
      maxUsageCount: Number.POSITIVE_INFINITY,
      result: { data: { roles: roleFixtures } },
    },
    {
      request: { query: DeactivateApiKeyMutationDocument, variables: () => true },
      result: (variables: { input: { id: string } }) => {
        deactivations.push(variables.input.id);
        return {
          data: {
            deactivateApiKey: {
              __typename: 'DeactivateApiKeyPayload',
              apiKey: {
                __typename: 'ApiKey',
                id: variables.input.id,
                status: 'INACTIVE',
                updatedAt: '2025-05-01T00:00:00.000Z',
              },
            },
          },
        };
      },
    },
  ];
  const rendered = renderWithProviders(<GeneratedKeysRoute />, {
    mocks,
    route,
    viewer: buildViewer(resources),
  });
  return { ...rendered, requests, deactivations, oldTokenDeletions };
};

describe('GeneratedKeysRoute', () => {
  it('renders one row per key from generatedKeys with its details', async () => {
    setup();
    const table = await screen.findByRole('table', { name: 'Generated API keys' });
    const rows = within(table).getAllByTestId('api-key-row');
    expect(rows).toHaveLength(2);
    const [first, second] = rows as [HTMLElement, HTMLElement];
    expect(within(first).getByText('kw-demo-aaaa1111')).toBeInTheDocument();
    expect(within(first).getByText('ERP sync')).toBeInTheDocument();
    expect(within(first).getByText('OMS - Read only')).toBeInTheDocument();
    expect(within(first).getByText('Active')).toBeInTheDocument();
    expect(within(second).getByText('Inactive')).toBeInTheDocument();
    expect(within(second).getByText('Never')).toBeInTheDocument();
    expect(screen.getByTestId('api-keys-total')).toHaveTextContent('Total: 2');
  });

  it('writes the debounced search to the URL and queries with it', async () => {
    const { user, container, requests } = setup();
    await screen.findByRole('table', { name: 'Generated API keys' });
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'erp');
    await waitFor(() => expect(currentSearch(container).get('q')).toBe('erp'));
    await waitFor(() => expect(screen.getAllByTestId('api-key-row')).toHaveLength(1));
    expect(requests.at(-1)?.filter).toEqual({ search: 'erp' });
  });

  it('writes the sort to the URL, toggling direction on a second click', async () => {
    const { user, container, requests } = setup();
    await screen.findByRole('table', { name: 'Generated API keys' });
    await user.click(screen.getByRole('button', { name: 'Key/Name' }));
    expect(currentSearch(container).get('sort')).toBe('NAME');
    expect(currentSearch(container).get('dir')).toBe('ASC');
    await waitFor(() =>
      expect(requests.at(-1)?.orderBy).toEqual({ field: 'NAME', direction: 'ASC' }),
    );
    await user.click(screen.getByRole('button', { name: 'Key/Name' }));
    expect(currentSearch(container).get('dir')).toBe('DESC');
    expect(screen.getByRole('columnheader', { name: 'Key/Name' })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
  });

  it('restores search, status and sort from the URL', async () => {
    const { requests } = setup({
      route: '/account/api-keys/generated?q=marketing&status=INACTIVE&sort=LAST_USED&dir=ASC',
    });
    await screen.findByRole('table', { name: 'Generated API keys' });
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('marketing');
    expect(requests[0]).toMatchObject({
      first: 25,
      filter: { search: 'marketing', status: 'INACTIVE' },
      orderBy: { field: 'LAST_USED', direction: 'ASC' },
    });
  });

  it('asks for confirmation, then deactivates the key', async () => {
    const { user, deactivations } = setup();
    await screen.findByRole('table', { name: 'Generated API keys' });
    await user.click(screen.getByRole('button', { name: 'Actions for ERP sync' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Deactivate' }));
    const dialog = await screen.findByRole('dialog', { name: 'Deactivate API key?' });
    expect(dialog).toHaveTextContent('will stop working at once');
    expect(deactivations).toEqual([]);
    await user.click(within(dialog).getByTestId('confirm-deactivate'));
    await waitFor(() => expect(deactivations).toEqual(['k1']));
    expect(await screen.findByText('API key deactivated')).toBeInTheDocument();
  });

  it('hides generate and row actions from a viewer without edit-api-keys', async () => {
    setup({ resources: ['license-manager:view-api-keys'] });
    await screen.findByRole('table', { name: 'Generated API keys' });
    expect(screen.queryByTestId('generate-api-key')).not.toBeInTheDocument();
    expect(screen.queryByTestId('api-key-actions')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Actions for/ })).not.toBeInTheDocument();
  });

  it('shows the generate button and row actions to an editor', async () => {
    setup();
    await screen.findByRole('table', { name: 'Generated API keys' });
    expect(screen.getByTestId('generate-api-key')).toHaveTextContent('Generate API key');
    expect(screen.getAllByTestId('api-key-actions')).toHaveLength(2);
  });

  it('explains the missing permission instead of listing keys', () => {
    setup({ resources: [] });
    expect(screen.getByText("You don't have permission to view API keys")).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('renders Portuguese column headers', async () => {
    await i18n.changeLanguage('pt-BR');
    setup();
    const table = await screen.findByRole('table', { name: 'Chaves de API geradas' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((header) => header.textContent);
    expect(headers).toEqual(
      expect.arrayContaining([
        'Chave/Nome',
        'Perfis de acesso',
        'Data de criação',
        'Status',
        'Último uso',
      ]),
    );
    expect(within(table).getByText('Ativa')).toBeInTheDocument();
    expect(within(table).getByText('Nunca')).toBeInTheDocument();
  });

  it('shows the token expiry and, for a pending renewal, the last use of both tokens', async () => {
    setup({ fixtures: [apiKeyFixtures[0]!, pendingApiKeyFixture] });
    const table = await screen.findByRole('table', { name: 'Generated API keys' });
    const [fresh, pending] = within(table).getAllByTestId('api-key-row') as [
      HTMLElement,
      HTMLElement,
    ];
    expect(within(fresh).getByTestId('token-expiry')).toHaveTextContent('Expires in 12 days');
    expect(within(fresh).queryByTestId('token-alert-badge')).not.toBeInTheDocument();
    expect(within(fresh).queryByText('Pending deletion - old token')).not.toBeInTheDocument();

    expect(within(pending).getByTestId('token-expiry')).toHaveTextContent('Outdated 5 days ago');
    expect(within(pending).getByTestId('token-alert-badge')).toHaveTextContent('Renewal due');
    expect(within(pending).getByText('Pending deletion - old token')).toBeInTheDocument();
    expect(within(pending).getByTestId('token-old')).toHaveTextContent(
      /Last used .*203\.0\.113\.7/,
    );
    expect(within(pending).getByTestId('token-new')).toHaveTextContent('Never used');
  });

  it('offers Delete old token and Undo renewal on a pending row, and deletes after confirming', async () => {
    const { user, oldTokenDeletions } = setup({ fixtures: [pendingApiKeyFixture] });
    await screen.findByRole('table', { name: 'Generated API keys' });
    await user.click(screen.getByRole('button', { name: 'Actions for Partner feed' }));
    expect(await screen.findByRole('menuitem', { name: 'Undo renewal' })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: 'Renew token' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('menuitem', { name: 'Delete old token' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete old token?' });
    expect(dialog).toHaveTextContent('Only the new token will work');
    expect(oldTokenDeletions).toEqual([]);
    await user.click(within(dialog).getByTestId('confirm-delete-old-token'));
    await waitFor(() => expect(oldTokenDeletions).toEqual(['k3']));
    expect(await screen.findByText('Old token deleted')).toBeInTheDocument();
  });

  it('offers Renew token to a viewer who may renew but not edit', async () => {
    const { user } = setup({
      resources: ['license-manager:view-api-keys', 'license-manager:renew-api-token'],
    });
    await screen.findByRole('table', { name: 'Generated API keys' });
    expect(screen.queryByTestId('generate-api-key')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Actions for ERP sync' }));
    expect(await screen.findByRole('menuitem', { name: 'Renew token' })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: 'Edit' })).not.toBeInTheDocument();
  });

  it('keeps the alert-level filter in the URL and queries with it', async () => {
    const { user, container, requests } = setup();
    await screen.findByRole('table', { name: 'Generated API keys' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Renewal alert' }), 'RED');
    expect(currentSearch(container).get('alert')).toBe('RED');
    await waitFor(() => expect(requests.at(-1)?.filter).toEqual({ alertLevel: 'RED' }));
  });

  it('shows the alert banner whose orange count applies the orange filter', async () => {
    const { user, container, requests } = setup();
    const banner = await screen.findByTestId('alert-summary-banner');
    expect(within(banner).getByText('Old tokens pending deletion: 1')).toBeInTheDocument();
    expect(within(banner).queryByTestId('alert-summary-red')).not.toBeInTheDocument();
    await user.click(within(banner).getByRole('link', { name: 'Orange alert: 1' }));
    expect(currentSearch(container).get('alert')).toBe('ORANGE');
    await waitFor(() => expect(requests.at(-1)?.filter).toEqual({ alertLevel: 'ORANGE' }));
    expect(screen.getByRole('combobox', { name: 'Renewal alert' })).toHaveValue('ORANGE');
  });

  it('links the pending-deletion count to the renewalPending filter, which the chip clears', async () => {
    const { user, container, requests } = setup();
    const banner = await screen.findByTestId('alert-summary-banner');
    await user.click(within(banner).getByRole('link', { name: 'Old tokens pending deletion: 1' }));
    expect(currentSearch(container).get('pending')).toBe('1');
    await waitFor(() => expect(requests.at(-1)?.filter).toEqual({ renewalPending: true }));

    const chip = screen.getByRole('checkbox', { name: 'Old token pending deletion' });
    expect(chip).toBeChecked();
    await user.click(chip);
    expect(currentSearch(container).get('pending')).toBeNull();
    // The unfiltered list is still cached from the first visit, so no new request is needed.
    expect(screen.getByRole('checkbox', { name: 'Old token pending deletion' })).not.toBeChecked();
  });

  it('restores the pending filter from the URL', async () => {
    const { requests } = setup({ route: '/account/api-keys/generated?pending=1' });
    await screen.findByRole('table', { name: 'Generated API keys' });
    expect(requests[0]?.filter).toEqual({ renewalPending: true });
    expect(screen.getByRole('checkbox', { name: 'Old token pending deletion' })).toBeChecked();
  });

  it('offers CSV and XLSX exports of every key as download links', async () => {
    const { user } = setup({ resources: ['license-manager:view-api-keys'] });
    await screen.findByRole('table', { name: 'Generated API keys' });
    await user.click(screen.getByTestId('export-menu'));
    const csv = await screen.findByTestId('export-csv');
    expect(csv).toHaveAttribute('href', '/api/keys/export?format=csv&tab=generated&lang=en');
    expect(csv).toHaveAttribute('download');
    expect(csv).toHaveTextContent('CSV: generated keys');
    const xlsx = screen.getByTestId('export-xlsx');
    expect(xlsx).toHaveAttribute('href', '/api/keys/export?format=xlsx&lang=en');
    expect(xlsx).toHaveAttribute('download');
  });

  it('shows who created each key: a member, or an external key with its account', async () => {
    setup();
    const table = await screen.findByRole('table', { name: 'Generated API keys' });
    expect(within(table).getByRole('columnheader', { name: 'Created by' })).toBeInTheDocument();
    const [first, second] = within(table).getAllByTestId('key-creator') as [
      HTMLElement,
      HTMLElement,
    ];
    expect(first).toHaveTextContent('admin@example.com');
    expect(first).toHaveTextContent('Member');
    expect(second).toHaveTextContent('kw-partner-eeee5555');
    expect(second).toHaveTextContent('External key');
    expect(second).toHaveTextContent('external key of partner');
  });

  it('says Unknown for a key generated before creators were recorded', async () => {
    const [first] = apiKeyFixtures;
    setup({ fixtures: [{ ...first!, createdBy: null }] });
    const table = await screen.findByRole('table', { name: 'Generated API keys' });
    expect(within(table).getByTestId('key-creator')).toHaveTextContent('Unknown');
  });

  it('keeps the creator-kind filter in the URL and queries with it', async () => {
    const { user, container, requests } = setup();
    await screen.findByRole('table', { name: 'Generated API keys' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Created by' }), 'EXTERNAL_KEY');
    expect(currentSearch(container).get('by')).toBe('EXTERNAL_KEY');
    await waitFor(() =>
      expect(requests.at(-1)?.filter).toEqual({ createdBy: { kind: 'EXTERNAL_KEY' } }),
    );
  });

  it('filters by one creator from a row, restores it from the URL, and clears it', async () => {
    const { user, container, requests } = setup();
    await screen.findByRole('table', { name: 'Generated API keys' });
    await user.click(
      screen.getByRole('button', { name: 'Show keys created by kw-partner-eeee5555' }),
    );
    const params = currentSearch(container);
    expect(params.get('by')).toBe('EXTERNAL_KEY');
    expect(params.get('byId')).toBe('k-partner');
    expect(params.get('byLabel')).toBe('kw-partner-eeee5555');
    await waitFor(() =>
      expect(requests.at(-1)?.filter).toEqual({
        createdBy: { kind: 'EXTERNAL_KEY', id: 'k-partner' },
      }),
    );
    const select = screen.getByRole('combobox', { name: 'Created by' });
    expect(select).toHaveDisplayValue('Created by kw-partner-eeee5555');
    await user.click(screen.getByRole('button', { name: 'Show keys by any creator' }));
    expect(currentSearch(container).get('by')).toBeNull();
    expect(currentSearch(container).get('byId')).toBeNull();
  });

  it('restores a one-creator filter from the URL', async () => {
    const { requests } = setup({
      route: '/account/api-keys/generated?by=USER&byId=u-admin&byLabel=admin%40example.com',
    });
    await screen.findByRole('table', { name: 'Generated API keys' });
    expect(requests[0]?.filter).toEqual({ createdBy: { kind: 'USER', id: 'u-admin' } });
    expect(screen.getByRole('combobox', { name: 'Created by' })).toHaveDisplayValue(
      'Created by admin@example.com',
    );
  });

  it("shows the key's creator in its edit dialog", async () => {
    const { user } = setup();
    await screen.findByRole('table', { name: 'Generated API keys' });
    await user.click(screen.getByRole('button', { name: 'Actions for Marketing export' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit API key' });
    const creator = within(dialog).getByTestId('edit-api-key-created-by');
    expect(creator).toHaveTextContent('Created by');
    expect(creator).toHaveTextContent('kw-partner-eeee5555');
    expect(creator).toHaveTextContent('external key of partner');
  });

  it('keeps the leaked and unused-for filters in the URL and queries with them', async () => {
    const { user, container, requests } = setup();
    await screen.findByRole('table', { name: 'Generated API keys' });
    await user.click(screen.getByRole('checkbox', { name: 'Leaked' }));
    expect(currentSearch(container).get('leaked')).toBe('1');
    await waitFor(() => expect(requests.at(-1)?.filter).toEqual({ leaked: true }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Unused for' }), '90');
    expect(currentSearch(container).get('inactive')).toBe('90');
    await waitFor(() =>
      expect(requests.at(-1)?.filter).toEqual({ leaked: true, inactiveForDays: 90 }),
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'Unused for' }), '');
    expect(currentSearch(container).get('inactive')).toBeNull();
  });

  it('restores a typed unused-for window from the URL, ignoring one out of range', async () => {
    const { requests } = setup({ route: '/account/api-keys/generated?inactive=45&leaked=1' });
    await screen.findByRole('table', { name: 'Generated API keys' });
    expect(requests[0]?.filter).toEqual({ leaked: true, inactiveForDays: 45 });
    expect(screen.getByRole('combobox', { name: 'Unused for' })).toHaveDisplayValue(
      'More than 45 days',
    );
    expect(screen.getByRole('checkbox', { name: 'Leaked' })).toBeChecked();
  });

  it('marks a leaked key with a badge in its row', async () => {
    setup({
      fixtures: [
        { ...apiKeyFixtures[0]!, leaked: true, leakedUrl: 'https://github.com/o/r/blob/x/.env' },
        apiKeyFixtures[1]!,
      ],
    });
    const table = await screen.findByRole('table', { name: 'Generated API keys' });
    const [leaked, clean] = within(table).getAllByTestId('api-key-row') as [
      HTMLElement,
      HTMLElement,
    ];
    expect(within(leaked).getByTestId('key-leaked-badge')).toHaveTextContent('Leaked');
    expect(within(clean).queryByTestId('key-leaked-badge')).not.toBeInTheDocument();
  });
});
