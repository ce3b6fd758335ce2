import path from 'node:path';
import js from '@eslint/js';
import globals from 'globals';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const server = 'packages/server/src';

/**
 * The server's floors, bottom first. A file may import its own floor and those below it,
 * never one above (docs/architecture.md draws the same picture). A file belongs to the first
 * floor whose pattern matches it, so the narrower patterns come first.
 *
 * 1. common        helpers that know no domain (keyset pages, errors, clock, text, dialect)
 * 2. graphql-kit   GraphQL pieces every resolver shares and that know no module (PageInfo and
 *                  the connection helper, sort direction, document limits, the reveal rule)
 * 3. base-modules  modules every other module may use and that use none: tokens (format and
 *                  age), throttle
 * 4. domain        modules/<domain>: entities, inputs, services, rules
 * 5. services      the composition of the services (services.ts) and the request context
 *                  with its loaders (context.ts): what every resolver receives
 * 6. resolvers     modules/<domain>/*.resolver.ts and the viewer-authority helper they share
 * 7. app           everything that assembles and serves: schema.ts, app.ts, main.ts, jobs.ts,
 *                  config.ts, graphql-errors.ts, http/, db/ (entity list, migrations), seed/,
 *                  scripts/
 */
const SERVER_FLOORS = [
  ['common', [`${server}/common/**`]],
  ['graphql-kit', [`${server}/graphql/**`]],
  [
    'resolvers',
    [`${server}/modules/**/*.resolver.ts`, `${server}/modules/auth/viewer-authority.ts`],
  ],
  ['base-modules', [`${server}/modules/tokens/**`, `${server}/modules/throttle/**`]],
  ['domain', [`${server}/modules/**`]],
  ['services', [`${server}/services.ts`, `${server}/context.ts`]],
  ['app', [`${server}/**`]],
];

/** What each floor may import (besides packages): itself and the floors below it. */
const SERVER_MAY_IMPORT = {
  common: ['common'],
  'graphql-kit': ['common', 'graphql-kit'],
  'base-modules': ['common', 'base-modules'],
  domain: ['common', 'graphql-kit', 'base-modules', 'domain'],
  services: ['common', 'base-modules', 'domain', 'services'],
  resolvers: ['common', 'graphql-kit', 'base-modules', 'domain', 'services', 'resolvers'],
  app: ['common', 'graphql-kit', 'base-modules', 'domain', 'services', 'resolvers', 'app'],
};

/**
 * The web: a feature (features/<name>) may import its own files and the shared folders
 * (components/, lib/, locales/, gql/), never another feature: what two features share moves
 * to components/ or lib/. The shell (app/ and main.tsx) assembles the features; tests may
 * render anything.
 */
const web = 'packages/web/src';
const WEB_FILES = [
  ['web-test', [`${web}/test/**`, `${web}/**/*.test.{ts,tsx}`]],
  ['web-feature', [`${web}/features/*/**`]],
  ['web-shell', [`${web}/app/**`, `${web}/main.tsx`]],
  ['web-shared', [`${web}/**`]],
];

/** Files are classified one category each: the first descriptor that matches. */
export const boundaryFiles = [...SERVER_FLOORS, ...WEB_FILES].map(([category, pattern]) => ({
  category,
  pattern,
  stopMatching: true,
}));

/** Elements (folders) only to tell one web feature from another. */
export const boundaryElements = [
  { type: 'web-feature', pattern: `${web}/features/*`, capture: ['feature'] },
  { type: 'web-folder', pattern: `${web}/*` },
  { type: 'server-folder', pattern: `${server}/*` },
];

const mayImport = (category, allowed) => ({
  from: { file: { categories: category } },
  allow: { to: { file: { categories: { anyOf: allowed } } } },
});

export const boundaryPolicies = [
  ...Object.entries(SERVER_MAY_IMPORT).map(([floor, allowed]) => mayImport(floor, allowed)),
  mayImport('web-test', ['web-test', 'web-feature', 'web-shell', 'web-shared']),
  mayImport('web-shell', ['web-feature', 'web-shell', 'web-shared']),
  mayImport('web-shared', ['web-shared']),
  mayImport('web-feature', ['web-shared']),
  {
    from: { file: { categories: 'web-feature' } },
    allow: {
      to: {
        file: { categories: 'web-feature' },
        element: {
          type: 'web-feature',
          captured: { feature: '{{ from.element.captured.feature }}' },
        },
      },
    },
  },
];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'packages/web/src/gql/**', 'data/**', '.e2e/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': ['error', { allow: ['log', 'warn', 'error'] }],
    },
  },
  // Type-aware rules for the server and the web (floating promises, unsafe any, misused
  // promises…), each package read through its own tsconfig.
  {
    files: ['packages/server/**/*.ts', 'packages/web/**/*.{ts,tsx}'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['packages/server/**/*.ts', 'packages/web/**/*.{ts,tsx}'],
    rules: {
      // Apollo's plugin hooks, TypeORM's migrations and our own async interfaces (and the test
      // fakes implementing them) must return promises; `async` without `await` is how an
      // implementation with nothing to wait for does that.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['packages/server/test/**/*.ts', 'packages/server/bench/**/*.ts'],
    rules: {
      // Tests and benchmarks read raw SQL rows and JSON bodies whose shape is what they check;
      // typing each one (or moving a cast into a type argument) would add nothing to them.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  // Which way imports go (see the floors above).
  {
    files: ['packages/server/src/**/*.ts', 'packages/web/src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'import/resolver': {
        typescript: {
          // Absolute: ESLint may run from another folder (test/lint-boundaries.test.ts).
          project: ['packages/server/tsconfig.json', 'packages/web/tsconfig.json'].map((file) =>
            path.join(import.meta.dirname, file),
          ),
          noWarnOnMultipleProjects: true,
        },
      },
      // Patterns are relative to the repository, wherever ESLint runs from.
      'boundaries/root-path': import.meta.dirname,
      'boundaries/elements': boundaryElements,
      'boundaries/files': boundaryFiles,
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        // checkInternals: a floor crossing inside one folder (modules/) counts too.
        { default: 'disallow', checkInternals: true, policies: boundaryPolicies },
      ],
    },
  },
  {
    files: ['packages/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
);
