import { describe, expect, it } from 'vitest'
import { formatRate, trayTooltip } from '../../src-main/shell/tray-tooltip'

describe('tray tooltip', () => {
  it('formats byte rates in decimal units', () => {
    expect(formatRate(0)).toBe('0 B/s')
    expect(formatRate(950)).toBe('950 B/s')
    expect(formatRate(1234)).toBe('1.23 kB/s')
    expect(formatRate(45_600)).toBe('45.6 kB/s')
    expect(formatRate(999_999)).toBe('1.00 MB/s')
    expect(formatRate(2.5e9)).toBe('2.50 GB/s')
    expect(formatRate(Number.NaN)).toBe('0 B/s')
    expect(formatRate(-5)).toBe('0 B/s')
  })

  it('shows agents up, unread alerts and rates within the Windows tooltip limit', () => {
    const text = trayTooltip({ state: 'down', unread: 12, agentsUp: 2, agentsTotal: 3, rateIn: 1_250_000, rateOut: 80_000, profiles: [] })
    expect(text.split('\n')).toEqual(['Netify Monitor', 'Agents up: 2/3', '12 unread alerts', 'In 1.25 MB/s, out 80.0 kB/s'])
    expect(text.length).toBeLessThanOrEqual(127)
  })

  it('says when there is nothing to monitor', () => {
    expect(trayTooltip({ state: 'idle', unread: 0, agentsUp: 0, agentsTotal: 0, rateIn: 0, rateOut: 0, profiles: [] })).toBe('Netify Monitor\nNo agents configured')
  })

  it('uses the singular for one alert', () => {
    expect(trayTooltip({ state: 'unread', unread: 1, agentsUp: 1, agentsTotal: 1, rateIn: 0, rateOut: 0, profiles: [] })).toContain('1 unread alert\n')
  })
})
