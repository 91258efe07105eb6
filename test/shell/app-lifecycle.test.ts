import { describe, expect, it } from 'vitest'
import { createQuitCoordinator, decideWindowClose, STOP_TIMEOUT_MS } from '../../src-main/shell/app-lifecycle'

function setup(stop: () => Promise<void>) {
  const quits: number[] = []
  const logs: string[] = []
  const timers: Array<() => void> = []
  const coordinator = createQuitCoordinator({
    stop,
    quit: () => quits.push(1),
    timers: { setTimeout: (fn) => { timers.push(fn); return fn }, clearTimeout: (h) => { timers.splice(timers.indexOf(h as () => void), 1) } },
    log: (m) => logs.push(m),
  })
  const event = () => {
    const e = { prevented: false, preventDefault() { e.prevented = true } }
    return e
  }
  return { coordinator, quits, logs, timers, event }
}

describe('quitting', () => {
  it('holds the quit until the core stopped, then quits once and lets it through', async () => {
    let finishStop!: () => void
    const t = setup(() => new Promise<void>((r) => { finishStop = r }))
    const first = t.event()
    t.coordinator.onBeforeQuit(first)
    expect(first.prevented).toBe(true)
    expect(t.coordinator.quitting()).toBe(true)
    const again = t.event()
    t.coordinator.onBeforeQuit(again)
    expect(again.prevented).toBe(true)
    expect(t.quits).toEqual([])
    finishStop()
    await new Promise((r) => setTimeout(r, 0))
    expect(t.quits).toEqual([1])
    const final = t.event()
    t.coordinator.onBeforeQuit(final)
    expect(final.prevented).toBe(false)
    expect(t.timers).toHaveLength(0)
  })

  it('still quits when stopping fails, and says why', async () => {
    const t = setup(() => Promise.reject(new Error('database is locked')))
    t.coordinator.onBeforeQuit(t.event())
    await new Promise((r) => setTimeout(r, 0))
    expect(t.quits).toEqual([1])
    expect(t.logs).toEqual(['Stopping the core failed: database is locked'])
  })

  it('quits anyway when the core hangs past the timeout', () => {
    const t = setup(() => new Promise<void>(() => undefined))
    t.coordinator.onBeforeQuit(t.event())
    t.timers[0]()
    expect(t.quits).toEqual([1])
    expect(t.logs[0]).toContain(`${STOP_TIMEOUT_MS / 1000} s`)
  })
})

describe('closing the window', () => {
  it('hides to the tray only when asked, a tray exists and the app is not quitting', () => {
    expect(decideWindowClose({ quitting: false, closeToTray: true, hasTray: true })).toBe('hide')
    expect(decideWindowClose({ quitting: true, closeToTray: true, hasTray: true })).toBe('close')
    expect(decideWindowClose({ quitting: false, closeToTray: false, hasTray: true })).toBe('close')
    expect(decideWindowClose({ quitting: false, closeToTray: true, hasTray: false })).toBe('close')
  })
})
