import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuditEventsQueryVariables } from '../../../gql/graphql';
import { roleFixtures } from '../../../test/api-key-fixtures';
import { buildViewer, currentSearch, renderWithProviders } from '../../../test/render';
import { RolesQueryDocument } from '../../../hooks/use-roles';
import { AuditEventsQueryDocument, AuditLogRoute } from './audit-log-route';

const event = (overrides: Record<string, unknown>) => ({
  __typename: 'AuditEvent',
  id: 'e1',
  action: 'api-key.generated',
  actorKind: 'USER',
  actorLabel: 'admin@example.com',
  targetType: 'api-key',
  targetLabel: 'kw-demo-billing',
  details: '{"name":"Billing","roleIds":["r1","r2"]}',
  sourceIp: '203.0.113.7',
  createdAt: '2024-05-02T10:00:00.000Z',
  ...overrides,
});

const events = [
  event({}),
  event({
    id: 'e2',
    action: 'auth.refused',
    actorKind: 'ANONYMOUS',
    actorLabel: null,
    details: '{"reason":"INVALID_CREDENTIALS","attempts":3,"from":"x","to":"y"}',
  }),
  event({ id: 'e3', action: 'custom.future-action', details: null, sourceIp: null }),
];

const connectionOf = (nodes: ReturnType<typeof event>[], hasNextPage = false) => ({
  __typename: 'AuditEventConnection',
  totalCount: nodes.length,
  totalCountCapped: false,
  pageInfo: {
    __typename: 'PageInfo',
    hasNextPage,
    hasPreviousPage: false,
    startCursor: nodes.length ? 'c-start' : null,
    endCursor: nodes.length ? 'c-end' : null,
  },
  edges: nodes.map((node) => ({ __typename: 'AuditEventEdge', cursor: `c-${node.id}`, node })),
});

const setup = ({
  route = '/account/audit',
  resources = buildViewer().resources,
  nodes = events,
  filtered = false,
}: {
  route?: string;
  resources?: string[];
  nodes?: ReturnType<typeof event>[];
  filtered?: boolean;
} = {}) => {
  const requests: AuditEventsQueryVariables[] = [];
  const mocks = [
    {
      request: { query: AuditEventsQueryDocument, variables: () => true },
      maxUsageCount: Number.POSITIVE_INFINITY,
      result: (variables: AuditEventsQueryVariables) => {
        requests.push(variables);
        const action = variables.filter?.action;
        const selected =
          filtered && action ? nodes.filter((node) => node.action === action) : nodes;
        return { data: { auditEvents: connectionOf(selected, true) } };
      },
    },
  ];
  const rolesMock = {
    request: { query: RolesQueryDocument },
    maxUsageCount: Number.POSITIVE_INFINITY,
    result: { data: { roles: [{ ...roleFixtures[0]!, id: 'r1' }] } },
  };
  const rendered = renderWithProviders(<AuditLogRoute />, {
    route,
    mocks: [...mocks, rolesMock],
    viewer: buildViewer(resources),
  });
  return { ...rendered, requests };
};

const startOfDay = (year: number, month: number, day: number) =>
  new Date(year, month - 1, day).toISOString();
const endOfDay = (year: number, month: number, day: number) =>
  new Date(new Date(year, month - 1, day + 1).getTime() - 1).toISOString();

describe('AuditLogRoute', () => {
  it('renders one row per event with actor, action, target, source IP and details', async () => {
    setup();
    const table = await screen.findByRole('table', { name: 'Audit events' });
    const [generated, refused, unknown] = within(table).getAllByTestId('audit-event-row') as [
      HTMLElement,
      HTMLElement,
      HTMLElement,
    ];
    expect(within(generated).getByText('User')).toBeInTheDocument();
    expect(within(generated).getByText('admin@example.com')).toBeInTheDocument();
    expect(within(generated).getByText('API key generated')).toBeInTheDocument();
    expect(within(generated).getByText('kw-demo-billing')).toBeInTheDocument();
    expect(within(generated).getByText('203.0.113.7')).toBeInTheDocument();
    // Role names come from a second query that may answer after the events.
    await waitFor(() =>
      expect(within(generated).getByTestId('audit-details')).toHaveTextContent(
        'Name: Billing · Roles: Owner (Admin Super), r2',
      ),
    );
    expect(within(refused).getByText('Anonymous')).toBeInTheDocument();
    expect(within(refused).getByText('Authentication refused')).toBeInTheDocument();
    expect(within(refused).getByTestId('audit-details')).toHaveTextContent(
      '3 refused attempts (invalid credentials)',
    );
    expect(within(unknown).getByText('custom.future-action')).toBeInTheDocument();
    expect(screen.getByTestId('audit-total')).toHaveTextContent('Total: 3');
  });

  it('writes each filter to the URL, queries with it and carries it into the export link', async () => {
    const { user, container, requests } = setup();
    await screen.findByRole('table', { name: 'Audit events' });
    expect(screen.getByTestId('audit-export-csv')).toHaveAttribute(
      'href',
      '/api/audit/export?format=csv',
    );

    await user.type(screen.getByRole('searchbox', { name: 'Actor' }), 'admin');
    await waitFor(() => expect(currentSearch(container).get('actor')).toBe('admin'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Action' }), 'api-key.deleted');
    await user.type(screen.getByRole('searchbox', { name: 'Target key' }), 'kw-demo');
    await waitFor(() => expect(currentSearch(container).get('target')).toBe('kw-demo'));
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2024-05-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2024-05-31' } });

    const search = currentSearch(container);
    expect(search.get('action')).toBe('api-key.deleted');
    expect(search.get('from')).toBe('2024-05-01');
    expect(search.get('to')).toBe('2024-05-31');

    const filter = {
      actor: 'admin',
      action: 'api-key.deleted',
      targetKey: 'kw-demo',
      from: startOfDay(2024, 5, 1),
      to: endOfDay(2024, 5, 31),
    };
    await waitFor(() => expect(requests.at(-1)).toEqual({ first: 25, filter }));
    const href = screen.getByTestId('audit-export-csv').getAttribute('href') ?? '';
    const [path, query] = href.split('?');
    expect(path).toBe('/api/audit/export');
    expect(Object.fromEntries(new URLSearchParams(query))).toEqual({ format: 'csv', ...filter });
    expect(screen.getByTestId('audit-export-csv')).toHaveAttribute('download');
  });

  it('restores filters from the URL and pages forward with the end cursor', async () => {
    const { user, container, requests } = setup({
      route: '/account/audit?action=auth.refused&actor=ops',
    });
    await screen.findByRole('table', { name: 'Audit events' });
    expect(screen.getByRole('combobox', { name: 'Action' })).toHaveValue('auth.refused');
    expect(screen.getByRole('searchbox', { name: 'Actor' })).toHaveValue('ops');
    expect(requests[0]).toEqual({ first: 25, filter: { action: 'auth.refused', actor: 'ops' } });

    await user.click(screen.getByTestId('audit-next'));
    expect(currentSearch(container).get('after')).toBe('c-end');
    await waitFor(() =>
      expect(requests.at(-1)).toEqual({
        first: 25,
        after: 'c-end',
        filter: { action: 'auth.refused', actor: 'ops' },
      }),
    );
  });

  it('shows an empty state, and a clearable no-match state when filters are set', async () => {
    const { user, container } = setup({ route: '/account/audit?actor=nobody', nodes: [] });
    expect(await screen.findByTestId('audit-no-match')).toBeInTheDocument();
    await user.click(
      within(screen.getByTestId('audit-no-match')).getByRole('button', { name: 'Clear filters' }),
    );
    expect(currentSearch(container).get('actor')).toBeNull();
    expect(await screen.findByTestId('audit-empty')).toBeInTheDocument();
  });

  it('sends exactly one request when a chosen action is reset to all actions or cleared', async () => {
    const { user, container, requests } = setup({ filtered: true });
    await screen.findByRole('table', { name: 'Audit events' });
    const select = screen.getByRole('combobox', { name: 'Action' });

    await user.selectOptions(select, 'auth.refused');
    await waitFor(() =>
      expect(requests.at(-1)).toEqual({ first: 25, filter: { action: 'auth.refused' } }),
    );
    await screen.findByText('Authentication refused', { selector: 'td *' });
    let before = requests.length;
    await user.selectOptions(select, '');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(requests.slice(before)).toEqual([{ first: 25, filter: {} }]);
    expect(currentSearch(container).get('action')).toBeNull();
    expect(select).toHaveValue('');
    expect(screen.getAllByTestId('audit-event-row')).toHaveLength(3);

    await user.selectOptions(select, 'auth.refused');
    await waitFor(() => expect(screen.getAllByTestId('audit-event-row')).toHaveLength(1));
    before = requests.length;
    await user.click(screen.getByTestId('audit-clear-filters'));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(requests.slice(before)).toEqual([{ first: 25, filter: {} }]);
    expect(currentSearch(container).get('action')).toBeNull();
    expect(select).toHaveValue('');
    await waitFor(() => expect(screen.getAllByTestId('audit-event-row')).toHaveLength(3));
    expect(screen.queryByTestId('audit-loading-overlay')).toBeNull();
  });

  it('refuses a range whose start is after its end without querying', async () => {
    const { requests } = setup({ route: '/account/audit?from=2024-06-02&to=2024-06-01' });
    expect(await screen.findByTestId('audit-range-invalid')).toBeInTheDocument();
    expect(requests).toEqual([]);
  });

  it('explains the missing permission', () => {
    setup({ resources: ['license-manager:edit-api-keys'] });
    expect(screen.getByTestId('audit-no-permission')).toBeInTheDocument();
  });
});
