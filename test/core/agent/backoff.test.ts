import { describe, expect, it } from 'vitest'
import { DEFAULT_BACKOFF, nextBackoffDelay } from '../../../src-main/core/agent/backoff'

describe('nextBackoffDelay', () => {
  it('grows with each failed attempt whatever the jitter, until the cap', () => {
    for (const [low, high] of [[0, 0.999], [0.5, 0.5], [0.999, 0]]) {
      const delays = [0, 1, 2, 3, 4, 5].map((attempt, i) => nextBackoffDelay(attempt, () => (i % 2 ? high : low)))
      for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1])
    }
  })

  it('never exceeds the cap and never waits less than half a step', () => {
    for (let attempt = 0; attempt < 60; attempt++) {
      for (const r of [0, 0.3, 0.999]) {
        const d = nextBackoffDelay(attempt, () => r)
        expect(d).toBeLessThanOrEqual(DEFAULT_BACKOFF.capMs)
        expect(d).toBeGreaterThanOrEqual(Math.min(DEFAULT_BACKOFF.capMs, DEFAULT_BACKOFF.baseMs * 2 ** attempt) / 2)
      }
    }
  })

  it('spreads clients apart: different random draws give different delays', () => {
    expect(nextBackoffDelay(3, () => 0)).not.toBe(nextBackoffDelay(3, () => 0.9))
  })

  it('starts small after a good connection dropped (attempt 0)', () => {
    expect(nextBackoffDelay(0, () => 0.999)).toBeLessThanOrEqual(DEFAULT_BACKOFF.baseMs)
  })
})
