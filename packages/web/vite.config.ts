import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The shared vocabulary is bundled from its sources: no build of it is needed for the SPA. */
export const sharedFromSource = {
  '@keyward/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)),
};

const serverUrl = 'http://127.0.0.1:4000';
const proxiedPaths = ['/graphql', '/api', '/healthz', '/readyz'];

export default defineConfig({
  plugins: [react()],
  resolve: { alias: sharedFromSource },
  server: {
    proxy: Object.fromEntries(proxiedPaths.map((path) => [path, { target: serverUrl }])),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // One admin bundle (Mantine, Apollo, icons) is expected; split when routes grow.
    chunkSizeWarningLimit: 1024,
  },
});
