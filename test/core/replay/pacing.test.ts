import { describe, expect, it } from 'vitest'
import { planDelays, recordTimeMs } from '../../../src-main/core/replay/pacing'

describe('planDelays', () => {
  const opts = { speed: 1, maxGapMs: 10_000 }

  it('waits the recorded gap between records, divided by the speed', () => {
    expect(planDelays([1000, 1500, 4000], opts)).toEqual([0, 500, 2500])
    expect(planDelays([1000, 1500, 4000], { ...opts, speed: 2 })).toEqual([0, 250, 1250])
  })

  it('sends records without a time, or older than the clock, with the previous one', () => {
    expect(planDelays([undefined, 1000, undefined, 900, 1200], opts)).toEqual([0, 0, 0, 0, 200])
  })

  it('cuts absurd silences short', () => {
    expect(planDelays([0, 3_600_000, 3_601_000], opts)).toEqual([0, 10_000, 1000])
  })

  it('sends everything at once at speed 0 or a huge speed', () => {
    expect(planDelays([0, 5000, 9000], { ...opts, speed: 0 })).toEqual([0, 0, 0])
    expect(planDelays([0, 5000, 9000], { ...opts, speed: 1e9 })).toEqual([0, 0, 0])
  })
})

describe('recordTimeMs', () => {
  it('reads status seconds and flow milliseconds', () => {
    expect(recordTimeMs({ type: 'agent_status', timestamp: 1796314366 })).toBe(1796314366000)
    expect(recordTimeMs({ type: 'flow', flow: { first_seen_at: 5, last_seen_at: 9 } })).toBe(9)
    expect(recordTimeMs({ type: 'flow', flow: { first_seen_at: 5 } })).toBe(5)
    expect(recordTimeMs({ type: 'agent_hello' })).toBeUndefined()
  })
})
