import { createServer, type RequestListener, type Server } from 'node:http';

/** How long a client may take; the README's production section states the same. */
export const HTTP_TIMEOUTS = { headersMs: 15_000, requestMs: 30_000, keepAliveMs: 5_000 };

/** The HTTP server of a Keyward process: slow or stalled clients are cut off. */
export const createHttpServer = (
  listener: RequestListener,
  timeouts: typeof HTTP_TIMEOUTS = HTTP_TIMEOUTS,
): Server => {
  // Node checks these timeouts only every connectionsCheckingInterval (30 s by default), which
  // let a client trickling its headers hold a socket for 30 s and more: checked every second.
  const server = createServer({ connectionsCheckingInterval: 1_000 }, listener);
  server.headersTimeout = timeouts.headersMs;
  server.requestTimeout = timeouts.requestMs;
  server.keepAliveTimeout = timeouts.keepAliveMs;
  return server;
};
