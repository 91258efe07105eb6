/**
 * Maps positions in the inflated stream back to the gzip members they came from, so frames
 * and errors are reported at raw socket offsets whatever the compression.
 */
interface Segment { logStart: number; logEnd: number; rawStart: number; rawEnd: number }

export class LogicalToRaw {
  private segments: Segment[] = []
  private logicalLength = 0

  add(length: number, rawStart: number, rawEnd: number): void {
    if (length === 0) return
    this.segments.push({ logStart: this.logicalLength, logEnd: this.logicalLength + length, rawStart, rawEnd })
    this.logicalLength += length
  }

  /** Raw start of the member holding inflated byte `pos`. */
  start(pos: number): number {
    const s = this.find(pos)
    return s ? s.rawStart : this.lastRawEnd()
  }

  /** Raw end of the member holding the inflated byte just before `end`. */
  end(end: number): number {
    const s = this.find(end - 1)
    return s ? s.rawEnd : this.lastRawEnd()
  }

  /** Drop members wholly before `pos`: nothing will be reported there again. */
  forgetBefore(pos: number): void {
    let k = 0
    while (k < this.segments.length - 1 && this.segments[k].logEnd <= pos) k++
    if (k > 0) this.segments = this.segments.slice(k)
  }

  private find(pos: number): Segment | undefined {
    for (const s of this.segments) if (pos >= s.logStart && pos < s.logEnd) return s
    return undefined
  }

  private lastRawEnd(): number {
    const last = this.segments[this.segments.length - 1]
    return last ? last.rawEnd : 0
  }
}
