import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { printKeywardSchema } from '../schema.js';

const target = path.resolve(import.meta.dirname, '../../../../schema.graphql');
writeFileSync(target, await printKeywardSchema());
console.log(`Wrote ${target}`);
