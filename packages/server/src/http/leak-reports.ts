import type { Router } from 'express';
import express from 'express';
import type { LeakReport } from '../modules/leaks/leak-report.service.js';
import type { LeakReporterKeys } from '../modules/leaks/leak-reporter-keys.js';
import type { Services } from '../services.js';
import { clientIp } from './request-context.js';

export const LEAKS_PATH = '/api/leaks';
/** GitHub batches matches; more than this in one report is not a scanner's. */
const MAX_MATCHES = 1_000;
const MAX_FIELD_LENGTH = 2_000;

const refuse = (res: express.Response, status: number, code: string, message: string) =>
  res.status(status).json({ errors: [{ message, extensions: { code } }] });

const asReports = (body: unknown): LeakReport[] | null => {
  if (!Array.isArray(body) || body.length > MAX_MATCHES) return null;
  const reports: LeakReport[] = [];
  for (const item of body) {
    const { token, type, url, source } = (item ?? {}) as Record<string, unknown>;
    const text = (value: unknown) =>
      typeof value === 'string' && value.length <= MAX_FIELD_LENGTH ? value : null;
    if (text(token) === null || text(type) === null) return null;
    reports.push({
      token: token as string,
      type: type as string,
      url: text(url) ?? '',
      source: text(source) ?? '',
    });
  }
  return reports;
};

/**
 * POST /api/leaks: reports of exposed tokens in the format of GitHub's secret scanning partner
 * program, signed (ECDSA P-256, SHA-256) with a key of KEYWARD_LEAK_REPORTER_KEYS. Anything not
 * signed by a configured key is refused before the body is read as JSON.
 */
export const leakReportRoutes = (services: Services, keys: LeakReporterKeys): Router => {
  const router = express.Router();
  router.post(
    LEAKS_PATH,
    express.raw({ type: () => true, limit: '512kb' }),
    async (req, res, next) => {
      try {
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        if (
          !keys.verify(
            body,
            req.get('github-public-key-identifier'),
            req.get('github-public-key-signature'),
          )
        ) {
          refuse(res, 401, 'UNAUTHENTICATED', 'Sign the report with a configured reporter key.');
          return;
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(body.toString('utf8'));
        } catch {
          parsed = null;
        }
        const reports = asReports(parsed);
        if (!reports) {
          refuse(
            res,
            400,
            'BAD_USER_INPUT',
            `Send a JSON array of at most ${MAX_MATCHES} { token, type, url, source }.`,
          );
          return;
        }
        res.json(await services.leakReports.handle(reports, clientIp(req)));
      } catch (error) {
        next(error);
      }
    },
  );
  return router;
};
