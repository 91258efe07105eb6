/**
 * Number and time formatting for the views. Pure: the current time is passed in, so relative
 * times are testable and every view formats alike.
 */

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB']

/** Decimal units (1 KB = 1000 B), as network tools report traffic. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '–'
  let v = bytes
  let i = 0
  while (v >= 1000 && i < BYTE_UNITS.length - 1) {
    v /= 1000
    i++
  }
  const digits = i === 0 || v >= 100 ? 0 : v >= 10 ? 1 : 2
  return `${v.toFixed(digits)} ${BYTE_UNITS[i]}`
}

/** A byte rate shown in bits per second, as link speeds are quoted. */
export function formatRate(bytesPerSecond: number): string {
  if (!Number.isFinite(bytesPerSecond) || bytesPerSecond < 0) return '–'
  const units = ['bit/s', 'kbit/s', 'Mbit/s', 'Gbit/s', 'Tbit/s']
  let v = bytesPerSecond * 8
  let i = 0
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000
    i++
  }
  const digits = i === 0 || v >= 100 ? 0 : v >= 10 ? 1 : 2
  return `${v.toFixed(digits)} ${units[i]}`
}

/** "5 s", "3 min", "2 h 5 min", "4 d 3 h": the largest two units that matter. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  if (s < 60) return `${s} s`
  const m = Math.floor(s / 60)
  if (m < 60) return `${m} min`
  const h = Math.floor(m / 60)
  if (h < 24) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`
  const d = Math.floor(h / 24)
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`
}

/** "just now", "12 s ago", "3 min ago", or "in 5 s" for a future time. */
export function formatRelative(then: number, now: number): string {
  const diff = now - then
  if (Math.abs(diff) < 1000) return 'just now'
  return diff > 0 ? `${formatDuration(diff)} ago` : `in ${formatDuration(-diff)}`
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** Local wall-clock time "HH:MM" (chart axes). */
export function formatClock(t: number): string {
  const d = new Date(t)
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** Local date and time "YYYY-MM-DD HH:MM". */
export function formatDateTime(t: number): string {
  const d = new Date(t)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${formatClock(t)}`
}

/** The value a `datetime-local` input takes for a local time. */
export function toDateTimeLocal(t: number): string {
  return formatDateTime(t).replace(' ', 'T')
}

/** Parses a `datetime-local` value as local time; undefined when empty or malformed. */
export function fromDateTimeLocal(value: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value)
  if (!m) return undefined
  const t = new Date(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]).getTime()
  return Number.isFinite(t) ? t : undefined
}

/** netifyd names applications `netify.youtube`: show "youtube" and keep the full name in titles. */
export function shortAppName(name: string): string {
  return name.startsWith('netify.') ? name.slice('netify.'.length) : name
}
