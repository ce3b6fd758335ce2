import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { HomeRedirect } from '../features/navigation/home-redirect';
import { loadAreaMessages } from '../lib/i18n';

/** A page whose module loads when the page is first opened (our modules use named exports). */
const lazyPage = <Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
) => lazy(() => load().then((module) => ({ default: module[name] })));

/** A page beyond the first load's: its code and the other areas' messages load together. */
const lazyAreaPage = <Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
) =>
  lazy(() =>
    Promise.all([load(), loadAreaMessages()]).then(([module]) => ({ default: module[name] })),
  );

// Every page loads when first opened, the sign-in page and the Generated tab included: a first
// load carries the shell and the one page it shows (first-load budgets, SPEC §7).
const SignInPage = lazyPage(() => import('../features/auth/sign-in-page'), 'SignInPage');
const ApolloRoot = lazyPage(() => import('./apollo-root'), 'ApolloRoot');
const SignedInLayout = lazyPage(() => import('./signed-in-layout'), 'SignedInLayout');
const ApiKeysLayout = lazyPage(
  () => import('../features/api-keys/routes/api-keys-layout'),
  'ApiKeysLayout',
);
const GeneratedKeysRoute = lazyPage(
  () => import('../features/api-keys/routes/generated-keys-route'),
  'GeneratedKeysRoute',
);
// The chart library (@mantine/charts, recharts) comes with this page only.
const ApiKeyDetailRoute = lazyAreaPage(
  () => import('../features/api-keys/routes/api-key-detail-route'),
  'ApiKeyDetailRoute',
);
const ApiKeySettingsRoute = lazyAreaPage(
  () => import('../features/api-keys/routes/api-key-settings-route'),
  'ApiKeySettingsRoute',
);
const ExternalKeysRoute = lazyAreaPage(
  () => import('../features/external-keys/routes/external-keys-route'),
  'ExternalKeysRoute',
);
const RolesRoute = lazyAreaPage(() => import('../features/roles/routes/roles-route'), 'RolesRoute');
const MembersRoute = lazyAreaPage(
  () => import('../features/members/routes/members-route'),
  'MembersRoute',
);
const AuditLogRoute = lazyAreaPage(
  () => import('../features/audit/routes/audit-log-route'),
  'AuditLogRoute',
);
const InvitationPage = lazyAreaPage(
  () => import('../features/auth/invitation-page'),
  'InvitationPage',
);
const CredentialsPage = lazyAreaPage(
  () => import('../features/credentials/credentials-page'),
  'CredentialsPage',
);

const Page = ({ children }: { children: ReactNode }) => (
  <Suspense
    fallback={
      <Center py="xl">
        <Loader size="sm" />
      </Center>
    }
  >
    {children}
  </Suspense>
);

export const generatedKeysPath = '/account/api-keys/generated';

export const AppRoutes = () => (
  <Routes>
    <Route
      path="/sign-in"
      element={
        <Page>
          <SignInPage />
        </Page>
      }
    />
    <Route
      element={
        <Page>
          <ApolloRoot />
        </Page>
      }
    >
      <Route
        path="/invitation"
        element={
          <Page>
            <InvitationPage />
          </Page>
        }
      />
      <Route
        path="/credentials/:id"
        element={
          <Page>
            <CredentialsPage />
          </Page>
        }
      />
      <Route
        element={
          <Page>
            <SignedInLayout />
          </Page>
        }
      >
        <Route index element={<HomeRedirect />} />
        <Route
          path="account/api-keys"
          element={
            <Page>
              <ApiKeysLayout />
            </Page>
          }
        >
          <Route index element={<Navigate to="generated" replace />} />
          <Route
            path="generated"
            element={
              <Page>
                <GeneratedKeysRoute />
              </Page>
            }
          />
          <Route
            path="generated/:id"
            element={
              <Page>
                <ApiKeyDetailRoute />
              </Page>
            }
          />
          <Route
            path="external"
            element={
              <Page>
                <ExternalKeysRoute />
              </Page>
            }
          />
          <Route
            path="settings"
            element={
              <Page>
                <ApiKeySettingsRoute />
              </Page>
            }
          />
        </Route>
        <Route
          path="account/roles"
          element={
            <Page>
              <RolesRoute />
            </Page>
          }
        />
        <Route
          path="account/users"
          element={
            <Page>
              <MembersRoute />
            </Page>
          }
        />
        <Route
          path="account/audit"
          element={
            <Page>
              <AuditLogRoute />
            </Page>
          }
        />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Route>
  </Routes>
);
