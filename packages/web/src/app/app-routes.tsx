import { Navigate, Route, Routes } from 'react-router-dom';
import { ComingSoon } from '../components/coming-soon';
import { ApiKeysLayout } from '../features/api-keys/routes/api-keys-layout';
import { GeneratedKeysRoute } from '../features/api-keys/routes/generated-keys-route';
import { RequireViewer } from '../features/auth/require-viewer';
import { SignInPage } from '../features/auth/sign-in-page';
import { AppLayout } from './app-layout';

export const generatedKeysPath = '/account/api-keys/generated';

export const AppRoutes = () => (
  <Routes>
    <Route path="/sign-in" element={<SignInPage />} />
    <Route
      element={
        <RequireViewer>
          <AppLayout />
        </RequireViewer>
      }
    >
      <Route index element={<Navigate to={generatedKeysPath} replace />} />
      <Route path="account/api-keys" element={<ApiKeysLayout />}>
        <Route index element={<Navigate to="generated" replace />} />
        <Route path="generated" element={<GeneratedKeysRoute />} />
        <Route path="external" element={<ComingSoon />} />
        <Route path="settings" element={<ComingSoon />} />
      </Route>
      <Route path="*" element={<Navigate to="/" replace />} />
    </Route>
  </Routes>
);
