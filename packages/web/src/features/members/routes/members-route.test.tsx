import type { MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type {
  InviteMemberMutationVariables,
  RevokeInvitationMutationVariables,
} from '../../../gql/graphql';
import { roleFixtures } from '../../../test/api-key-fixtures';
import { buildViewer, renderWithProviders } from '../../../test/render';
import { RolesQueryDocument } from '../../../hooks/use-roles';
import { PendingInvitationsQueryDocument } from '../components/pending-invitations';
import { InviteMemberMutationDocument } from '../hooks/use-invite-member';
import { RevokeInvitationMutationDocument } from '../hooks/use-revoke-invitation';
import { RemoveMemberMutationDocument } from '../hooks/use-remove-member';
import { UpdateMemberMutationDocument } from '../hooks/use-update-member';
import { MembersPageQueryDocument, MembersRoute } from './members-route';

const userAdmin = [
  'license-manager:view-users',
  'license-manager:edit-users',
  'license-manager:view-api-keys',
];

const members = [
  {
    __typename: 'Member',
    viewerLacks: [],
    id: 'm1',
    addedAt: '2025-01-02T09:00:00.000Z',
    user: { __typename: 'User', id: 'u1', email: 'admin@example.com', name: 'Ada Admin' },
    roles: [{ __typename: 'Role', id: 'role-owner', name: 'Owner (Admin Super)' }],
  },
  {
    __typename: 'Member',
    viewerLacks: [],
    id: 'm2',
    addedAt: '2025-03-02T09:00:00.000Z',
    user: { __typename: 'User', id: 'u2', email: 'bob@example.com', name: 'bob@example.com' },
    roles: [],
  },
];

const invitations = [
  {
    __typename: 'Invitation',
    id: 'i1',
    email: 'dave@example.com',
    invitedBy: 'admin@example.com',
    expiresAt: '2030-01-08T09:00:00.000Z',
    roles: [{ __typename: 'Role', id: 'role-oms', name: 'OMS - Read only' }],
    viewerLacks: [],
  },
];

const baseMocks: MockLink.MockedResponse[] = [
  {
    request: { query: PendingInvitationsQueryDocument },
    maxUsageCount: Number.POSITIVE_INFINITY,
    result: { data: { invitations } },
  },
  {
    request: { query: MembersPageQueryDocument },
    maxUsageCount: Number.POSITIVE_INFINITY,
    result: { data: { members } },
  },
  {
    request: { query: RolesQueryDocument },
    maxUsageCount: Number.POSITIVE_INFINITY,
    result: { data: { roles: roleFixtures } },
  },
];

const lastOwner = {
  errors: [
    new GraphQLError('The account must keep at least one Owner (Admin Super).', {
      extensions: { code: 'CONFLICT' },
    }),
  ],
};

const renderMembers = (mocks: MockLink.MockedResponse[] = [], resources = userAdmin) =>
  renderWithProviders(<MembersRoute />, {
    mocks: [...baseMocks, ...mocks],
    viewer: buildViewer(resources),
  });

describe('MembersRoute', () => {
  it('lists members with their roles and marks the viewer', async () => {
    renderMembers();
    const table = await screen.findByRole('table', { name: 'Users of this account' });
    const [first, second] = within(table).getAllByTestId('member-row') as [
      HTMLElement,
      HTMLElement,
    ];
    expect(within(first).getByText('Ada Admin')).toBeInTheDocument();
    expect(within(first).getByText('You')).toBeInTheDocument();
    expect(within(first).getByText('Owner (Admin Super)')).toBeInTheDocument();
    expect(within(second).getByText('bob@example.com')).toBeInTheDocument();
  });

  it('shows the one-time invitation link with a Copy button after inviting, for any email', async () => {
    const calls: InviteMemberMutationVariables[] = [];
    const addMock: MockLink.MockedResponse = {
      request: { query: InviteMemberMutationDocument, variables: () => true },
      result: (variables: InviteMemberMutationVariables) => {
        calls.push(variables);
        return {
          data: {
            inviteMember: {
              __typename: 'InviteMemberPayload',
              invitationPath: '/invitation#s3cr3t',
              invitation: { __typename: 'Invitation', id: 'i3', email: 'carol@example.com' },
            },
          },
        };
      },
    };
    // The viewer holds what OMS - Read only holds, so it may grant it.
    const { user } = renderMembers([addMock], [...userAdmin, 'orders:view-orders']);
    await user.click(await screen.findByTestId('add-member'));
    const dialog = await screen.findByRole('dialog', { name: 'Invite user' });
    await user.type(within(dialog).getByRole('textbox', { name: /Email/ }), 'not-an-email');
    await user.click(within(dialog).getByTestId('add-member-submit'));
    expect(within(dialog).getByText('Enter a valid email address.')).toBeInTheDocument();

    await user.clear(within(dialog).getByRole('textbox', { name: /Email/ }));
    await user.type(within(dialog).getByRole('textbox', { name: /Email/ }), 'carol@example.com');
    await user.click(within(dialog).getByTestId('member-roles-input'));
    await user.click(await screen.findByRole('option', { name: /OMS - Read only/ }));
    await user.click(within(dialog).getByTestId('add-member-submit'));

    const link = await screen.findByTestId('setup-link');
    const url = `${window.location.origin}/invitation#s3cr3t`;
    expect(calls).toEqual([{ input: { email: 'carol@example.com', roleIds: ['role-oms'] } }]);
    expect(link).toHaveValue(url);
    expect(screen.getByTestId('setup-link-warning')).toHaveTextContent(
      'This link will not be shown again',
    );
    const copy = screen.getByTestId('setup-link-copy');
    await user.click(copy);
    await waitFor(() => expect(copy).toHaveTextContent('Copied'));
    await expect(navigator.clipboard.readText()).resolves.toBe(url);

    await user.click(screen.getByTestId('setup-link-close'));
    await waitFor(() => expect(screen.queryByDisplayValue(url)).not.toBeInTheDocument());
  });

  it('lists pending invitations and revokes one after confirmation', async () => {
    const calls: RevokeInvitationMutationVariables[] = [];
    const revokeMock: MockLink.MockedResponse = {
      request: { query: RevokeInvitationMutationDocument, variables: () => true },
      result: (variables: RevokeInvitationMutationVariables) => {
        calls.push(variables);
        return {
          data: {
            revokeInvitation: { __typename: 'RevokeInvitationPayload', revokedInvitationId: 'i1' },
          },
        };
      },
    };
    const { user } = renderMembers([revokeMock]);
    const pending = await screen.findByTestId('pending-invitations');
    const row = within(pending).getByTestId('invitation-row');
    expect(row).toHaveTextContent('dave@example.com');
    expect(row).toHaveTextContent('OMS - Read only');
    expect(row).toHaveTextContent('admin@example.com');
    await user.click(
      within(row).getByRole('button', { name: 'Revoke the invitation of dave@example.com' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Revoke invitation?' });
    await user.click(within(dialog).getByTestId('confirm-revoke-invitation'));
    await waitFor(() => expect(calls).toEqual([{ input: { id: 'i1' } }]));
  });

  it('greys out Revoke, with the reason, for an invitation granting what the viewer lacks', async () => {
    const lacking = [
      {
        ...invitations[0],
        viewerLacks: [{ __typename: 'Resource', key: 'orders:edit-orders', name: 'Edit orders' }],
      },
    ];
    const { user } = renderWithProviders(<MembersRoute />, {
      mocks: [
        {
          request: { query: PendingInvitationsQueryDocument },
          maxUsageCount: Number.POSITIVE_INFINITY,
          result: { data: { invitations: lacking } },
        },
        ...baseMocks,
      ],
      viewer: buildViewer(userAdmin),
    });
    const pending = await screen.findByTestId('pending-invitations');
    const revoke = within(pending).getByRole('button', {
      name: 'Revoke the invitation of dave@example.com',
    });
    expect(revoke).toHaveAttribute('aria-disabled', 'true');
    await user.hover(revoke);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'You cannot act on this: it holds Edit orders, which you do not hold.',
    );
    await user.click(revoke);
    expect(screen.queryByRole('dialog', { name: 'Revoke invitation?' })).not.toBeInTheDocument();
  });

  it('shows pending invitations without Revoke to those who may only view users', async () => {
    renderMembers([], ['license-manager:view-users']);
    const pending = await screen.findByTestId('pending-invitations');
    expect(within(pending).getByTestId('invitation-row')).toHaveTextContent('dave@example.com');
    expect(within(pending).queryByRole('button', { name: /Revoke/ })).not.toBeInTheDocument();
  });

  it('explains in plain words that the last owner cannot be removed', async () => {
    const removeMock: MockLink.MockedResponse = {
      request: { query: RemoveMemberMutationDocument, variables: () => true },
      result: lastOwner,
    };
    const { user } = renderMembers([removeMock]);
    await user.click(await screen.findByRole('button', { name: 'Actions for admin@example.com' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Remove' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove user?' });
    await user.click(within(dialog).getByTestId('confirm-remove-member'));
    expect(await within(dialog).findByTestId('remove-member-error')).toHaveTextContent(
      'This account must keep at least one Owner (Admin Super) who can sign in.',
    );
  });

  it('explains the last-owner refusal when demoting too', async () => {
    const updateMock: MockLink.MockedResponse = {
      request: { query: UpdateMemberMutationDocument, variables: () => true },
      result: lastOwner,
    };
    const { user } = renderMembers([updateMock]);
    await user.click(await screen.findByRole('button', { name: 'Actions for admin@example.com' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Edit roles' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit roles of admin@example.com' });
    await user.click(within(dialog).getByTestId('edit-member-submit'));
    expect(await within(dialog).findByTestId('edit-member-error')).toHaveTextContent(
      'Give that role to someone who has accepted their invitation first.',
    );
  });

  it('shows members read-only without edit-users, and nothing without view-users', async () => {
    const { unmount } = renderMembers([], ['license-manager:view-users']);
    await screen.findByRole('table', { name: 'Users of this account' });
    expect(screen.queryByTestId('add-member')).not.toBeInTheDocument();
    expect(screen.queryByTestId('member-actions')).not.toBeInTheDocument();
    unmount();
    renderMembers([], ['license-manager:view-api-keys']);
    expect(screen.getByText("You don't have permission to view users")).toBeInTheDocument();
  });
});
