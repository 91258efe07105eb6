import { describe, expect, it } from 'vitest'
import { WindowLink, windowVisible } from '../../src-main/shell/window-link'
import { createFakeCore } from '../contract/fake-core'
import { emptySnapshot, sampleSettings } from '../contract/sample-views'

function setup() {
  const core = createFakeCore()
  const sent: Array<{ channel: string; payload: unknown }> = []
  const link = new WindowLink({ core, send: (channel, payload) => sent.push({ channel, payload }) })
  return { core, sent, link }
}

describe('window link', () => {
  it('opens one session per loaded page and closes it when the page goes', () => {
    const t = setup()
    t.link.pageLoaded()
    t.link.pageLoaded()
    expect(t.core.sessions).toHaveLength(1)
    t.link.pageGone()
    expect(t.core.sessions[0].closed).toBe(true)
    t.link.pageLoaded()
    expect(t.core.sessions).toHaveLength(2)
  })

  it('sends the session pushes on their own channels', () => {
    const t = setup()
    t.link.pageLoaded()
    t.core.push('navigate', { view: 'flows' })
    expect(t.sent).toEqual([
      { channel: 'netify:push:snapshot', payload: emptySnapshot(1, 1000) },
      { channel: 'netify:push:navigate', payload: { view: 'flows' } },
    ])
  })

  it('passes window visibility to the session, including the state before it opened', () => {
    const t = setup()
    t.link.setVisible(true)
    t.link.pageLoaded()
    t.link.setVisible(false)
    t.link.setVisible(false)
    t.link.setVisible(true)
    expect(t.core.sessions[0].visibility).toEqual([true, false, true])
  })

  it('opens the session on the first request and answers snapshot.get and view.visibility from it', async () => {
    const t = setup()
    const snap = await t.link.dispatch('snapshot.get', {})
    expect(snap).toEqual({ ok: true, result: emptySnapshot(2, 2000) })
    await t.link.dispatch('view.visibility', { visible: false })
    t.link.pageLoaded()
    expect(t.core.sessions).toHaveLength(1)
    expect(t.core.sessions[0].visibility).toEqual([false])
    expect(t.core.calls).toEqual([])
  })

  it('holds a navigate until the page is there', () => {
    const t = setup()
    t.link.navigate({ view: 'alerts', alertId: 'a1' })
    expect(t.sent).toEqual([])
    t.link.pageLoaded()
    expect(t.sent.map((s) => s.channel)).toEqual(['netify:push:snapshot', 'netify:push:navigate'])
    expect(t.sent[1].payload).toEqual({ view: 'alerts', alertId: 'a1' })
    t.link.navigate({ view: 'alerts', alertId: 'a2' })
    expect(t.sent).toHaveLength(3)
  })

  it('learns the close-to-tray setting from snapshots, deltas and settings answers', async () => {
    const t = setup()
    expect(t.link.closeToTray()).toBe(false)
    t.link.pageLoaded()
    expect(t.link.closeToTray()).toBe(sampleSettings().closeToTray)
    t.core.push('delta', { seq: 2, at: 0, settings: { ...sampleSettings(), closeToTray: false } })
    expect(t.link.closeToTray()).toBe(false)
    t.core.push('delta', { seq: 3, at: 0 })
    expect(t.link.closeToTray()).toBe(false)
    await t.link.dispatch('settings.update', { settings: { ...sampleSettings(), closeToTray: true } })
    expect(t.link.closeToTray()).toBe(true)
  })

  it('treats a minimised window as hidden', () => {
    expect(windowVisible({ isVisible: () => true, isMinimized: () => true })).toBe(false)
    expect(windowVisible({ isVisible: () => true, isMinimized: () => false })).toBe(true)
    expect(windowVisible({ isVisible: () => false, isMinimized: () => false })).toBe(false)
  })
})
