import path from 'node:path';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig, type UserConfig } from 'vite';
import { inlineGraphqlDocuments } from './vite/inline-graphql-documents';
import { precompress } from './vite/precompress';
import { tablesWithoutScrollArea } from './vite/tables-without-scroll-area';

/** The shared vocabulary is bundled from its sources: no build of it is needed for the SPA. */
export const sharedFromSource = {
  '@keyward/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)),
};

const serverUrl = 'http://127.0.0.1:4000';
const proxiedPaths = ['/graphql', '/api', '/healthz', '/readyz'];

const config = {
  plugins: [
    inlineGraphqlDocuments(path.resolve(import.meta.dirname, 'src/gql')),
    tablesWithoutScrollArea(),
    react(),
    precompress(),
  ],
  resolve: {
    alias: sharedFromSource,
    // rxjs (under Apollo Client) offers its ES2015 build only under this condition; its default
    // is ES5 with tslib's helpers, larger by 1.8 kB compressed on every page behind sign-in.
    conditions: ['es2015', ...defaultClientConditions],
  },
  server: {
    proxy: Object.fromEntries(proxiedPaths.map((path) => [path, { target: serverUrl }])),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // First-load budgets (SPEC §7) are checked by e2e/first-load.e2e.test.ts on the compressed
    // bytes; this only flags a single chunk growing out of proportion.
    chunkSizeWarningLimit: 400,
  },
} satisfies UserConfig;

export default defineConfig(({ command }) => {
  // A build is for production whatever NODE_ENV the shell has: the browser tests run
  // `pnpm start` with NODE_ENV=development (for the server), which would otherwise ship React's
  // development build, three times larger.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return config;
});
