import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { HomeRedirect } from '../features/navigation/home-redirect';

/** A page whose module loads when the page is first opened (our modules use named exports). */
const lazyPage = <Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
) => lazy(() => load().then((module) => ({ default: module[name] })));

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
const ApiKeyDetailRoute = lazyPage(
  () => import('../features/api-keys/routes/api-key-detail-route'),
  'ApiKeyDetailRoute',
);
const ApiKeySettingsRoute = lazyPage(
  () => import('../features/api-keys/routes/api-key-settings-route'),
  'ApiKeySettingsRoute',
);
const ExternalKeysRoute = lazyPage(
  () => import('../features/external-keys/routes/external-keys-route'),
  'ExternalKeysRoute',
);
const RolesRoute = lazyPage(() => import('../features/roles/routes/roles-route'), 'RolesRoute');
const MembersRoute = lazyPage(
  () => import('../features/members/routes/members-route'),
  'MembersRoute',
);
const AuditLogRoute = lazyPage(
  () => import('../features/audit/routes/audit-log-route'),
  'AuditLogRoute',
);
const InvitationPage = lazyPage(() => import('../features/auth/invitation-page'), 'InvitationPage');
const CredentialsPage = lazyPage(
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
