import { Initial1763900000000 } from './1763900000000-initial.js';

/** In order. A migration, once released, is never edited: add a new one. */
export const migrations = [Initial1763900000000];
