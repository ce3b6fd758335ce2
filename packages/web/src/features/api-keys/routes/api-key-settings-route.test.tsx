import { screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { UpdateApiKeySettingsMutationVariables } from '../../../gql/graphql';
import { buildViewer, renderWithProviders } from '../../../test/render';
import { recentRemindersCount, TokenRemindersQueryDocument } from '../components/recent-reminders';
import { KeysFailingUnderQueryDocument } from '../components/api-key-settings-form';
import { WebhookEndpointsQueryDocument } from '../components/webhook-endpoints';
import { UpdateApiKeySettingsMutationDocument } from '../hooks/use-update-api-key-settings';
import { ApiKeySettingsQueryDocument, ApiKeySettingsRoute } from './api-key-settings-route';

const settings = {
  __typename: 'ApiKeySettings',
  tokenDurationDays: 90,
  enforcement: 'ALERT_ONLY',
  reminderLeadDays: [14, 3],
  reminderRecipients: ['ops@example.com'],
  webhookUrl: 'https://hooks.example.com/keyward',
  webhookSigningSecret: 'whsec_0123456789',
};

const settingsQueryMock = {
  request: { query: ApiKeySettingsQueryDocument },
  maxUsageCount: Number.POSITIVE_INFINITY,
  result: { data: { apiKeySettings: settings } },
};

const reminder = (id: string, status: string, sentAt: string | null, attempts = 1) => ({
  __typename: 'TokenReminder',
  id,
  leadDays: 14,
  tokenDueAt: '2024-06-15T12:00:00.000Z',
  status,
  attempts,
  sentAt,
  createdAt: '2024-06-01T12:00:00.000Z',
  apiKey: { __typename: 'ApiKey', id: `key-${id}`, key: `kw-demo-${id}`, name: `Key ${id}` },
});

const remindersQueryMock = {
  request: { query: TokenRemindersQueryDocument, variables: { first: recentRemindersCount } },
  maxUsageCount: Number.POSITIVE_INFINITY,
  result: {
    data: {
      tokenReminders: [
        reminder('sent', 'SENT', '2024-06-01T12:00:05.000Z'),
        reminder('recorded', 'RECORDED', null),
        reminder('pending', 'PENDING', null, 2),
        reminder('failed', 'FAILED', null, 5),
      ],
    },
  },
};

const webhookEndpointsQueryMock = {
  request: { query: WebhookEndpointsQueryDocument },
  maxUsageCount: Number.POSITIVE_INFINITY,
  result: { data: { webhookEndpoints: [] } },
};

const setup = ({
  resources = buildViewer().resources,
  fail = false,
}: { resources?: string[]; fail?: boolean } = {}) => {
  const calls: UpdateApiKeySettingsMutationVariables[] = [];
  const updateMock = {
    request: { query: UpdateApiKeySettingsMutationDocument, variables: () => true },
    result: (variables: UpdateApiKeySettingsMutationVariables) => {
      calls.push(variables);
      if (fail) {
        return {
          errors: [
            new GraphQLError('Enter a URL whose host is a public address.', {
              extensions: { code: 'BAD_USER_INPUT', field: 'webhookUrl' },
            }),
          ],
        };
      }
      return {
        data: {
          updateApiKeySettings: {
            __typename: 'UpdateApiKeySettingsPayload',
            settings: { ...settings, ...variables.input },
          },
        },
      };
    },
  };
  const previews: number[] = [];
  const failingMock = {
    request: { query: KeysFailingUnderQueryDocument, variables: () => true },
    maxUsageCount: Number.POSITIVE_INFINITY,
    result: (variables: { tokenDurationDays: number }) => {
      previews.push(variables.tokenDurationDays);
      return { data: { generatedKeysFailingUnder: 2 } };
    },
  };
  const rendered = renderWithProviders(<ApiKeySettingsRoute />, {
    mocks: [
      settingsQueryMock,
      remindersQueryMock,
      updateMock,
      failingMock,
      webhookEndpointsQueryMock,
    ],
    viewer: buildViewer(resources),
  });
  return { ...rendered, calls, previews };
};

describe('ApiKeySettingsRoute', () => {
  it('sends the chosen duration, enforcement, reminders and webhook, then confirms', async () => {
    const { user, calls, previews } = setup();
    const sixMonths = await screen.findByRole('radio', { name: '6 months' });
    expect(screen.getByRole('radio', { name: '3 months (recommended)' })).toBeChecked();
    expect(screen.getByTestId('settings-webhook-secret')).toHaveAttribute('type', 'password');

    await user.click(sixMonths);
    await user.click(screen.getByRole('radio', { name: /Enforce/ }));
    expect(screen.getByText(/Outdated tokens are refused/)).toBeInTheDocument();
    await user.type(screen.getByTestId('settings-lead-days'), '30{Enter}');
    await user.type(screen.getByTestId('settings-recipients'), 'sec@example.com{Enter}');
    await user.click(screen.getByTestId('settings-save'));

    // Enforcing says first how many keys would start failing, and asks (issue 15 §3).
    expect(await screen.findByTestId('settings-enforce-count')).toHaveTextContent(
      '2 active keys have a token older than 180 days: they will start failing at once.',
    );
    expect(previews).toEqual([180]);
    expect(calls).toEqual([]);
    await user.click(screen.getByTestId('confirm-enforce'));
    await waitFor(() =>
      expect(calls).toEqual([
        {
          input: {
            tokenDurationDays: 180,
            enforcement: 'ENFORCE',
            reminderLeadDays: [30, 14, 3],
            reminderRecipients: ['ops@example.com', 'sec@example.com'],
            webhookUrl: 'https://hooks.example.com/keyward',
          },
        },
      ]),
    );
    expect(await screen.findByText('Settings saved')).toBeInTheDocument();
  });

  it('sends a custom number of days', async () => {
    const { user, calls } = setup();
    await user.click(await screen.findByRole('radio', { name: 'Custom' }));
    const days = screen.getByRole('textbox', { name: 'Days' });
    await user.clear(days);
    await user.type(days, '45');
    await user.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(calls[0]?.input.tokenDurationDays).toBe(45));
  });

  it('says inline what is wrong with reminder days, a duration and an email, and saves nothing', async () => {
    const { user, calls } = setup();
    const leadDays = await screen.findByTestId('settings-lead-days');
    await user.type(leadDays, 'abc{Enter}');
    expect(
      await screen.findByText('“abc” is not a number of days from 1 to 365.'),
    ).toBeInTheDocument();
    await user.type(leadDays, '400{Enter}');
    expect(
      await screen.findByText('“400” is not a number of days from 1 to 365.'),
    ).toBeInTheDocument();
    await user.type(screen.getByTestId('settings-recipients'), 'not-an-email{Enter}');
    expect(await screen.findByText('“not-an-email” is not an email address.')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Custom' }));
    const days = screen.getByRole('textbox', { name: 'Days' });
    await user.clear(days);
    await user.type(days, '0');
    await user.tab();
    expect(days).toHaveValue('0');
    expect(await screen.findByText('Choose between 1 and 3650 days.')).toBeInTheDocument();
    await user.click(screen.getByTestId('settings-save'));
    expect(calls).toEqual([]);
  });

  it('shows the field the server blamed', async () => {
    const { user } = setup({ fail: true });
    const url = await screen.findByTestId('settings-webhook-url');
    await user.clear(url);
    await user.type(url, 'http://169.254.169.254/latest/meta-data/');
    await user.click(screen.getByTestId('settings-save'));
    expect(await screen.findByText(/of a public host\. Private, local/)).toBeInTheDocument();
    expect(url).toHaveAttribute('aria-invalid', 'true');
    // One message, on the field: no generic toast beside it.
    expect(screen.queryByText('Could not save the settings')).not.toBeInTheDocument();
  });

  it('is read-only without edit-api-keys-settings', async () => {
    setup({ resources: ['license-manager:view-api-keys'] });
    expect(await screen.findByTestId('settings-read-only')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '6 months' })).toBeDisabled();
    expect(screen.getByTestId('settings-webhook-url')).toBeDisabled();
    expect(screen.queryByTestId('settings-save')).not.toBeInTheDocument();
  });

  it('lists recent reminders with their status and explains recording without SMTP', async () => {
    setup({ resources: ['license-manager:view-api-keys'] });
    const table = await screen.findByRole('table', { name: 'Recent reminders' });
    expect(
      screen.getByText(/Without SMTP or a webhook, reminders are recorded here only/),
    ).toBeInTheDocument();
    const rows = within(table).getAllByTestId('reminder-row');
    expect(rows.map((row) => within(row).getByTestId('reminder-status').textContent)).toEqual([
      'Sent',
      'Recorded only',
      'Pending retry',
      'Failed',
    ]);
    const [sent, recorded] = rows as [HTMLElement, HTMLElement];
    expect(within(sent).getByText('kw-demo-sent')).toBeInTheDocument();
    expect(within(sent).getByText('14 days ahead')).toBeInTheDocument();
    expect(within(recorded).getAllByText('-')).toHaveLength(1);
  });

  it('hides reminders from a viewer who may only edit the settings', async () => {
    setup({ resources: ['license-manager:edit-api-keys-settings'] });
    await screen.findByRole('radio', { name: '6 months' });
    expect(screen.queryByRole('heading', { name: 'Recent reminders' })).not.toBeInTheDocument();
  });
});
