import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The import rules of eslint.config.js (issue 14): the server's floors import only downward,
 * and a web feature imports no other feature. Each case lints a fixture text as if it were a
 * real file of the repository, through the repository's own configuration, so a rule that
 * stops firing (a renamed folder, a pattern that no longer matches) fails here.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const eslint = new ESLint({
  cwd: root,
  // Only the import rules: the type-aware ones would build a TypeScript program per file.
  ruleFilter: ({ ruleId }) => ruleId.startsWith('boundaries/'),
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
});

const importRulesBreakages = async (file: string, text: string): Promise<string[]> => {
  const [result] = await eslint.lintText(text, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
};

const server = 'packages/server/src';
const web = 'packages/web/src';

describe('which way imports go', () => {
  it.each([
    // A module reading the composition of services: services.ts sits above every module.
    [
      `${server}/modules/roles/role.service.ts`,
      "import type { Services } from '../../services.js';",
    ],
    // A module reaching the assembly: app.ts is the top floor.
    [`${server}/modules/audit/audit.service.ts`, "import { createApp } from '../../app.js';"],
    // common/ knows no domain.
    [
      `${server}/common/clock.ts`,
      "import { Account } from '../modules/accounts/account.entity.js';",
    ],
    // The tokens module is under every other module, so it may use none of them.
    [
      `${server}/modules/tokens/token-age.ts`,
      "import { ApiKey } from '../api-keys/api-key.entity.js';",
    ],
    // The GraphQL kit knows no module.
    [
      `${server}/graphql/types/page-info.ts`,
      "import { ApiKey } from '../../modules/api-keys/api-key.entity.js';",
    ],
    // A service importing a resolver (resolvers sit above the services they call).
    [
      `${server}/modules/api-keys/api-key.service.ts`,
      "import { ApiKeyResolver } from './api-key.resolver.js';",
    ],
    // The HTTP layer is above the modules.
    [
      `${server}/modules/auth/authorization.ts`,
      "import { clientIp } from '../../http/request-context.js';",
    ],
    // One web feature importing another.
    [
      `${web}/features/audit/utils/audit-details.ts`,
      "import { ApiKeyRow } from '../../api-keys/components/api-key-row';",
    ],
    // Shared web code importing a feature.
    [
      `${web}/components/empty-state.tsx`,
      "import { SignOutButton } from '../features/auth/sign-out-button';",
    ],
  ])('%s: refused', async (file, text) => {
    const breakages = await importRulesBreakages(file, text);
    expect(breakages).toHaveLength(1);
    expect(breakages[0]).toMatch(/^boundaries\/dependencies: /);
  });

  it.each([
    // Downward: a module reading the shared helpers and the tokens module.
    [
      `${server}/modules/api-keys/api-key.service.ts`,
      "import { newId } from '../../common/ids.js';\nimport { hashToken } from '../tokens/api-token.secret.js';",
    ],
    // A resolver reading the request context (the floor below the resolvers).
    [
      `${server}/modules/roles/role.resolver.ts`,
      "import type { GraphQLContext } from '../../context.js';",
    ],
    // The composition root reading a module.
    [`${server}/services.ts`, "import { RoleService } from './modules/roles/role.service.js';"],
    // A web feature reading its own files and shared components.
    [
      `${web}/features/api-keys/routes/generated-keys-route.tsx`,
      "import { StatusBadge } from '../components/status-badge';",
    ],
  ])('%s: allowed', async (file, text) => {
    expect(await importRulesBreakages(file, text)).toEqual([]);
  });
});
