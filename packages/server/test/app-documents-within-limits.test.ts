import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, print, type DocumentNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './support/databases.js';
import { accountWithOwner } from './support/fixtures.js';
import { TestServer } from './support/test-server.js';

/**
 * The SPA's own documents, as codegen wrote them, pass every query limit (depth, cost, aliases,
 * directives, tokens) at the largest page size: a limit that refuses the app is a bug.
 */
const LIMIT_CODES = new Set([
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COSTLY',
  'TOO_MANY_ALIASES',
  'TOO_MANY_TOKENS',
  'TOO_MANY_DIRECTIVES',
]);

const generated = readFileSync(
  path.resolve(import.meta.dirname, '../../web/src/gql/graphql.ts'),
  'utf8',
);
const documents = [
  ...generated.matchAll(/^export const (\w+)Document = (\{.*\}) as unknown as/gm),
].map(([, name, json]) => ({
  name: name as string,
  document: JSON.parse(json as string) as DocumentNode,
}));

const declaresFirst = (document: DocumentNode) =>
  document.definitions.some(
    (definition) =>
      definition.kind === Kind.OPERATION_DEFINITION &&
      definition.variableDefinitions?.some((variable) => variable.variable.name.value === 'first'),
  );

describe('the SPA’s documents', () => {
  it('are all found', () => {
    expect(documents.length).toBeGreaterThan(30);
  });
});

describe.each(testDatabases.slice(0, 1))(
  'the SPA’s documents within the limits on $name',
  (database) => {
    let server: TestServer;
    let cookie: string;
    beforeAll(async () => {
      server = await TestServer.start(database);
      ({ cookie } = await accountWithOwner(server, 'limits'));
    });
    afterAll(async () => server.stop());

    it.each(documents)('$name passes every query limit', async ({ document }) => {
      // Missing required variables fail after validation and cost, changing nothing.
      const result = await server.graphql(
        print(document),
        declaresFirst(document) ? { first: 100 } : {},
        { cookie },
      );
      const limited = (result.errors ?? []).filter((error) =>
        LIMIT_CODES.has(error.extensions?.code ?? ''),
      );
      expect(limited).toEqual([]);
    });
  },
);
