import { describe, expect, it } from 'vitest'
import {
  formatBytes, formatDuration, formatRate, formatRelative, fromDateTimeLocal, shortAppName, toDateTimeLocal,
} from '../../../src-renderer/src/lib/format'
import { connectionText } from '../../../src-renderer/src/lib/agent-health'
import { appendThroughput } from '../../../src-renderer/src/stores/traffic'
import { T0 } from '../view-factories'

describe('format', () => {
  it('formats bytes in decimal units and rates in bits per second', () => {
    expect(formatBytes(999)).toBe('999 B')
    expect(formatBytes(1500)).toBe('1.50 KB')
    expect(formatBytes(2_345_678_901)).toBe('2.35 GB')
    expect(formatRate(125_000)).toBe('1.00 Mbit/s')
    expect(formatRate(12)).toBe('96 bit/s')
    expect(formatBytes(Number.NaN)).toBe('–')
  })

  it('formats durations and times relative to a given now', () => {
    expect(formatDuration(59_000)).toBe('59 s')
    expect(formatDuration(3_720_000)).toBe('1 h 2 min')
    expect(formatDuration(90_000_000)).toBe('1 d 1 h')
    expect(formatRelative(T0 - 180_000, T0)).toBe('3 min ago')
    expect(formatRelative(T0 + 5000, T0)).toBe('in 5 s')
    expect(formatRelative(T0, T0 + 200)).toBe('just now')
  })

  it('round-trips datetime-local values and rejects junk', () => {
    const t = new Date(2025, 2, 4, 5, 6).getTime()
    expect(toDateTimeLocal(t)).toBe('2025-03-04T05:06')
    expect(fromDateTimeLocal('2025-03-04T05:06')).toBe(t)
    expect(fromDateTimeLocal('')).toBeUndefined()
    expect(shortAppName('netify.youtube')).toBe('youtube')
  })

  it('shows the reconnect countdown of a disconnected agent', () => {
    expect(connectionText({ status: 'disconnected', since: T0, attempt: 3, nextRetryAt: T0 + 8000 }, T0 + 3000)).toBe('Disconnected, retrying in 5 s')
    expect(connectionText({ status: 'connected', since: T0, attempt: 0 }, T0 + 120_000)).toBe('Connected for 2 min')
  })
})

describe('throughput ring', () => {
  it('keeps the last 15 minutes before the newest point, ordered, without duplicates', () => {
    const old = [{ t: T0, in: 1, out: 1 }, { t: T0 + 60_000, in: 2, out: 2 }]
    const added = [{ t: T0 + 60_000, in: 3, out: 3 }, { t: T0 + 15 * 60_000 + 1, in: 4, out: 4 }]
    expect(appendThroughput(old, added)).toEqual([{ t: T0 + 60_000, in: 3, out: 3 }, { t: T0 + 15 * 60_000 + 1, in: 4, out: 4 }])
  })
})
