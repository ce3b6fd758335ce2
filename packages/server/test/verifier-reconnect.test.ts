import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createVerifier, type KeywardVerifier } from '@keyward/verify';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const READY = `id: 1\nevent: ready\ndata: {"heartbeatMs":1000}\n\n`;

/**
 * A change stream under the test's control: `cut()` ends the stream and refuses new ones until
 * `restore(firstBytesAfterMs)`, which answers the next streams' headers at once and their first
 * event only after the given delay (a slow server or proxy).
 */
const fakeChangeStream = async () => {
  const streams = new Set<ServerResponse>();
  let refusing = false;
  let firstBytesAfterMs = 0;
  const server = createServer((req, res) => {
    if (!req.url?.startsWith('/api/keys/changes')) {
      res.writeHead(404).end();
      return;
    }
    if (refusing) {
      req.socket.destroy();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.flushHeaders();
    streams.add(res);
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), 1_000);
    res.on('close', () => {
      clearInterval(heartbeat);
      streams.delete(res);
    });
    setTimeout(() => res.write(READY), firstBytesAfterMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cut: () => {
      refusing = true;
      for (const stream of streams) stream.socket?.destroy();
    },
    restore: (delayMs: number) => {
      firstBytesAfterMs = delayMs;
      refusing = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.socket?.destroy();
        server.close(() => resolve());
      }),
  };
};

describe('@keyward/verify reconnecting to its change stream', () => {
  let verifier: KeywardVerifier | null = null;
  let stream: Awaited<ReturnType<typeof fakeChangeStream>> | null = null;
  afterEach(async () => {
    await verifier?.close();
    await stream?.close();
  });

  it('keeps a new stream that is slow to speak after a long cut (not aborted as a silent one)', async () => {
    stream = await fakeChangeStream();
    verifier = createVerifier({
      url: stream.url,
      credentials: { key: 'kw-acme-aaaaaaaaaaaaaaaa', token: 'not-checked-by-the-fake' },
      disconnectedBoundMs: 1_500,
      onError: () => undefined,
    });
    await verifier.ready;
    expect(verifier.answeringFromMemory).toBe(true);
    stream.cut();
    // Longer than three heartbeats: the last stream's silence is long past the watchdog's limit.
    await sleep(3_500);
    expect(verifier.answeringFromMemory).toBe(false);
    stream.restore(700);
    const restoredAt = Date.now();
    while (!verifier.answeringFromMemory && Date.now() - restoredAt < 6_000) await sleep(50);
    expect(verifier.answeringFromMemory).toBe(true);
  });
});
