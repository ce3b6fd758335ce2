import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One copy of graphql for type-graphql and Apollo, or schemas fail across realms.
    alias: {
      graphql: require.resolve('graphql/index.js'),
      // The shared vocabulary from its sources, so tests never see a stale build.
      '@keyward/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)),
      // The integrator package's source, so its tests need no build.
      '@keyward/verify': fileURLToPath(new URL('../verify/src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
