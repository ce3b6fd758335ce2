// The floor for B1: a bare node:http server that does only what verification cannot avoid,
// an in-memory map lookup, an HMAC-SHA256 of the token and a constant-time compare.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [, , keysFile, portArgument] = process.argv;
const { tokenSecret, keys } = JSON.parse(readFileSync(keysFile as string, 'utf8')) as {
  tokenSecret: string;
  keys: { key: string; token: string }[];
};
const hash = (token: string) => createHmac('sha256', tokenSecret).update(token).digest();
const hashes = new Map(keys.map((entry) => [entry.key, hash(entry.token)]));

createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    let request: { key?: string; token?: string } = {};
    try {
      request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof request;
    } catch {
      // an empty or broken body is simply not valid
    }
    const { key = '', token = '' } = request;
    const expected = hashes.get(key);
    const valid = expected !== undefined && timingSafeEqual(expected, hash(token));
    const body = JSON.stringify({ valid, code: valid ? 'VALID' : 'INVALID_CREDENTIALS' });
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  });
}).listen(Number(portArgument), '127.0.0.1', () => process.send?.('ready'));
