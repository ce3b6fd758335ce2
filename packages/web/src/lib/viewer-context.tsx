import { createContext, useContext, type ReactNode } from 'react';
import { Resources } from '@keyward/shared';
import type { ViewerQuery } from '../gql/graphql';

export type Viewer = ViewerQuery['me'];

/** The resources the app checks, by name: the keys are the server's (see @keyward/shared). */
export const resourceKeys = Resources;

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
