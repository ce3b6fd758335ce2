import { createContext } from 'react';

/**
 * Forgets what the API client cached, after a sign-in made outside it (`useSignIn` uses a plain
 * request). The app's Apollo root provides it; without one (the sign-in page) nothing is cached.
 */
export const SessionResetContext = createContext<() => Promise<unknown>>(async () => undefined);
