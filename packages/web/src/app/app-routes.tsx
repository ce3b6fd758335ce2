import { Navigate, Route, Routes } from 'react-router-dom';
import { ApiKeySettingsRoute } from '../features/api-keys/routes/api-key-settings-route';
import { ApiKeysLayout } from '../features/api-keys/routes/api-keys-layout';
import { GeneratedKeysRoute } from '../features/api-keys/routes/generated-keys-route';
import { AuditLogRoute } from '../features/audit/routes/audit-log-route';
import { RequireViewer } from '../features/auth/require-viewer';
import { SetPasswordPage } from '../features/auth/set-password-page';
import { SignInPage } from '../features/auth/sign-in-page';
import { CredentialsPage } from '../features/credentials/credentials-page';
import { ExternalKeysRoute } from '../features/external-keys/routes/external-keys-route';
import { MembersRoute } from '../features/members/routes/members-route';
import { HomeRedirect } from '../features/navigation/home-redirect';
import { RolesRoute } from '../features/roles/routes/roles-route';
import { AppLayout } from './app-layout';

export const generatedKeysPath = '/account/api-keys/generated';

export const AppRoutes = () => (
  <Routes>
    <Route path="/sign-in" element={<SignInPage />} />
    <Route path="/set-password" element={<SetPasswordPage />} />
    <Route path="/credentials/:id" element={<CredentialsPage />} />
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
        <Route path="external" element={<ExternalKeysRoute />} />
        <Route path="settings" element={<ApiKeySettingsRoute />} />
      </Route>
      <Route path="account/roles" element={<RolesRoute />} />
      <Route path="account/users" element={<MembersRoute />} />
      <Route path="account/audit" element={<AuditLogRoute />} />
      <Route path="*" element={<Navigate to="/" replace />} />
    </Route>
  </Routes>
);
