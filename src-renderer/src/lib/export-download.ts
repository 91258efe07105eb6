/**
 * Saves text as a file through the browser's own download path: works the same in Electron and
 * in web mode, needs no file-system access in the renderer and no IPC.
 */
import { exportFileName, toCsv, toJson, type CsvColumn } from './export-format'

export const MIME = { csv: 'text/csv;charset=utf-8', json: 'application/json;charset=utf-8' } as const

/** Triggers a download of `text` named `fileName`; the object URL is released right after. */
export function downloadText(fileName: string, text: string, mime: string, doc: Document = document): void {
  const win = doc.defaultView ?? window
  const url = win.URL.createObjectURL(new Blob([text], { type: mime }))
  const a = doc.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  a.style.display = 'none'
  doc.body.appendChild(a)
  try {
    a.click()
  } finally {
    a.remove()
    win.setTimeout(() => win.URL.revokeObjectURL(url), 0)
  }
}

/**
 * Saves the rows a view lists as `netify-<kind>-<time>.<format>`, so every view's export buttons
 * name and encode files the same way: CSV through the view's column set, JSON as the rows.
 */
export function downloadRows<T>(
  kind: string, format: 'csv' | 'json', rows: readonly T[], columns: ReadonlyArray<CsvColumn<T>>, now: number,
): void {
  const text = format === 'csv' ? toCsv(rows, columns) : toJson(rows)
  downloadText(exportFileName(kind, format, now), text, MIME[format])
}
