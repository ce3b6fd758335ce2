import type { Request, Response, Router } from 'express';
import express from 'express';
import ExcelJS from 'exceljs';
import { httpStatusOf } from '@keyward/shared';
import { AppError } from '../common/app-error.js';
import { csvLine, UTF8_BOM } from '../common/csv.js';
import type {
  ExternalKeyRow,
  GeneratedKeyRow,
} from '../modules/api-keys/api-key-export.service.js';
import type { Services } from '../services.js';
import { exportLabels, exportLanguage } from './export-labels.js';
import { authenticate, keyCredentialsOf } from './request-context.js';

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : '');

const GENERATED_COLUMNS = [
  'id',
  'key',
  'name',
  'roles',
  'created date',
  'token created date',
  'new-token created date',
  'status',
  'last used',
  'created by',
] as const;
const EXTERNAL_COLUMNS = ['id', 'key', 'owner account', 'roles', 'date added', 'status'] as const;
const GENERATED_WIDTHS = [38, 28, 32, 36, 20, 20, 20, 12, 20, 32];
const EXTERNAL_WIDTHS = [38, 28, 22, 36, 20, 12];
/** Dates are real date cells (UTC, as the headers say), shown to the minute. */
const DATE_FORMAT = 'yyyy-mm-dd hh:mm';
const GENERATED_DATES = new Set([4, 5, 6, 8]);
const EXTERNAL_DATES = new Set([4]);

/** `sep=semicolon` for spreadsheets of locales that use a decimal comma (pt-BR, es). */
const separatorOf = (value: unknown): ',' | ';' => {
  if (value === undefined || value === 'comma') return ',';
  if (value === 'semicolon') return ';';
  throw new AppError('BAD_USER_INPUT', 'sep must be comma or semicolon.', 'sep');
};

/** Coded errors as JSON, like GraphQL's, before any byte of the file is sent. */
const sendError = (res: Response, error: unknown) => {
  if (error instanceof AppError) {
    if (error.code === 'RATE_LIMITED')
      res.setHeader('Retry-After', String(error.retryAfterSeconds ?? 60));
    res
      .status(httpStatusOf(error.code))
      .json({ errors: [{ message: error.message, extensions: { code: error.code } }] });
    return;
  }
  throw error;
};

const attachment = (res: Response, name: string, extension: string, type: string) => {
  const stamp = new Date().toISOString().slice(0, 10);
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Disposition', `attachment; filename="${name}-${stamp}.${extension}"`);
  res.setHeader('Cache-Control', 'no-store');
};

const parseDate = (value: unknown, field: string): Date | null => {
  if (typeof value !== 'string' || value === '') return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new AppError('BAD_USER_INPUT', `${field} is not a date.`, field);
  return date;
};

/** A header no other site can make a browser send without a CORS preflight. */
export const EXPORT_HEADER = 'x-keyward-export';

/**
 * The session cookie is SameSite=Lax, so a top-level GET from another site carries it: a
 * cookie-authenticated export must prove it comes from the app itself, by the browser's
 * Sec-Fetch-Site (same-origin, or none for a typed URL or bookmark) or by EXPORT_HEADER.
 * Key headers prove it already (no other site can send them).
 */
const requireFromApp = (req: Request) => {
  if (keyCredentialsOf(req) || !req.get('cookie')) return;
  const site = req.get('sec-fetch-site');
  if (site === 'same-origin' || site === 'none' || req.get(EXPORT_HEADER)) return;
  throw new AppError('FORBIDDEN', 'Exports are started from the Keyward app.');
};

/** S3 and S4 exports. Same authentication as /graphql: session cookie or key headers. */
export const exportRoutes = (services: Services): Router => {
  const router = express.Router();

  router.get('/api/keys/export', async (req: Request, res: Response) => {
    const format = req.query.format;
    try {
      if (format !== 'csv' && format !== 'xlsx') {
        throw new AppError('BAD_USER_INPUT', 'format must be csv or xlsx.', 'format');
      }
      const tab = req.query.tab;
      if (tab !== undefined && tab !== 'generated' && tab !== 'external') {
        throw new AppError('BAD_USER_INPUT', 'tab must be generated or external.', 'tab');
      }
      const separator = separatorOf(req.query.sep);
      const language = exportLanguage(req.query.lang, req.get('accept-language'));
      requireFromApp(req);
      const caller = await authenticate(req, services);
      const accountId = await services.apiKeyExport.start(caller, format);
      const generatedCells = (row: GeneratedKeyRow) => [
        row.id,
        row.key,
        row.name,
        row.roles,
        row.createdAt,
        row.tokenCreatedAt,
        row.newTokenCreatedAt,
        row.status,
        row.lastUsedAt,
        row.createdBy,
      ];
      const externalCells = (row: ExternalKeyRow) => [
        row.id,
        row.key,
        row.ownerAccount,
        row.roles,
        row.addedAt,
        row.status,
      ];
      if (format === 'csv') {
        const line = (cells: readonly (string | Date | null)[]) =>
          csvLine(
            cells.map((cell) => (cell instanceof Date ? iso(cell) : cell)),
            separator,
          );
        attachment(res, tab ? `api-keys-${tab}` : 'api-keys', 'csv', 'text/csv; charset=utf-8');
        res.write(UTF8_BOM);
        if (tab === 'generated' || tab === 'external') {
          // One tab per file: the columns of that tab only.
          res.write(line(tab === 'generated' ? [...GENERATED_COLUMNS] : [...EXTERNAL_COLUMNS]));
          if (tab === 'generated') {
            for await (const rows of services.apiKeyExport.generated(accountId)) {
              for (const row of rows) res.write(line(generatedCells(row)));
            }
          } else {
            for await (const rows of services.apiKeyExport.external(caller)) {
              for (const row of rows) res.write(line(externalCells(row)));
            }
          }
          res.end();
          return;
        }
        // Both tabs in one file: the leading `tab` column says which tab a row comes from.
        res.write(line(['tab', ...GENERATED_COLUMNS, 'owner account', 'date added']));
        for await (const rows of services.apiKeyExport.generated(accountId)) {
          for (const row of rows) res.write(line(['generated', ...generatedCells(row), '', '']));
        }
        for await (const rows of services.apiKeyExport.external(caller)) {
          for (const row of rows) {
            res.write(
              line([
                'external',
                row.id,
                row.key,
                '',
                row.roles,
                '',
                '',
                '',
                row.status,
                '',
                '',
                row.ownerAccount,
                row.addedAt,
              ]),
            );
          }
        }
        res.end();
        return;
      }
      attachment(
        res,
        'api-keys',
        'xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      const labels = exportLabels(language);
      const status = (value: string) => labels.status[value] ?? value;
      // Streamed: a large account never sits in memory as a whole workbook.
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        stream: res,
        useStyles: true,
        useSharedStrings: false,
      });
      const sheet = (
        name: string,
        headers: readonly string[],
        widths: readonly number[],
        dates: ReadonlySet<number>,
      ) => {
        const worksheet = workbook.addWorksheet(name, {
          views: [{ state: 'frozen', ySplit: 1 }],
        });
        worksheet.columns = headers.map((header, index) => ({
          header,
          width: widths[index] ?? 14,
          style: dates.has(index) ? { numFmt: DATE_FORMAT } : {},
        }));
        worksheet.autoFilter = `A1:${String.fromCharCode(64 + headers.length)}1`;
        worksheet.getRow(1).font = { bold: true };
        worksheet.getRow(1).commit();
        return worksheet;
      };
      const generated = sheet(
        labels.generatedSheet,
        labels.generated,
        GENERATED_WIDTHS,
        GENERATED_DATES,
      );
      for await (const rows of services.apiKeyExport.generated(accountId)) {
        for (const row of rows) {
          const cells = generatedCells(row);
          cells[7] = status(row.status);
          generated.addRow(cells).commit();
        }
      }
      generated.commit();
      const external = sheet(
        labels.externalSheet,
        labels.external,
        EXTERNAL_WIDTHS,
        EXTERNAL_DATES,
      );
      for await (const rows of services.apiKeyExport.external(caller)) {
        for (const row of rows) {
          const cells = externalCells(row);
          cells[5] = status(row.status);
          external.addRow(cells).commit();
        }
      }
      external.commit();
      await workbook.commit();
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendError(res, error);
    }
  });

  router.get('/api/audit/export', async (req: Request, res: Response) => {
    try {
      if (req.query.format !== undefined && req.query.format !== 'csv') {
        throw new AppError('BAD_USER_INPUT', 'format must be csv.', 'format');
      }
      requireFromApp(req);
      const caller = await authenticate(req, services);
      const text = (name: string) => (typeof req.query[name] === 'string' ? req.query[name] : null);
      const separator = separatorOf(req.query.sep);
      const filter = {
        actor: text('actor'),
        action: text('action'),
        targetKey: text('targetKey'),
        from: parseDate(req.query.from, 'from'),
        to: parseDate(req.query.to, 'to'),
      };
      await services.auditLog.startExport(caller, filter, 'csv');
      const batches = services.auditLog.exportBatches(caller, filter);
      const first = await batches.next();
      attachment(res, 'audit-log', 'csv', 'text/csv; charset=utf-8');
      res.write(UTF8_BOM);
      res.write(
        csvLine(
          [
            'time',
            'action',
            'actor kind',
            'actor',
            'target type',
            'target',
            'source IP',
            'details',
          ],
          separator,
        ),
      );
      const write = (
        events: {
          createdAt: Date;
          action: string;
          actorType: string;
          actorLabel: string | null;
          targetType: string | null;
          targetLabel: string | null;
          sourceIp: string | null;
          details: string | null;
        }[],
      ) => {
        for (const event of events) {
          res.write(
            csvLine(
              [
                iso(event.createdAt),
                event.action,
                event.actorType,
                event.actorLabel,
                event.targetType,
                event.targetLabel,
                event.sourceIp,
                event.details,
              ],
              separator,
            ),
          );
        }
      };
      if (!first.done) write(first.value);
      for await (const events of batches) write(events);
      res.end();
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendError(res, error);
    }
  });

  return router;
};
