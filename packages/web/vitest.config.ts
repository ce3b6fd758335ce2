import { createRequire } from 'node:module';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  plugins: [react()],
  resolve: {
    // graphql ships both ESM and CJS builds; loading both breaks `instanceof` checks.
    alias: { graphql: require.resolve('graphql/index.js') },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // Dialog flows with many user events take over 5 s on a loaded 2-core machine.
    testTimeout: 15_000,
  },
});
