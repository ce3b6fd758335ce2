import { RequireViewer } from '../features/auth/require-viewer';
import { AppLayout } from './app-layout';

/** The frame of the pages that need a signed-in viewer. */
export const SignedInLayout = () => (
  <RequireViewer>
    <AppLayout />
  </RequireViewer>
);
