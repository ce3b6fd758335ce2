import { screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type {
  AddExternalKeyMutationVariables,
  ExternalKeysQueryVariables,
  RemoveExternalKeyMutationVariables,
} from '../../../gql/graphql';
import { roleFixtures } from '../../../test/api-key-fixtures';
import { buildViewer, currentSearch, renderWithProviders } from '../../../test/render';
import { RolesQueryDocument } from '../../../hooks/use-roles';
import { AddExternalKeyMutationDocument } from '../hooks/use-add-external-key';
import { RemoveExternalKeyMutationDocument } from '../hooks/use-remove-external-key';
import { ExternalKeysQueryDocument, ExternalKeysRoute } from './external-keys-route';

const account = (slug: string, name: string) => ({
  __typename: 'Account',
  id: `a-${slug}`,
  slug,
  name,
});

const externalKeyFixtures = [
  {
    __typename: 'ExternalKey',
    viewerLacks: [],
    id: 'g1',
    key: 'kw-partner-cccc3333',
    status: 'ACTIVE' as const,
    addedAt: '2025-02-01T12:00:00.000Z',
    ownerAccount: account('partner', 'Partner Co'),
    roles: [{ __typename: 'Role', id: 'role-oms', name: 'OMS - Read only' }],
    keysCreatedHere: 0,
    keysCreatedHereViewerLacks: [] as { __typename: 'Resource'; key: string; name: string }[],
  },
  {
    __typename: 'ExternalKey',
    viewerLacks: [],
    id: 'g2',
    key: 'kw-agency-dddd4444',
    status: 'INACTIVE' as const,
    addedAt: '2025-01-15T12:00:00.000Z',
    ownerAccount: account('agency', 'Agency'),
    roles: [],
    keysCreatedHere: 3,
    keysCreatedHereViewerLacks: [] as { __typename: 'Resource'; key: string; name: string }[],
  },
];

const connectionOf = (nodes: typeof externalKeyFixtures) => ({
  __typename: 'ExternalKeyConnection',
  totalCount: nodes.length,
  totalCountCapped: false,
  pageInfo: {
    __typename: 'PageInfo',
    hasNextPage: false,
    hasPreviousPage: false,
    startCursor: nodes.length ? 'cursor-first' : null,
    endCursor: nodes.length ? 'cursor-last' : null,
  },
  edges: nodes.map((node) => ({ __typename: 'ExternalKeyEdge', cursor: `c-${node.id}`, node })),
});

const refusal = (code: string, message: string) => ({
  errors: [new GraphQLError(message, { extensions: { code, field: 'key' } })],
});

const setup = ({
  route = '/account/api-keys/external',
  resources = buildViewer().resources,
  addResults = [] as ReturnType<typeof refusal>[],
  nodes = externalKeyFixtures,
} = {}) => {
  const requests: ExternalKeysQueryVariables[] = [];
  const adds: AddExternalKeyMutationVariables[] = [];
  const removals: RemoveExternalKeyMutationVariables[] = [];
  const mocks = [
    {
      request: { query: ExternalKeysQueryDocument, variables: () => true },
      maxUsageCount: Number.POSITIVE_INFINITY,
      result: (variables: ExternalKeysQueryVariables) => {
        requests.push(variables);
        return { data: { externalKeys: connectionOf(nodes) } };
      },
    },
    {
      request: { query: RolesQueryDocument },
      maxUsageCount: Number.POSITIVE_INFINITY,
      result: { data: { roles: roleFixtures } },
    },
    ...addResults.map((result) => ({
      request: { query: AddExternalKeyMutationDocument, variables: () => true },
      result: (variables: AddExternalKeyMutationVariables) => {
        adds.push(variables);
        return result;
      },
    })),
    {
      request: { query: RemoveExternalKeyMutationDocument, variables: () => true },
      result: (variables: RemoveExternalKeyMutationVariables) => {
        removals.push(variables);
        return {
          data: {
            removeExternalKey: {
              __typename: 'RemoveExternalKeyPayload',
              removedExternalKeyId: variables.input.id,
              deactivatedKeyCount: variables.input.deactivateKeysItCreated ? 3 : 0,
            },
          },
        };
      },
    },
  ];
  const rendered = renderWithProviders(<ExternalKeysRoute />, {
    mocks,
    route,
    viewer: buildViewer(resources),
  });
  return { ...rendered, requests, adds, removals };
};

describe('ExternalKeysRoute', () => {
  it('renders one row per external key with owner account, roles here and status', async () => {
    const { requests } = setup();
    const table = await screen.findByRole('table', { name: 'External API keys' });
    const rows = within(table).getAllByTestId('external-key-row');
    expect(rows).toHaveLength(2);
    const [first, second] = rows as [HTMLElement, HTMLElement];
    expect(within(first).getByText('kw-partner-cccc3333')).toBeInTheDocument();
    expect(within(first).getByText('Partner Co')).toBeInTheDocument();
    expect(within(first).getByText('OMS - Read only')).toBeInTheDocument();
    expect(within(first).getByText('Active')).toBeInTheDocument();
    expect(within(second).getByText('Inactive')).toBeInTheDocument();
    expect(within(second).getByText('No roles')).toBeInTheDocument();
    expect(requests[0]).toMatchObject({
      first: 25,
      orderBy: { field: 'ADDED_AT', direction: 'DESC' },
    });
  });

  it('keeps sort and filters in the URL', async () => {
    const { user, container, requests } = setup({
      route: '/account/api-keys/external?status=INACTIVE',
    });
    await screen.findByRole('table', { name: 'External API keys' });
    expect(requests[0]?.filter).toEqual({ status: 'INACTIVE' });
    await user.click(screen.getByRole('button', { name: 'Owner account' }));
    expect(currentSearch(container).get('sort')).toBe('OWNER_ACCOUNT');
    expect(currentSearch(container).get('dir')).toBe('ASC');
    await waitFor(() =>
      expect(requests.at(-1)).toMatchObject({
        filter: { status: 'INACTIVE' },
        orderBy: { field: 'OWNER_ACCOUNT', direction: 'ASC' },
      }),
    );
  });

  it('shows each coded refusal of the add dialog on the key field, in plain words', async () => {
    const { user, adds } = setup({
      addResults: [
        refusal('NOT_FOUND', 'API key not found'),
        refusal('BAD_USER_INPUT', 'Own key'),
        refusal('CONFLICT', 'Already added'),
      ],
    });
    await screen.findByRole('table', { name: 'External API keys' });
    await user.click(screen.getByTestId('add-external-key'));
    const dialog = await screen.findByRole('dialog', { name: 'Add external key' });
    const input = within(dialog).getByRole('textbox', { name: /Key identifier/ });
    const submit = within(dialog).getByTestId('add-external-key-submit');

    await user.click(submit);
    expect(within(dialog).getByText('Enter the key identifier.')).toBeInTheDocument();
    expect(adds).toEqual([]);

    await user.type(input, ' kw-nobody-0000 ');
    await user.click(submit);
    expect(await within(dialog).findByText(/No API key has this identifier/)).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(adds[0]).toEqual({ input: { key: 'kw-nobody-0000', roleIds: [] } });

    await user.click(submit);
    expect(
      await within(dialog).findByText(
        'This key belongs to this account. Manage it in the Generated tab.',
      ),
    ).toBeInTheDocument();

    await user.click(submit);
    expect(
      await within(dialog).findByText(/This key was already added to this account/),
    ).toBeInTheDocument();
    expect(adds).toHaveLength(3);
  });

  it('asks for confirmation before removing, then removes the key', async () => {
    const { user, removals } = setup();
    await screen.findByRole('table', { name: 'External API keys' });
    await user.click(screen.getByRole('button', { name: 'Actions for kw-partner-cccc3333' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Remove' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove external key?' });
    expect(dialog).toHaveTextContent('loses all access to this account at once');
    expect(removals).toEqual([]);
    await user.click(within(dialog).getByTestId('confirm-remove-external-key'));
    await waitFor(() =>
      expect(removals).toEqual([{ input: { id: 'g1', deactivateKeysItCreated: false } }]),
    );
    expect(await screen.findByText('External key removed')).toBeInTheDocument();
    // It created no key here: nothing else to offer.
    expect(screen.queryByTestId('remove-external-key-deactivate-created')).not.toBeInTheDocument();
  });

  it('offers to deactivate the keys an external key created here, and says how many were', async () => {
    const { user, removals } = setup();
    await screen.findByRole('table', { name: 'External API keys' });
    await user.click(screen.getByRole('button', { name: 'Actions for kw-agency-dddd4444' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Remove' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove external key?' });
    const checkbox = within(dialog).getByRole('checkbox', {
      name: 'Also deactivate the 3 keys this key created here',
    });
    expect(checkbox).not.toBeChecked();
    await user.click(checkbox);
    await user.click(within(dialog).getByTestId('confirm-remove-external-key'));
    await waitFor(() =>
      expect(removals).toEqual([{ input: { id: 'g2', deactivateKeysItCreated: true } }]),
    );
    expect(
      await screen.findByText('External key removed. 3 keys it created were deactivated'),
    ).toBeInTheDocument();
  });

  it('greys out, saying why, deactivating created keys that hold what the viewer lacks', async () => {
    const [partnerKey, agencyKey] = externalKeyFixtures as [
      (typeof externalKeyFixtures)[number],
      (typeof externalKeyFixtures)[number],
    ];
    const { user, removals } = setup({
      nodes: [
        partnerKey,
        {
          ...agencyKey,
          keysCreatedHereViewerLacks: [
            { __typename: 'Resource', key: 'orders:edit-orders', name: 'Edit orders' },
          ],
        },
      ],
    });
    await screen.findByRole('table', { name: 'External API keys' });
    await user.click(screen.getByRole('button', { name: 'Actions for kw-agency-dddd4444' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Remove' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove external key?' });
    const checkbox = within(dialog).getByRole('checkbox', {
      name: 'Also deactivate the 3 keys this key created here',
    });
    expect(checkbox).toBeDisabled();
    expect(within(dialog).getByTestId('remove-external-key-deactivate-reason')).toHaveTextContent(
      'You cannot act on this: it holds Edit orders, which you do not hold.',
    );
    // Removing the grant itself stays allowed.
    await user.click(within(dialog).getByTestId('confirm-remove-external-key'));
    await waitFor(() =>
      expect(removals).toEqual([{ input: { id: 'g2', deactivateKeysItCreated: false } }]),
    );
  });

  it('hides add and row actions without edit-api-keys', async () => {
    setup({ resources: ['license-manager:view-api-keys'] });
    await screen.findByRole('table', { name: 'External API keys' });
    expect(screen.queryByTestId('add-external-key')).not.toBeInTheDocument();
    expect(screen.queryByTestId('external-key-actions')).not.toBeInTheDocument();
  });
});
