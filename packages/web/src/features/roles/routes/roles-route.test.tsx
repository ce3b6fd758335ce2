import type { MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { CreateRoleMutationVariables } from '../../../gql/graphql';
import { buildViewer, renderWithProviders } from '../../../test/render';
import { CreateRoleMutationDocument } from '../hooks/use-create-role';
import { DeleteRoleMutationDocument } from '../hooks/use-delete-role';
import { RoleHoldersQueryDocument } from '../components/delete-role-modal';
import { RolesPageQueryDocument, RolesRoute } from './roles-route';

const resource = (key: string, name: string, productName: string) => ({
  __typename: 'Resource',
  key,
  name,
  productKey: key.split(':')[0] ?? '',
  productName,
});

const viewApiKeys = resource('license-manager:view-api-keys', 'View API Keys', 'License Manager');
const editRoles = resource('license-manager:edit-roles', 'Edit roles', 'License Manager');
const viewOrders = resource('orders:view-orders', 'View orders', 'Orders');
const editOrders = resource('orders:edit-orders', 'Edit orders', 'Orders');

const roles = [
  {
    __typename: 'Role',
    viewerLacks: [],
    id: 'role-owner',
    name: 'Owner (Admin Super)',
    predefined: true,
    resources: [viewApiKeys, editRoles, viewOrders, editOrders],
  },
  {
    __typename: 'Role',
    viewerLacks: [],
    id: 'role-support',
    name: 'Support desk',
    predefined: false,
    resources: [viewOrders],
  },
];

const rolesPageMock = {
  request: { query: RolesPageQueryDocument },
  maxUsageCount: Number.POSITIVE_INFINITY,
  result: { data: { roles, resources: [viewApiKeys, editRoles, viewOrders, editOrders] } },
};

const heldResources = [
  'license-manager:view-api-keys',
  'license-manager:edit-roles',
  'orders:view-orders',
];

const renderRoles = (mocks: MockLink.MockedResponse[] = [], resources = heldResources) =>
  renderWithProviders(<RolesRoute />, {
    mocks: [rolesPageMock, ...mocks],
    viewer: buildViewer(resources),
  });

describe('RolesRoute', () => {
  it('lists custom and predefined roles with their resources by product', async () => {
    renderRoles();
    const custom = await screen.findByTestId('custom-roles');
    const predefined = screen.getByTestId('predefined-roles');
    const support = within(custom).getByRole('article', { name: 'Support desk' });
    expect(within(support).getByText('Custom')).toBeInTheDocument();
    expect(within(support).getByText('Orders')).toBeInTheDocument();
    expect(within(support).getByText('View orders')).toBeInTheDocument();
    const owner = within(predefined).getByRole('article', { name: 'Owner (Admin Super)' });
    expect(within(owner).getByText('Predefined')).toBeInTheDocument();
    expect(within(owner).getByText('License Manager')).toBeInTheDocument();
    expect(within(owner).queryByRole('button', { name: /Edit/ })).not.toBeInTheDocument();
    expect(within(support).getByRole('button', { name: 'Edit Support desk' })).toBeInTheDocument();
  });

  it('creates a role with the resources chosen product by product', async () => {
    const calls: CreateRoleMutationVariables[] = [];
    const createMock = {
      request: { query: CreateRoleMutationDocument, variables: () => true },
      result: (variables: CreateRoleMutationVariables) => {
        calls.push(variables);
        return {
          data: {
            createRole: {
              __typename: 'CreateRolePayload',
              role: {
                __typename: 'Role',
                viewerLacks: [],
                id: 'role-new',
                name: variables.input.name,
                predefined: false,
                resources: [viewApiKeys, viewOrders],
              },
            },
          },
        };
      },
    };
    const { user } = renderRoles([createMock]);
    await user.click(await screen.findByTestId('create-role'));
    const dialog = await screen.findByRole('dialog', { name: 'Create role' });

    await user.click(within(dialog).getByTestId('role-editor-submit'));
    expect(within(dialog).getByText('Enter a name for the role.')).toBeInTheDocument();

    await user.type(within(dialog).getByRole('textbox', { name: /Role name/ }), ' Auditors ');
    const orders = within(dialog).getByRole('group', { name: 'Orders' });
    // Resources the viewer does not hold cannot be granted.
    expect(within(orders).getByRole('checkbox', { name: /Edit orders/ })).toBeDisabled();
    await user.click(within(orders).getByRole('checkbox', { name: /View orders/ }));
    const licenseManager = within(dialog).getByRole('group', { name: 'License Manager' });
    await user.click(within(licenseManager).getByRole('checkbox', { name: /View API Keys/ }));
    await user.click(within(dialog).getByTestId('role-editor-submit'));

    await waitFor(() =>
      expect(calls).toEqual([
        {
          input: {
            name: 'Auditors',
            resourceKeys: ['orders:view-orders', 'license-manager:view-api-keys'],
          },
        },
      ]),
    );
    expect(await screen.findByText('Role created')).toBeInTheDocument();
  });

  it("shows the server's CONFLICT message when a role in use cannot be deleted", async () => {
    const message = 'This role is held by 2 users and 1 API key. Remove it from them first.';
    const deleteMock = {
      request: { query: DeleteRoleMutationDocument, variables: () => true },
      result: { errors: [new GraphQLError(message, { extensions: { code: 'CONFLICT' } })] },
    };
    const { user } = renderRoles([deleteMock]);
    await user.click(await screen.findByRole('button', { name: 'Delete Support desk' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete role?' });
    await user.click(within(dialog).getByTestId('confirm-delete-role'));
    const alert = await within(dialog).findByTestId('delete-role-conflict');
    expect(alert).toHaveTextContent('This role is still in use');
    expect(alert).toHaveTextContent(message);
  });

  it('says who holds a role, with links, before Delete is pressed', async () => {
    const holdersMock = {
      request: { query: RoleHoldersQueryDocument, variables: { id: 'role-support' } },
      result: {
        data: {
          roleHolders: {
            __typename: 'RoleHolders',
            userCount: 1,
            apiKeyCount: 2,
            users: [{ __typename: 'RoleHolderUser', id: 'u2', email: 'ana@example.com' }],
            apiKeys: [
              {
                __typename: 'RoleHolderKey',
                id: 'k1',
                key: 'kw-demo-aaaa1111',
                name: 'Support sync',
                external: false,
              },
              {
                __typename: 'RoleHolderKey',
                id: 'k2',
                key: 'kw-partner-bbbb2222',
                name: 'Partner feed',
                external: true,
              },
            ],
          },
        },
      },
    };
    const { user } = renderRoles([holdersMock]);
    await user.click(await screen.findByRole('button', { name: 'Delete Support desk' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete role?' });
    const holders = await within(dialog).findByTestId('delete-role-holders');
    expect(holders).toHaveTextContent('Held by 1 user and 2 API keys. Remove it from them first.');
    expect(within(holders).getByRole('link', { name: 'ana@example.com' })).toHaveAttribute(
      'href',
      '/account/users',
    );
    expect(within(holders).getByRole('link', { name: /kw-demo-aaaa1111/ })).toHaveAttribute(
      'href',
      '/account/api-keys/generated?role=role-support',
    );
    expect(within(holders).getByRole('link', { name: /kw-partner-bbbb2222/ })).toHaveAttribute(
      'href',
      '/account/api-keys/external?role=role-support',
    );
    expect(within(dialog).getByTestId('confirm-delete-role')).toBeDisabled();
  });

  it('hides writes without edit-roles', async () => {
    renderRoles([], ['license-manager:view-api-keys']);
    await screen.findByTestId('custom-roles');
    expect(screen.queryByTestId('create-role')).not.toBeInTheDocument();
    expect(screen.queryByTestId('role-edit')).not.toBeInTheDocument();
  });

  it('explains the missing permission to a viewer who reads no roles', () => {
    renderRoles([], ['orders:view-orders']);
    expect(screen.getByText("You don't have permission to view roles")).toBeInTheDocument();
  });
});
