import type { ApiKeyStatus } from '../gql/graphql';

export const roleFixtures = [
  {
    __typename: 'Role',
    id: 'role-owner',
    name: 'Owner (Admin Super)',
    predefined: true,
    resources: [
      {
        __typename: 'Resource',
        key: 'license-manager:view-api-keys',
        name: 'View API Keys',
        productKey: 'license-manager',
        productName: 'License Manager',
      },
      {
        __typename: 'Resource',
        key: 'orders:view-orders',
        name: 'View orders',
        productKey: 'orders',
        productName: 'Orders',
      },
    ],
  },
  {
    __typename: 'Role',
    id: 'role-oms',
    name: 'OMS - Read only',
    predefined: true,
    resources: [
      {
        __typename: 'Resource',
        key: 'orders:view-orders',
        name: 'View orders',
        productKey: 'orders',
        productName: 'Orders',
      },
    ],
  },
];

type ApiKeyFixtureInput = {
  id: string;
  key: string;
  name: string;
  status?: ApiKeyStatus;
  lastUsedAt?: string | null;
  roles?: { __typename: 'Role'; id: string; name: string }[];
};

const apiKey = (overrides: ApiKeyFixtureInput) => ({
  __typename: 'ApiKey',
  status: 'ACTIVE' as ApiKeyStatus,
  createdAt: '2025-03-14T10:00:00.000Z',
  lastUsedAt: null,
  roles: [],
  ...overrides,
});

export const apiKeyFixtures = [
  apiKey({
    id: 'k1',
    key: 'kw-demo-aaaa1111',
    name: 'ERP sync',
    roles: [{ __typename: 'Role', id: 'role-oms', name: 'OMS - Read only' }],
    lastUsedAt: '2025-04-01T08:30:00.000Z',
  }),
  apiKey({ id: 'k2', key: 'kw-demo-bbbb2222', name: 'Marketing export', status: 'INACTIVE' }),
];

export const connectionOf = (nodes: typeof apiKeyFixtures, hasNextPage = false) => ({
  __typename: 'ApiKeyConnection',
  totalCount: nodes.length,
  pageInfo: {
    __typename: 'PageInfo',
    hasNextPage,
    hasPreviousPage: false,
    startCursor: nodes.length ? 'cursor-first' : null,
    endCursor: nodes.length ? 'cursor-last' : null,
  },
  edges: nodes.map((node) => ({ __typename: 'ApiKeyEdge', cursor: `cursor-${node.id}`, node })),
});
