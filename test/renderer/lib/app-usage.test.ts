import { describe, expect, it } from 'vitest'
import { APP_WINDOW_MS, appUsage } from '../../../src-renderer/src/lib/app-usage'
import { makeFlow, T0 } from '../view-factories'

const A = 'aa:bb:cc:00:00:01'
const B = 'aa:bb:cc:00:00:02'
const APP = { id: 10, name: 'netify.netflix' }

describe('appUsage', () => {
  it('covers the flows the application figures cover: open, or closed within the live window', () => {
    const flows = [
      makeFlow('a/1', { localMac: A, applicationId: 10, bytesOut: 100, bytesIn: 900, totalBytes: 50_000, rateOut: 20, rateIn: 180 }),
      makeFlow('a/2', { localMac: A, applicationId: 10, bytesOut: 5, bytesIn: 5, closedAt: T0 - 60_000 }),
      makeFlow('a/3', { localMac: B, applicationId: 10, bytesOut: 7, bytesIn: 3, closedAt: T0 - APP_WINDOW_MS - 1 }),
      makeFlow('a/4', { localMac: B, applicationId: 20, bytesOut: 1, bytesIn: 1 }),
    ]
    const usage = appUsage(flows, APP, T0)
    expect(usage.devices).toEqual([{ key: A, flows: 2, bytes: 1010, rate: 200 }])
  })
})
