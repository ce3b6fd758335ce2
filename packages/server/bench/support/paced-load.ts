// An open-loop load at a fixed rate, for latency at a given throughput.
// autocannon's overallRate sends each connection's whole per-second quota back to back at the
// start of every second and then pauses (and corrects for coordinated omission against a 1 ms
// interval), so its p99 "at 2,000 req/s" is really the p99 of full-speed bursts: against the bare
// floor it reports tens of milliseconds. Here requests leave on a 1 ms tick, as many as are due,
// and each latency runs from the moment it was sent, queueing for a free connection included.
import { Agent, request } from 'node:http';

export interface PacedRequest {
  method: 'POST' | 'GET';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface PacedResult {
  rate: number;
  sent: number;
  completed: number;
  errors: number;
  non2xx: number;
  /** Milliseconds, to the microsecond. */
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

const percentile = (sorted: Float64Array, fraction: number) =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;

export const pacedLoad = async (options: {
  url: string;
  requests: PacedRequest[];
  rate: number;
  seconds: number;
  connections: number;
}): Promise<PacedResult> => {
  const target = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let sent = 0;
  let settled = 0;
  let errors = 0;
  let non2xx = 0;

  const send = (spec: PacedRequest) => {
    const started = process.hrtime.bigint();
    sent += 1;
    const req = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: spec.method,
        path: spec.path,
        headers: spec.body
          ? { ...spec.headers, 'content-length': Buffer.byteLength(spec.body) }
          : spec.headers,
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          settled += 1;
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) non2xx += 1;
          else latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        });
      },
    );
    req.on('error', () => {
      settled += 1;
      errors += 1;
    });
    req.end(spec.body);
  };

  const startedAt = performance.now();
  const durationMs = options.seconds * 1000;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const elapsed = performance.now() - startedAt;
      const due = Math.floor((Math.min(elapsed, durationMs) / 1000) * options.rate);
      while (sent < due) send(options.requests[sent % options.requests.length]!);
      if (elapsed >= durationMs) {
        clearInterval(tick);
        resolve();
      }
    }, 1);
  });
  // Let the last responses arrive, for at most five seconds.
  const drainUntil = performance.now() + 5_000;
  while (settled < sent && performance.now() < drainUntil) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  agent.destroy();
  const sorted = Float64Array.from(latencies).sort();
  return {
    rate: options.rate,
    sent,
    completed: latencies.length,
    errors: errors + (sent - settled),
    non2xx,
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
  };
};
