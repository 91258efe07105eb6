/**
 * The tray's "pause notifications" times. Pure: the caller passes the clock and the local time
 * zone offset (minutes east of UTC, i.e. `-new Date(now).getTimezoneOffset()`).
 *
 * "Until tomorrow" means until the next local 08:00: a pause at 23:00 ends at 08:00 the next
 * day, and one at 02:00 ends at 08:00 the same day (the user's "tomorrow morning"). Midnight
 * would wake the user with whatever queued up overnight, hence the morning. On a night with a
 * daylight-saving change the end can be an hour off, which is harmless for a pause.
 */
const HOUR = 3_600_000
const DAY = 24 * HOUR
export const MORNING_HOUR = 8

export function pauseForOneHour(now: number): number {
  return now + HOUR
}

export function pauseUntilTomorrow(now: number, tzOffsetMinutes: number): number {
  const offset = tzOffsetMinutes * 60_000
  const local = now + offset
  const localMidnight = Math.floor(local / DAY) * DAY
  let target = localMidnight + MORNING_HOUR * HOUR
  if (target <= local) target += DAY
  return target - offset
}

/** Whether a pause set by the core is still running. */
export function isPaused(pausedUntil: number | undefined, now: number): boolean {
  return pausedUntil !== undefined && pausedUntil > now
}

/** "14:05" in local time, for menu labels. */
export function localClock(at: number, tzOffsetMinutes: number): string {
  const d = new Date(at + tzOffsetMinutes * 60_000)
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`
}
