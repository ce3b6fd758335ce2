/**
 * One CSV line. Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR)
 * get a leading apostrophe: exported data must never execute on an auditor's machine.
 */
export const csvLine = (
  cells: readonly (string | number | null | undefined)[],
  separator: ',' | ';' = ',',
): string =>
  `${cells
    .map((cell) => {
      let text = cell === null || cell === undefined ? '' : String(cell);
      if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
      return text.includes(separator) || /["\r\n]/.test(text)
        ? `"${text.replace(/"/g, '""')}"`
        : text;
    })
    .join(separator)}\r\n`;

/** Excel reads a CSV as UTF-8 only when it starts with a byte order mark. */
export const UTF8_BOM = '\uFEFF';
