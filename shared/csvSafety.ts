/**
 * CSV for spreadsheets: a cell that starts with `=`, `+`, `-`, `@`, a tab, a CR or an LF could run as
 * a formula when opened (CSV injection), so it is prefixed with an apostrophe, which spreadsheet
 * programs show as text. Every cell is quoted.
 */
function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r\n]/.test(value) ? `'${value}` : value;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows
    .map((row) => row.map((cell) => `"${neutraliseCell(cell).replace(/"/g, '""')}"`).join(','))
    .join('\r\n')
    .concat('\r\n');
}
