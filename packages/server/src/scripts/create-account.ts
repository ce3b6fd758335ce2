import 'reflect-metadata';
import { createAccountCommand } from './create-account-command.js';

// Creates an account and its first owner on a fresh installation (see create-account-command.ts).
process.exitCode = await createAccountCommand(process.argv.slice(2), process.env, {
  log: (line) => console.log(line),
  error: (line) => console.error(line),
});
