/**
 * Periods during which an agent's view of the network was incomplete (drops, stalls,
 * disconnections, restarts), kept as data with a start and an end so history can show the gaps.
 * Bounded: the newest closed periods are kept, open ones always.
 */
import type { BlindSpotKind, BlindSpotView } from '../../contract/views'

const MAX_CLOSED = 50

export class BlindSpotLog {
  private readonly open = new Map<string, BlindSpotView>()
  private readonly closed: BlindSpotView[] = []

  constructor(private readonly agentId: string) {}

  /** Open a period unless one of this kind (and interface) is already open; true when opened. */
  begin(kind: BlindSpotKind, start: number, detail: string, iface?: string): BlindSpotView | undefined {
    const key = `${kind}/${iface ?? ''}`
    const existing = this.open.get(key)
    if (existing) {
      existing.detail = detail
      return undefined
    }
    const spot: BlindSpotView = { kind, agentId: this.agentId, start, detail, ...(iface !== undefined ? { interface: iface } : {}) }
    this.open.set(key, spot)
    return spot
  }

  end(kind: BlindSpotKind, at: number, iface?: string): boolean {
    const key = `${kind}/${iface ?? ''}`
    const spot = this.open.get(key)
    if (!spot) return false
    this.open.delete(key)
    spot.end = Math.max(at, spot.start)
    this.pushClosed(spot)
    return true
  }

  /** A period already over when it is learned (an agent restart). */
  record(kind: BlindSpotKind, start: number, end: number, detail: string): BlindSpotView {
    const spot: BlindSpotView = { kind, agentId: this.agentId, start, end: Math.max(start, end), detail }
    this.pushClosed(spot)
    return spot
  }

  isOpen(kind: BlindSpotKind, iface?: string): boolean {
    return this.open.has(`${kind}/${iface ?? ''}`)
  }

  /** Close every open period of the given kinds (e.g. when the stream resumes). */
  endAll(kinds: BlindSpotKind[], at: number): number {
    let n = 0
    for (const [key, spot] of [...this.open]) {
      if (!kinds.includes(spot.kind)) continue
      this.open.delete(key)
      spot.end = Math.max(at, spot.start)
      this.pushClosed(spot)
      n++
    }
    return n
  }

  views(): BlindSpotView[] {
    return [...this.closed, ...this.open.values()].map((s) => ({ ...s }))
  }

  private pushClosed(spot: BlindSpotView): void {
    this.closed.push(spot)
    if (this.closed.length > MAX_CLOSED) this.closed.shift()
  }
}
