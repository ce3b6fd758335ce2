import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Request, RequestHandler, Response } from 'express';

/**
 * Serves the built SPA. The build (packages/web/vite.config.ts) writes a brotli (`.br`) and a
 * gzip (`.gz`) copy beside every text file; each request gets the best one its
 * `Accept-Encoding` allows, so nothing is compressed per request. Files under `/assets/` carry
 * a content hash in their name and are cached for a year; `index.html` (every client-side
 * route) is revalidated on each load, so a new release is picked up at once.
 *
 * Only the SPA is compressed: GraphQL answers and exports carry tokens and account data next to
 * text the caller chose, the shape a compression side channel (BREACH) needs.
 */

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
/** Files at the root of the build that keep their name across releases (favicon.ico). */
const UNHASHED = 'public, max-age=86400';

type Encoding = { token: 'br' | 'gzip'; suffix: '.br' | '.gz' };
const ENCODINGS: readonly Encoding[] = [
  { token: 'br', suffix: '.br' },
  { token: 'gzip', suffix: '.gz' },
];

/** The codings an `Accept-Encoding` header allows (`q=0` refuses one), ignoring `*`. */
export const acceptedEncodings = (header: string | undefined): Set<string> => {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (!coding) continue;
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    if (q && Number(q.slice(2)) === 0) continue;
    accepted.add(coding);
  }
  return accepted;
};

/** Every file of the build, relative to it with forward slashes: the build never changes. */
const listFiles = (root: string): Set<string> => {
  const files = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.add(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return files;
};

export const spaHandler = (webDist: string): RequestHandler | null => {
  const root = path.resolve(webDist);
  try {
    if (!statSync(path.join(root, 'index.html')).isFile()) return null;
  } catch {
    return null;
  }
  const files = listFiles(root);

  const send = (req: Request, res: Response, file: string, cacheControl: string) => {
    const accepted = acceptedEncodings(req.get('accept-encoding'));
    const encoding = ENCODINGS.find(
      ({ token, suffix }) => accepted.has(token) && files.has(file + suffix),
    );
    res.setHeader('Cache-Control', cacheControl);
    res.setHeader('Vary', 'Accept-Encoding');
    // The type of the file itself, not of its compressed copy.
    res.type(path.extname(file));
    if (encoding) res.setHeader('Content-Encoding', encoding.token);
    res.sendFile(encoding ? file + encoding.suffix : file, {
      root,
      dotfiles: 'deny',
      cacheControl: false,
    });
  };

  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let file: string;
    try {
      file = decodeURIComponent(req.path).replace(/^\/+/, '');
    } catch {
      return next();
    }
    if (file.startsWith('assets/')) {
      // A missing asset is a 404, never the SPA's HTML under a script's name.
      if (!files.has(file)) return next();
      return send(req, res, file, IMMUTABLE);
    }
    if (file !== 'index.html' && files.has(file)) return send(req, res, file, UNHASHED);
    if (/^(graphql|api\/|healthz|readyz|metrics)/.test(file)) return next();
    // Client-side routes: every other GET gets the SPA.
    return send(req, res, 'index.html', REVALIDATE);
  };
};
