import { createRequire } from 'node:module';
import path from 'node:path';

/** The little of exceljs these tests use (its own typings do not resolve from outside the server). */
type Cell = { text: string };
type Row = { eachCell(options: { includeEmpty: boolean }, visit: (cell: Cell) => void): void };
type Worksheet = { name: string; eachRow(visit: (row: Row) => void): void };
type Workbook = {
  xlsx: { load(data: Buffer): Promise<unknown> };
  eachSheet(visit: (sheet: Worksheet) => void): void;
};

/** exceljs is a dependency of the server, not of the e2e suite: load it from there. */
const requireFromServer = createRequire(
  path.resolve(import.meta.dirname, '../../packages/server/package.json'),
);
const ExcelJS = requireFromServer('exceljs') as { Workbook: new () => Workbook };

/** Each worksheet of an XLSX file, by name, as rows of cell texts (the header row first). */
export const readWorkbook = async (file: Buffer): Promise<Map<string, string[][]>> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file);
  const sheets = new Map<string, string[][]>();
  workbook.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      const values: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => values.push(cell.text));
      rows.push(values);
    });
    sheets.set(sheet.name, rows);
  });
  return sheets;
};
