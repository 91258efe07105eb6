import { describe, expect, it } from 'vitest'
import type { AppSeriesView, ThroughputPoint } from '@contract/views'
import { appSeriesOption, OTHER_SERIES } from '../../../src-renderer/src/charts/app-series-option'
import { appUsageOption } from '../../../src-renderer/src/charts/app-usage-option'
import { throughputOption } from '../../../src-renderer/src/charts/throughput-option'
import { historyOption } from '../../../src-renderer/src/charts/history-option'
import { axisTooltipFormatter } from '../../../src-renderer/src/charts/tooltip'
import { bucketByApplication } from '../../../src-renderer/src/lib/history'
import { formatRate } from '../../../src-renderer/src/lib/format'
import { T0 } from '../view-factories'

interface LooseSeries { name?: string; type?: string; stack?: string; areaStyle?: unknown; data?: unknown[] }
const seriesOf = (o: { series?: unknown }) => o.series as LooseSeries[]
const tooltipOf = (o: { tooltip?: unknown }) => (o.tooltip as { formatter: (p: unknown) => string }).formatter

const HOSTILE = '<img src=x onerror=alert(1)>'

describe('throughput chart', () => {
  it('has an In and an Out series carrying the points as [t, rate]', () => {
    const points: ThroughputPoint[] = [{ t: T0, in: 1000, out: 10 }, { t: T0 + 15_000, in: 2000, out: 20 }]
    const s = seriesOf(throughputOption(points))
    expect(s.map((x) => x.name)).toEqual(['In', 'Out'])
    expect(s[0].data).toEqual([[T0, 1000], [T0 + 15_000, 2000]])
    expect(s[1].data).toEqual([[T0, 10], [T0 + 15_000, 20]])
  })
})

describe('rate axis', () => {
  it('puts ticks on round bit rates although the data are bytes per second', () => {
    // 180 kB/s peak = 1.44 Mbit/s: ticks every 500 kbit/s up to 1.5 Mbit/s, not every 240 kbit/s.
    const points: ThroughputPoint[] = [{ t: T0, in: 180_000, out: 1_000 }]
    const axis = throughputOption(points).yAxis as { interval: number; max: number; axisLabel: { formatter: (v: number) => string } }
    expect(axis.interval * 8).toBe(500_000)
    expect(axis.max * 8).toBe(1_500_000)
    expect([1, 2, 3].map((k) => axis.axisLabel.formatter(k * axis.interval))).toEqual(['500 kbit/s', '1 Mbit/s', '1.5 Mbit/s'])
  })
})

describe('stacked applications chart', () => {
  const t = [T0, T0 + 15_000, T0 + 30_000]
  const appSeries: AppSeriesView = {
    t,
    series: [
      { id: 1, name: 'netify.youtube', values: [100, 200, 300] },
      { id: 2, name: 'netify.dns', values: [1, 1, 1] },
      { id: 3, name: HOSTILE, values: [50, 50, 50] },
      { id: 4, name: 'netify.ntp', values: [2, 0, 2] },
    ],
  }

  it('stacks one area per top application, largest first, the rest summed as Other', () => {
    const s = seriesOf(appSeriesOption(appSeries, undefined, 2))
    expect(s.map((x) => x.name)).toEqual(['youtube', HOSTILE, OTHER_SERIES])
    for (const x of s) {
      expect(x.type).toBe('line')
      expect(x.stack).toBe('applications')
      expect(x.areaStyle).toBeDefined()
    }
    expect(s[0].data).toEqual([[t[0], 100], [t[1], 200], [t[2], 300]])
    expect(s[2].data).toEqual([[t[0], 3], [t[1], 1], [t[2], 3]])
  })

  it('escapes a hostile application name in the tooltip and keeps the values', () => {
    const option = appSeriesOption(appSeries)
    const html = tooltipOf(option)([
      { seriesName: HOSTILE, marker: '<span style="color:red"></span>', value: [T0, 50], axisValue: T0 },
      { seriesName: 'youtube', marker: '<img src=x onerror=alert(2)>', value: [T0, 100], axisValue: T0 },
    ])
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('<span style="color:red"></span>')
    expect(html).toContain(`youtube: ${formatRate(100)}`)
  })
})

describe('history chart', () => {
  it('stacks bytes per application in buckets covering the range', () => {
    const from = T0
    const to = T0 + 3_600_000
    const rows = [
      { t: from, device: 'aa:aa:aa:aa:aa:aa', application: 'netify.a', bytesSent: 10, bytesReceived: 5 },
      { t: from + 60_000, device: 'aa:aa:aa:aa:aa:bb', application: 'netify.a', bytesSent: 1, bytesReceived: 1 },
      { t: from + 30 * 60_000, device: 'aa:aa:aa:aa:aa:aa', application: HOSTILE, bytesSent: 100, bytesReceived: 0 },
      { t: to + 60_000, device: 'aa:aa:aa:aa:aa:aa', application: 'netify.a', bytesSent: 999, bytesReceived: 0 },
    ]
    const b = bucketByApplication(rows, from, to, 30)
    expect(b.t).toHaveLength(30)
    const option = historyOption(b)
    const s = seriesOf(option)
    expect(s.map((x) => x.name).sort()).toEqual([HOSTILE, 'a'].sort())
    const a = s.find((x) => x.name === 'a')!
    expect(a.type).toBe('bar')
    expect(a.stack).toBe('bytes')
    expect(a.data?.[0]).toEqual([from, 17])
    expect((a.data as Array<[number, number]>).reduce((n, p) => n + p[1], 0)).toBe(17)
    const html = tooltipOf(option)([{ seriesName: HOSTILE, value: [from, 100], axisValue: from }])
    expect(html).not.toContain('<img')
  })
})

describe('tooltip formatter', () => {
  it('escapes the axis label too', () => {
    const f = axisTooltipFormatter(String)
    expect(f([{ seriesName: 'x', value: 1, axisValue: '<b>' }])).toBe('&lt;b&gt;<br/>x: 1')
  })
})

describe('application page chart', () => {
  const series = { t: [1000, 6000, 11000], series: [{ id: 7, name: 'netify.youtube', values: [10, 20, 30] }] }

  it('draws a top application from the live series', () => {
    const option = appUsageOption(series, 7) as { series: Array<{ data: number[][] }> }
    expect(option.series[0].data).toEqual([[1000, 10], [6000, 20], [11000, 30]])
  })

  it('draws an application outside the top ones from its own sparkline, ending at the newest time', () => {
    const option = appUsageOption(series, 9, undefined, { name: 'netify.facebook', spark: [1, 2, 3], end: 11000 }) as { series: Array<{ name: string; data: number[][] }> }
    const data = option.series[0].data
    expect(data.map((p) => p[1])).toEqual([1, 2, 3])
    expect(data[2][0]).toBe(11000)
    expect(data[1][0]).toBe(11000 - 5 * 60_000)
    expect(option.series[0].name).toContain('facebook')
  })
})
