import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { GeneratedKeysQueryVariables } from '../../../gql/graphql';
import { i18n } from '../../../lib/i18n';
import { apiKeyFixtures, connectionOf, roleFixtures } from '../../../test/api-key-fixtures';
import { buildViewer, currentSearch, renderWithProviders } from '../../../test/render';
import { DeactivateApiKeyMutationDocument } from '../hooks/use-deactivate-api-key';
import { RolesQueryDocument } from '../hooks/use-roles';
import { GeneratedKeysQueryDocument, GeneratedKeysRoute } from './generated-keys-route';

const setup = ({
  route = '/account/api-keys/generated',
  resources = buildViewer().resources,
} = {}) => {
  const requests: GeneratedKeysQueryVariables[] = [];
  const deactivations: string[] = [];
  const mocks = [
    {
      request: { query: GeneratedKeysQueryDocument, variables: () => true },
      maxUsageCount: Number.POSITIVE_INFINITY,
      result: (variables: GeneratedKeysQueryVariables) => {
        requests.push(variables);
        const search = variables.filter?.search?.toLowerCase();
        const nodes = search
          ? apiKeyFixtures.filter((node) => node.name.toLowerCase().includes(search))
          : apiKeyFixtures;
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
  return { ...rendered, requests, deactivations };
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
      expect.arrayContaining(['Chave/Nome', 'Funções', 'Data de criação', 'Status', 'Último uso']),
    );
    expect(within(table).getByText('Ativa')).toBeInTheDocument();
    expect(within(table).getByText('Nunca')).toBeInTheDocument();
  });
});
