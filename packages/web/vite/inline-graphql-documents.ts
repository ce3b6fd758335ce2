import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Replaces each `graphql(`…`)` call with the document GraphQL Code Generator built for it (with
 * its fragments), as a literal, at build time. Without it every page imports `src/gql/gql.ts`,
 * whose map holds all the app's documents: the first load would carry those of lazy pages too.
 * This is what the client preset's Babel/SWC plugin does, for a Vite whose React plugin no
 * longer runs Babel; a literal rather than an import from `graphql.ts`, because a chunk takes a
 * module whole and that module holds every document.
 *
 * Tests and the dev server keep the runtime map (the plugin only applies to builds); a document
 * the map does not know fails the build: run `pnpm codegen`.
 */
export const inlineGraphqlDocuments = (gqlDir: string): Plugin => {
  let documents: Map<string, string> | null = null;

  const load = () => {
    const gqlSource = readFileSync(path.join(gqlDir, 'gql.ts'), 'utf8');
    const typesSource = readFileSync(path.join(gqlDir, 'graphql.ts'), 'utf8');
    const literals = new Map<string, string>();
    for (const match of typesSource.matchAll(
      /^export const (\w+) = (\{"kind":"Document".*\}) as unknown as DocumentNode<.*>;$/gm,
    )) {
      literals.set(match[1]!, match[2]!);
    }
    const map = new Map<string, string>();
    const body = gqlSource.slice(gqlSource.indexOf('const documents'));
    for (const match of body.matchAll(/^ {4}("(?:[^"\\]|\\.)*"): types\.(\w+),$/gm)) {
      const source = JSON.parse(match[1]!) as string;
      const literal = literals.get(match[2]!);
      if (!literal) throw new Error(`src/gql/graphql.ts has no ${match[2]}: run pnpm codegen`);
      map.set(source, literal);
    }
    return map;
  };

  return {
    name: 'keyward:inline-graphql-documents',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      documents = load();
    },
    transform(code, id) {
      if (!/\.(ts|tsx)$/.test(id) || id.startsWith(gqlDir) || !code.includes('graphql(`')) {
        return null;
      }
      const map = documents ?? (documents = load());
      const replaced = code.replace(/\bgraphql\(`([^`]*)`\)/g, (_call, source: string) => {
        const literal = map.get(source);
        if (!literal) {
          throw new Error(`${id}: a graphql() document unknown to src/gql: run pnpm codegen`);
        }
        return `(${literal})`;
      });
      return { code: replaced, map: null };
    },
  };
};
