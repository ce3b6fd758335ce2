import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { ApiKeysLayout } from '../features/api-keys/routes/api-keys-layout';
import { GeneratedKeysRoute } from '../features/api-keys/routes/generated-keys-route';
import { RequireViewer } from '../features/auth/require-viewer';
import { SignInPage } from '../features/auth/sign-in-page';
import { HomeRedirect } from '../features/navigation/home-redirect';
import { AppLayout } from './app-layout';

// Sign-in and the Generated tab, where everyone lands, come with the first load; the other
// pages load when first opened.
const ApiKeySettingsRoute = lazy(() =>
  import('../features/api-keys/routes/api-key-settings-route').then((module) => ({
    default: module.ApiKeySettingsRoute,
  })),
);
const ExternalKeysRoute = lazy(() =>
  import('../features/external-keys/routes/external-keys-route').then((module) => ({
    default: module.ExternalKeysRoute,
  })),
);
const RolesRoute = lazy(() =>
  import('../features/roles/routes/roles-route').then((module) => ({
    default: module.RolesRoute,
  })),
);
const MembersRoute = lazy(() =>
  import('../features/members/routes/members-route').then((module) => ({
    default: module.MembersRoute,
  })),
);
const AuditLogRoute = lazy(() =>
  import('../features/audit/routes/audit-log-route').then((module) => ({
    default: module.AuditLogRoute,
  })),
);
const SetPasswordPage = lazy(() =>
  import('../features/auth/set-password-page').then((module) => ({
    default: module.SetPasswordPage,
  })),
);
const CredentialsPage = lazy(() =>
  import('../features/credentials/credentials-page').then((module) => ({
    default: module.CredentialsPage,
  })),
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
    <Route path="/sign-in" element={<SignInPage />} />
    <Route
      path="/set-password"
      element={
        <Page>
          <SetPasswordPage />
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
        <RequireViewer>
          <AppLayout />
        </RequireViewer>
      }
    >
      <Route index element={<HomeRedirect />} />
      <Route path="account/api-keys" element={<ApiKeysLayout />}>
        <Route index element={<Navigate to="generated" replace />} />
        <Route path="generated" element={<GeneratedKeysRoute />} />
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
  </Routes>
);
