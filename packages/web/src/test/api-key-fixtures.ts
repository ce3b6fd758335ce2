import type { AlertLevel, ApiKeyStatus, KeyCreatorKind } from '../gql/graphql';

type KeyCreatorFixture = {
  __typename: 'KeyCreator';
  kind: KeyCreatorKind;
  id: string;
  label: string;
  accountSlug: string | null;
} | null;

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
  alertLevel?: AlertLevel;
  tokenDueInDays?: number | null;
  renewalPending?: boolean;
  leaked?: boolean;
  leakedAt?: string | null;
  leakedUrl?: string | null;
  tokenCreatedAt?: string;
  tokenExpiresAt?: string;
  tokens?: ApiTokenFixture[];
  createdBy?: KeyCreatorFixture;
  allowedAddresses?: string[];
  rateLimitPerMinute?: number | null;
  rateLimitPerDay?: number | null;
};

type ApiTokenFixture = {
  __typename: 'ApiToken';
  id: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
};

const day = 24 * 60 * 60 * 1000;
/** An ISO date this many days from now (negative: in the past), for token ages and expiries. */
export const daysFromNow = (days: number) => new Date(Date.now() + days * day).toISOString();

export const apiTokenFixture = (overrides: Partial<ApiTokenFixture> & { id: string }) => ({
  __typename: 'ApiToken' as const,
  createdAt: '2025-03-14T10:00:00.000Z',
  expiresAt: null,
  lastUsedAt: null,
  lastUsedIp: null,
  ...overrides,
});

const apiKey = (overrides: ApiKeyFixtureInput) => ({
  __typename: 'ApiKey',
  status: 'ACTIVE' as ApiKeyStatus,
  createdAt: '2025-03-14T10:00:00.000Z',
  lastUsedAt: null,
  roles: [],
  viewerLacks: [],
  grantedAccounts: [],
  createdBy: null as KeyCreatorFixture,
  alertLevel: 'NONE' as AlertLevel,
  tokenDueInDays: null as number | null,
  renewalPending: false,
  allowedAddresses: [] as string[],
  rateLimitPerMinute: null as number | null,
  rateLimitPerDay: null as number | null,
  leaked: false,
  leakedAt: null as string | null,
  leakedUrl: null as string | null,
  tokenCreatedAt: daysFromNow(-78),
  tokenExpiresAt: daysFromNow(12),
  tokens: [apiTokenFixture({ id: `${overrides.id}-t1` })],
  usageLast7Days: [0, 0, 0, 0, 0, 0, 0],
  ...overrides,
});

export const apiKeyFixtures: ReturnType<typeof apiKey>[] = [
  apiKey({
    id: 'k1',
    key: 'kw-demo-aaaa1111',
    name: 'ERP sync',
    roles: [{ __typename: 'Role', id: 'role-oms', name: 'OMS - Read only' }],
    lastUsedAt: '2025-04-01T08:30:00.000Z',
    createdBy: {
      __typename: 'KeyCreator',
      kind: 'USER',
      id: 'u-admin',
      label: 'admin@example.com',
      accountSlug: null,
    },
  }),
  apiKey({
    id: 'k2',
    key: 'kw-demo-bbbb2222',
    name: 'Marketing export',
    status: 'INACTIVE',
    createdBy: {
      __typename: 'KeyCreator',
      kind: 'EXTERNAL_KEY',
      id: 'k-partner',
      label: 'kw-partner-eeee5555',
      accountSlug: 'partner',
    },
  }),
];

/** A key renewed with its old token kept: the old one used recently, the new one not yet. */
export const pendingApiKeyFixture = apiKey({
  id: 'k3',
  key: 'kw-demo-cccc3333',
  name: 'Partner feed',
  alertLevel: 'ORANGE',
  renewalPending: true,
  tokenCreatedAt: daysFromNow(-1),
  tokenExpiresAt: daysFromNow(-5),
  tokens: [
    apiTokenFixture({
      id: 'k3-old',
      createdAt: '2024-10-01T10:00:00.000Z',
      lastUsedAt: '2025-04-02T09:15:00.000Z',
      lastUsedIp: '203.0.113.7',
    }),
    apiTokenFixture({ id: 'k3-new', createdAt: daysFromNow(-1) }),
  ],
});

export const connectionOf = (nodes: typeof apiKeyFixtures, hasNextPage = false) => ({
  __typename: 'ApiKeyConnection',
  totalCount: nodes.length,
  totalCountCapped: false,
  pageInfo: {
    __typename: 'PageInfo',
    hasNextPage,
    hasPreviousPage: false,
    startCursor: nodes.length ? 'cursor-first' : null,
    endCursor: nodes.length ? 'cursor-last' : null,
  },
  edges: nodes.map((node) => ({ __typename: 'ApiKeyEdge', cursor: `cursor-${node.id}`, node })),
});
