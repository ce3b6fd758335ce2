import { createRequire } from 'node:module';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { sharedFromSource } from './vite.config';

const require = createRequire(import.meta.url);

export default defineConfig({
  plugins: [react()],
  resolve: {
    // graphql ships both ESM and CJS builds; loading both breaks `instanceof` checks.
    alias: { graphql: require.resolve('graphql/index.js'), ...sharedFromSource },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // Route tests drive whole pages through user-event; a loaded CI machine needs headroom.
    testTimeout: 20_000,
  },
});
