import { screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiTokenFixture, daysFromNow } from '../../../test/api-key-fixtures';
import { buildViewer, renderWithProviders } from '../../../test/render';
import { auditTrailLength, KeyAuditTrailQueryDocument } from '../components/key-audit-trail';
import { KeyUsageChartQueryDocument, usageVariables } from '../components/key-usage-chart';
import { ApiKeyDetailQueryDocument, ApiKeyDetailRoute } from './api-key-detail-route';

const NOW = new Date('2025-06-10T12:30:00.000Z').getTime();

const apiKey = {
  __typename: 'ApiKey',
  id: 'k1',
  key: 'kw-demo-aaaa1111',
  name: 'Checkout',
  status: 'ACTIVE',
  leaked: false,
  leakedUrl: null,
  createdBy: {
    __typename: 'KeyCreator',
    kind: 'EXTERNAL_KEY',
    id: 'k-partner',
    label: 'kw-partner-bbbb2222',
    accountSlug: 'partner',
  },
  alertLevel: 'NONE',
  tokenDueInDays: null,
  renewalPending: true,
  tokenCreatedAt: daysFromNow(-2),
  tokenExpiresAt: daysFromNow(88),
  tokens: [
    apiTokenFixture({
      id: 'old',
      createdAt: '2025-01-01T10:00:00.000Z',
      expiresAt: daysFromNow(5),
      lastUsedAt: '2025-06-09T08:00:00.000Z',
      lastUsedIp: '203.0.113.9',
    }),
    apiTokenFixture({ id: 'new', createdAt: '2025-06-08T10:00:00.000Z' }),
  ],
};

const bucket = (start: string, outcomes: [string, number][]) => ({
  __typename: 'UsageBucket',
  start,
  total: outcomes.reduce((sum, [, count]) => sum + count, 0),
  outcomes: outcomes.map(([outcome, count]) => ({ __typename: 'OutcomeCount', outcome, count })),
});

const usageMock = (range: 'week' | 'quarter', buckets: ReturnType<typeof bucket>[]) => {
  const variables = usageVariables('k1', range, NOW);
  const totals = new Map<string, number>();
  for (const { outcomes } of buckets)
    for (const { outcome, count } of outcomes)
      totals.set(outcome, (totals.get(outcome) ?? 0) + count);
  return {
    request: { query: KeyUsageChartQueryDocument, variables },
    maxUsageCount: Number.POSITIVE_INFINITY,
    result: {
      data: {
        apiKey: {
          __typename: 'ApiKey',
          id: 'k1',
          usage: {
            __typename: 'KeyUsage',
            from: variables.from,
            to: variables.to,
            granularity: variables.granularity,
            buckets,
            totals: [...totals].map(([outcome, count]) => ({
              __typename: 'OutcomeCount',
              outcome,
              count,
            })),
            topSources: [
              { __typename: 'SourceCount', address: '203.0.113.9', count: 40 },
              { __typename: 'SourceCount', address: '2001:db8::1', count: 3 },
            ],
          },
        },
      },
    },
  };
};

const detailMock = {
  request: { query: ApiKeyDetailQueryDocument, variables: { id: 'k1' } },
  result: { data: { apiKey } },
};

const auditMock = {
  request: {
    query: KeyAuditTrailQueryDocument,
    variables: { targetKey: 'kw-demo-aaaa1111', first: auditTrailLength },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
  result: {
    data: {
      auditEvents: {
        __typename: 'AuditEventConnection',
        edges: [
          {
            __typename: 'AuditEventEdge',
            node: {
              __typename: 'AuditEvent',
              id: 'e1',
              action: 'api-key.token-renewed',
              actorLabel: 'admin@example.com',
              sourceIp: '198.51.100.7',
              createdAt: '2025-06-08T10:00:00.000Z',
            },
          },
          {
            __typename: 'AuditEventEdge',
            node: {
              __typename: 'AuditEvent',
              id: 'e2',
              action: 'key.future-action',
              actorLabel: null,
              sourceIp: null,
              createdAt: '2025-06-07T10:00:00.000Z',
            },
          },
        ],
      },
    },
  },
};

const weekBuckets = [
  bucket('2025-06-10T10:00:00.000Z', [
    ['VALID', 30],
    ['INVALID_CREDENTIALS', 2],
  ]),
  bucket('2025-06-10T11:00:00.000Z', [
    ['VALID', 10],
    ['IP_NOT_ALLOWED', 1],
  ]),
  bucket('2025-06-10T12:00:00.000Z', []),
];

const renderPage = (mocks: unknown[], resources = buildViewer().resources) =>
  renderWithProviders(
    <Routes>
      <Route path="/account/api-keys/generated/:id" element={<ApiKeyDetailRoute />} />
    </Routes>,
    {
      route: '/account/api-keys/generated/k1',
      mocks: mocks as never,
      viewer: buildViewer(resources),
    },
  );

describe('ApiKeyDetailRoute', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('shows the usage summary, the top sources, both tokens of a renewal and the audit trail', async () => {
    renderPage([
      detailMock,
      usageMock('week', weekBuckets),
      usageMock('quarter', [bucket('2025-06-01T00:00:00.000Z', [['VALID', 500]])]),
      auditMock,
    ]);
    expect(await screen.findByRole('heading', { name: 'Checkout' })).toBeInTheDocument();
    expect(await screen.findByTestId('usage-summary')).toHaveTextContent(
      '43 verifications: 40 valid, 3 refused.',
    );
    // The chart's own chunk loads after the page.
    expect(
      await screen.findByRole('img', { name: 'Verifications over time, by outcome' }),
    ).toBeInTheDocument();
    const sources = within(screen.getByTestId('top-sources')).getAllByRole('row');
    expect(sources.slice(1).map((row) => row.textContent)).toEqual([
      '203.0.113.940',
      '2001:db8::13',
    ]);

    const tokens = screen.getAllByTestId('key-token');
    expect(tokens).toHaveLength(2);
    expect(tokens[0]).toHaveTextContent('Old token');
    expect(tokens[0]).toHaveTextContent('from 203.0.113.9');
    expect(tokens[1]).toHaveTextContent('New token');
    expect(tokens[1]).toHaveTextContent('Never used');

    const trail = await screen.findByTestId('key-audit-trail');
    expect(within(trail).getByText('Token renewed')).toBeInTheDocument();
    // An action this version does not know yet shows as the server names it.
    expect(within(trail).getByText('key.future-action')).toBeInTheDocument();
  });

  it('says who created the key, an external key with its account (issue 12)', async () => {
    renderPage([detailMock, usageMock('week', weekBuckets), usageMock('quarter', []), auditMock]);
    const creator = await screen.findByTestId('key-detail-created-by');
    expect(creator).toHaveTextContent('Created by');
    expect(creator).toHaveTextContent('kw-partner-bbbb2222');
    expect(creator).toHaveTextContent('External key');
    expect(creator).toHaveTextContent('external key of partner');
  });

  it('says a leaked key was leaked, and where', async () => {
    renderPage([
      {
        ...detailMock,
        result: {
          data: {
            apiKey: { ...apiKey, leaked: true, leakedUrl: 'https://github.com/o/r/blob/x/.env' },
          },
        },
      },
      usageMock('week', weekBuckets),
      auditMock,
    ]);
    expect(await screen.findByTestId('key-detail-leaked-badge')).toHaveTextContent('Leaked');
    expect(screen.getByTestId('key-detail-leaked')).toHaveTextContent(
      'A token was reported exposed at https://github.com/o/r/blob/x/.env. Renew it.',
    );
  });

  it('offers the chart as a table, and other ranges', async () => {
    const { user } = renderPage([
      detailMock,
      usageMock('week', weekBuckets),
      usageMock('quarter', [bucket('2025-06-01T00:00:00.000Z', [['VALID', 500]])]),
      auditMock,
    ]);
    await screen.findByTestId('usage-summary');
    await user.click(screen.getByRole('button', { name: 'Show as table' }));
    const table = screen.getByTestId('usage-table');
    const header = within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(header).toEqual(['Period', 'Valid', 'Wrong token', 'Address not allowed', 'Total']);
    // Hours without any verification are left out of the table.
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    await user.click(screen.getByRole('radio', { name: '90 days' }));
    await waitFor(() =>
      expect(screen.getByTestId('usage-summary')).toHaveTextContent('500 verifications'),
    );
    expect(screen.getByRole('button', { name: 'Show as chart' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('says so for a key that does not exist here, and to a viewer without View API Keys', async () => {
    const { unmount } = renderPage([
      {
        request: { query: ApiKeyDetailQueryDocument, variables: { id: 'k1' } },
        result: {
          errors: [new GraphQLError('API key not found.', { extensions: { code: 'NOT_FOUND' } })],
        },
      },
    ]);
    expect(await screen.findByTestId('key-detail-not-found')).toHaveTextContent('Key not found');
    unmount();
    renderPage([], ['license-manager:view-users']);
    expect(screen.getByTestId('key-detail-no-permission')).toBeInTheDocument();
  });
});
