// Fails when schema.graphql or the generated web types are stale: regenerates both, then asks git.
import { execSync } from 'node:child_process';

const run = (command) => execSync(command, { stdio: 'inherit' });
run('pnpm --silent schema:emit');
run('pnpm --silent codegen');
const stale = execSync('git status --porcelain -- schema.graphql packages/web/src/gql', {
  encoding: 'utf8',
}).trim();
if (stale) {
  console.error(
    `Generated files are stale; commit the regenerated versions (pnpm schema:emit && pnpm codegen):\n${stale}`,
  );
  process.exit(1);
}
console.log('schema.graphql and packages/web/src/gql are up to date.');
