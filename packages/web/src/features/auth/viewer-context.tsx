import { createContext, useContext, type ReactNode } from 'react';
import type { ViewerQuery } from '../../gql/graphql';

export type Viewer = ViewerQuery['me'];

export const resourceKeys = {
  viewApiKeys: 'license-manager:view-api-keys',
  editApiKeys: 'license-manager:edit-api-keys',
  renewApiToken: 'license-manager:renew-api-token',
  editApiKeysSettings: 'license-manager:edit-api-keys-settings',
  viewUsers: 'license-manager:view-users',
  editUsers: 'license-manager:edit-users',
  editRoles: 'license-manager:edit-roles',
} as const;

const ViewerContext = createContext<Viewer | null>(null);

export const ViewerProvider = ({ viewer, children }: { viewer: Viewer; children: ReactNode }) => (
  <ViewerContext.Provider value={viewer}>{children}</ViewerContext.Provider>
);

export const useViewer = (): Viewer => {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer must be used below RequireViewer');
  return viewer;
};

/** Only hides what the viewer may not do; the server enforces every permission. */
export const useCan = (resourceKey: string) => useViewer().resources.includes(resourceKey);
