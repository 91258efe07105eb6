/**
 * CSV and JSON encoding for exports: pure, no DOM.
 *
 * Exported files are opened in spreadsheets, and every string in them came off the network
 * (host names, user agents, device aliases). A cell starting with `=`, `+`, `-`, `@`, tab or CR
 * is a formula to Excel and LibreOffice, so such text cells get a leading `'` (OWASP's CSV
 * injection advice). Real numbers are left alone: a negative number is not a formula.
 */

export type CsvValue = string | number | boolean | null | undefined | ReadonlyArray<string | number>

export interface CsvColumn<T> {
  header: string
  value: (item: T) => CsvValue
}

const FORMULA_START = /^[=+\-@\t\r]/

/** Neutralises a text cell a spreadsheet would evaluate as a formula. */
export function defendCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** RFC 4180: quote a field holding a comma, quote, CR or LF, doubling inner quotes. */
export function quoteCsv(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One cell: numbers as written, lists joined with "; ", text defended then quoted. */
export function csvCell(value: CsvValue): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  const text = typeof value === 'string' ? value : value.join('; ')
  return quoteCsv(defendCell(text))
}

/** A header row then one row per item, CRLF line ends as RFC 4180 asks. */
export function toCsv<T>(items: readonly T[], columns: ReadonlyArray<CsvColumn<T>>): string {
  const lines = [columns.map((c) => quoteCsv(defendCell(c.header))).join(',')]
  for (const item of items) lines.push(columns.map((c) => csvCell(c.value(item))).join(','))
  return lines.join('\r\n') + '\r\n'
}

/** Pretty JSON of the items exactly as the view holds them, so a re-import loses nothing. */
export function toJson(items: readonly unknown[]): string {
  return JSON.stringify(items, null, 2) + '\n'
}

/** Epoch ms as ISO 8601 UTC, the one date form every spreadsheet parses. */
export function isoTime(ms: number | undefined): string | undefined {
  return ms === undefined || !Number.isFinite(ms) ? undefined : new Date(ms).toISOString()
}

/** `netify-flows-20260102-101112.csv`, stamped with the caller's clock. */
export function exportFileName(kind: string, format: 'csv' | 'json', now: number): string {
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
  return `netify-${kind}-${stamp}.${format}`
}
