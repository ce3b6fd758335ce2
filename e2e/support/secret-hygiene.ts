import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { KeywardProcess } from './keyward-process.js';

/**
 * Every file of the SQLite database in the process's data directory (the main file and, in
 * WAL mode, its -wal and -shm companions), read as raw bytes while the server still runs.
 */
export const databaseFiles = (keyward: KeywardProcess) =>
  readdirSync(keyward.dataDir)
    .filter((name) => /\.sqlite(-wal|-shm|-journal)?$/.test(name))
    .map((name) => ({ name, bytes: readFileSync(path.join(keyward.dataDir, name)) }));

/** The files of the database that contain `text` as bytes (UTF-8, which is ASCII for keys). */
export const databaseFilesContaining = (keyward: KeywardProcess, text: string) =>
  databaseFiles(keyward)
    .filter(({ bytes }) => bytes.includes(Buffer.from(text, 'utf8')))
    .map(({ name }) => name);
