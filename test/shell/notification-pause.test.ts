import { describe, expect, it } from 'vitest'
import { isPaused, localClock, pauseForOneHour, pauseUntilTomorrow } from '../../src-main/shell/notification-pause'

const at = (iso: string) => Date.parse(iso)

describe('notification pause times', () => {
  it('pauses for exactly one hour', () => {
    expect(pauseForOneHour(at('2025-03-10T14:20:00Z'))).toBe(at('2025-03-10T15:20:00Z'))
  })

  it('pauses until 08:00 local time the next day when asked in the evening', () => {
    // 23:30 in Berlin winter time (UTC+1) -> 08:00 Berlin next day = 07:00 UTC.
    expect(pauseUntilTomorrow(at('2025-03-10T22:30:00Z'), 60)).toBe(at('2025-03-11T07:00:00Z'))
  })

  it('pauses until 08:00 the same day when asked after midnight', () => {
    // 02:00 in New York (UTC-5) -> 08:00 New York = 13:00 UTC the same date.
    expect(pauseUntilTomorrow(at('2025-03-05T07:00:00Z'), -300)).toBe(at('2025-03-05T13:00:00Z'))
  })

  it('asked at 08:00 sharp, waits a full day', () => {
    expect(pauseUntilTomorrow(at('2025-03-05T08:00:00Z'), 0)).toBe(at('2025-03-06T08:00:00Z'))
  })

  it('handles offsets that cross the UTC date line', () => {
    // 09:00 in Auckland (UTC+13) on 6 March is 20:00 UTC on 5 March -> 08:00 Auckland 7 March = 19:00 UTC 6 March.
    expect(pauseUntilTomorrow(at('2025-03-05T20:00:00Z'), 780)).toBe(at('2025-03-06T19:00:00Z'))
  })

  it('knows when a pause is running and shows its end in local time', () => {
    const until = at('2025-03-11T07:00:00Z')
    expect(isPaused(until, until - 1)).toBe(true)
    expect(isPaused(until, until)).toBe(false)
    expect(isPaused(undefined, 0)).toBe(false)
    expect(localClock(until, 60)).toBe('08:00')
    expect(localClock(at('2025-03-11T07:05:00Z'), -300)).toBe('02:05')
  })
})
