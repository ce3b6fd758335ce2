import { GraphQLError } from 'graphql';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { GenerateApiKeyMutationVariables } from '../../../gql/graphql';
import { roleFixtures } from '../../../test/api-key-fixtures';
import { allResources, buildViewer, renderWithProviders } from '../../../test/render';
import { GenerateApiKeyMutationDocument } from '../hooks/use-generate-api-key';
import { GenerateApiKeyModal } from './generate-api-key-modal';

const token = 'kwt_secret_0123456789abcdef';

const successMock = (calls: GenerateApiKeyMutationVariables[]) => ({
  request: { query: GenerateApiKeyMutationDocument, variables: () => true },
  result: (variables: GenerateApiKeyMutationVariables) => {
    calls.push(variables);
    return {
      data: {
        generateApiKey: {
          __typename: 'GenerateApiKeyPayload',
          token: variables.input.reveal === 'SINGLE_ACCESS_LINK' ? null : token,
          singleAccessLink:
            variables.input.reveal === 'SINGLE_ACCESS_LINK'
              ? {
                  __typename: 'SingleAccessLinkInfo',
                  path: '/credentials/abc',
                  expiresAt: '2026-12-02T10:00:00.000Z',
                }
              : null,
          apiKey: {
            __typename: 'ApiKey',
            id: 'k9',
            key: 'kw-demo-new12345',
            name: variables.input.name,
          },
        },
      },
    };
  },
});

const conflictMock = {
  request: { query: GenerateApiKeyMutationDocument, variables: () => true },
  result: {
    errors: [new GraphQLError('Name taken', { extensions: { code: 'CONFLICT', field: 'name' } })],
  },
};

const renderModal = (options: Parameters<typeof renderWithProviders>[1] = {}) => {
  const onClose = vi.fn();
  const rendered = renderWithProviders(
    <GenerateApiKeyModal opened onClose={onClose} roles={roleFixtures} />,
    options,
  );
  return { ...rendered, onClose };
};

describe('GenerateApiKeyModal', () => {
  it('requires a name of at most 100 characters before calling the server', async () => {
    const calls: GenerateApiKeyMutationVariables[] = [];
    const { user } = renderModal({ mocks: [successMock(calls)] });
    const nameInput = screen.getByRole('textbox', { name: /Key identification/ });

    await user.type(nameInput, '   ');
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    expect(await screen.findByText('Enter a name for the key.')).toBeInTheDocument();

    await user.clear(nameInput);
    await user.click(nameInput);
    await user.paste('x'.repeat(101));
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    expect(await screen.findByText('Use at most 100 characters.')).toBeInTheDocument();
    expect(calls).toEqual([]);
  });

  it('starts with no role selected, sends the chosen roleIds and reveals the token once', async () => {
    const calls: GenerateApiKeyMutationVariables[] = [];
    const { user, onClose } = renderModal({
      mocks: [successMock(calls)],
      viewer: buildViewer([...allResources, 'orders:view-orders']),
    });
    expect(screen.getByText(/Choose only the roles this integration needs/)).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: /Key identification/ }), '  ERP sync  ');
    const rolesInput = screen.getByTestId('api-key-roles-input');
    expect(rolesInput).toHaveValue('');
    await user.click(rolesInput);
    await user.click(await screen.findByRole('option', { name: /OMS - Read only/ }));
    await user.click(screen.getByRole('button', { name: 'Generate' }));

    const tokenField = await screen.findByTestId('revealed-token');
    expect(calls).toEqual([
      { input: { name: 'ERP sync', roleIds: ['role-oms'], reveal: 'TOKEN' } },
    ]);
    expect(tokenField).toHaveValue(token);
    expect(tokenField).toHaveAttribute('readonly');
    expect(screen.getByTestId('revealed-key')).toHaveValue('kw-demo-new12345');
    expect(screen.getByText(/This token will not be shown again/)).toBeInTheDocument();

    const copyButton = screen.getByTestId('revealed-token-copy');
    expect(copyButton).toHaveTextContent('Copy');
    await user.click(copyButton);
    await waitFor(() => expect(copyButton).toHaveTextContent('Copied'));
    await expect(navigator.clipboard.readText()).resolves.toBe(token);

    await user.click(screen.getByTestId('reveal-close'));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByDisplayValue(token)).not.toBeInTheDocument();
  });

  it('can hand the token over through a single-access link, never showing it', async () => {
    const calls: GenerateApiKeyMutationVariables[] = [];
    const { user } = renderModal({ mocks: [successMock(calls)] });
    expect(screen.getByRole('radio', { name: 'Show the token now' })).toBeChecked();
    await user.type(screen.getByRole('textbox', { name: /Key identification/ }), 'Partner');
    await user.click(screen.getByRole('radio', { name: 'Create a single-access link' }));
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    const link = await screen.findByTestId('single-access-link');
    expect(calls).toEqual([
      { input: { name: 'Partner', roleIds: [], reveal: 'SINGLE_ACCESS_LINK' } },
    ]);
    expect(link).toHaveValue(`${window.location.origin}/credentials/abc`);
    expect(screen.queryByTestId('revealed-token')).not.toBeInTheDocument();
    expect(screen.queryByDisplayValue(token)).not.toBeInTheDocument();
  });

  it('greys out, saying why, a role holding resources the viewer lacks (hold what you touch)', async () => {
    const calls: GenerateApiKeyMutationVariables[] = [];
    const { user } = renderModal({
      mocks: [successMock(calls)],
      viewer: buildViewer(['license-manager:edit-api-keys', 'orders:view-orders']),
    });
    await user.click(screen.getByTestId('api-key-roles-input'));
    const owner = await screen.findByRole('option', { name: /Owner \(Admin Super\)/ });
    expect(owner).toHaveAttribute('data-combobox-disabled');
    expect(owner).toHaveTextContent(
      'You cannot act on this: it holds View API Keys, which you do not hold.',
    );
    expect(owner.querySelector('[title]')).toHaveAttribute(
      'title',
      'You cannot act on this: it holds View API Keys, which you do not hold.',
    );
    const oms = screen.getByRole('option', { name: /OMS - Read only/ });
    expect(oms).not.toHaveAttribute('data-combobox-disabled');
    await user.click(owner);
    expect(screen.getByTestId('api-key-roles-input')).toHaveValue('');
  });

  it('shows a name conflict from the server on the name field', async () => {
    const { user } = renderModal({ mocks: [conflictMock] });
    await user.type(screen.getByRole('textbox', { name: /Key identification/ }), 'ERP sync');
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    const dialog = await screen.findByRole('dialog');
    expect(
      await within(dialog).findByText('Another key in this account already has this name.'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('revealed-token')).not.toBeInTheDocument();
    // One message: the field error, no generic toast beside it (issue 15 §7).
    expect(screen.queryByText('Could not generate the API key')).not.toBeInTheDocument();
  });

  it('validates allowed addresses and budgets, then sends them normalised', async () => {
    const calls: GenerateApiKeyMutationVariables[] = [];
    const { user } = renderModal({ mocks: [successMock(calls)] });
    await user.type(screen.getByRole('textbox', { name: /Key identification/ }), 'Edge');
    const addresses = screen.getByRole('textbox', { name: /Allowed addresses/ });
    await user.type(addresses, '203.0.113.7{enter}10.0.0.0/33');
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    expect(
      await screen.findByText('"10.0.0.0/33" is not an IPv4/IPv6 address or CIDR range.'),
    ).toBeInTheDocument();
    await user.click(addresses);
    await user.paste(Array.from({ length: 100 }, (_, i) => `\n192.0.2.${i}`).join(''));
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    expect(await screen.findByText('Enter at most 100 addresses or ranges.')).toBeInTheDocument();
    expect(calls).toEqual([]);

    await user.clear(addresses);
    await user.type(addresses, ' 203.0.113.7 {enter}{enter}2001:db8::/32');
    await user.type(screen.getByRole('textbox', { name: 'Per minute' }), '600');
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.input).toMatchObject({
      name: 'Edge',
      allowedAddresses: ['203.0.113.7', '2001:db8::/32'],
      rateLimit: { perMinute: 600, perDay: null },
    });
  });

  it('sends no policy when none is set', async () => {
    const calls: GenerateApiKeyMutationVariables[] = [];
    const { user } = renderModal({ mocks: [successMock(calls)] });
    await user.type(screen.getByRole('textbox', { name: /Key identification/ }), 'Plain');
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.input).not.toHaveProperty('allowedAddresses');
    expect(calls[0]!.input).not.toHaveProperty('rateLimit');
  });

  it('puts a server refusal of an address on the field', async () => {
    const refused = {
      request: { query: GenerateApiKeyMutationDocument, variables: () => true },
      result: {
        errors: [
          new GraphQLError('bad', {
            extensions: { code: 'BAD_USER_INPUT', field: 'allowedAddresses' },
          }),
        ],
      },
    };
    const { user } = renderModal({ mocks: [refused] });
    await user.type(screen.getByRole('textbox', { name: /Key identification/ }), 'Edge');
    await user.type(screen.getByRole('textbox', { name: /Allowed addresses/ }), '192.0.2.1');
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    expect(
      await screen.findByText('One of these addresses is not valid. Check each line.'),
    ).toBeInTheDocument();
  });
});
