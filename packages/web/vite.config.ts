import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const serverUrl = 'http://127.0.0.1:4000';
const proxiedPaths = ['/graphql', '/api', '/healthz', '/readyz'];

export default defineConfig({
  plugins: [react()],
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
