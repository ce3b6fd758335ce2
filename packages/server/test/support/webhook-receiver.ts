import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback webhook receiver keeping what it is sent; `failNext(n)` answers 503 n times. */
export const startWebhookReceiver = async () => {
  const calls: { headers: IncomingHttpHeaders; body: string }[] = [];
  let failuresLeft = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      calls.push({ headers: req.headers, body });
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        res.writeHead(503).end();
      } else {
        res.writeHead(204).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    calls,
    bodies: () => calls.map((call) => call.body),
    failNext: (count: number) => (failuresLeft = count),
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
