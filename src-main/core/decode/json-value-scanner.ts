/**
 * Finds where one JSON object or array ends in a byte stream that has no delimiters
 * (5.x stream channels send objects back to back, compact or pretty-printed).
 *
 * It tracks only nesting depth, strings and escapes: validating is `JSON.parse`'s job once the
 * value is whole. The state survives between calls, so bytes that arrive later are scanned once.
 */
export class JsonValueScanner {
  private depth = 0
  private inString = false
  private escaped = false
  /** Bytes of the current value scanned so far. */
  scanned = 0

  reset(): void {
    this.depth = 0
    this.inString = false
    this.escaped = false
    this.scanned = 0
  }

  /**
   * Scan `buf[from..to)`, which continues the value. Returns the index just past the value's
   * closing bracket, or -1 when the value goes on past `to`.
   */
  scan(buf: Uint8Array, from: number, to: number): number {
    let depth = this.depth
    let inString = this.inString
    let escaped = this.escaped
    let i = from
    while (i < to) {
      const c = buf[i++]
      if (inString) {
        if (escaped) escaped = false
        else if (c === 0x5c) escaped = true
        else if (c === 0x22) inString = false
      } else if (c === 0x22) {
        inString = true
      } else if (c === 0x7b || c === 0x5b) {
        depth++
      } else if (c === 0x7d || c === 0x5d) {
        if (--depth <= 0) {
          this.scanned += i - from
          this.reset()
          return i
        }
      }
    }
    this.depth = depth
    this.inString = inString
    this.escaped = escaped
    this.scanned += to - from
    return -1
  }
}

/** JSON insignificant whitespace: space, tab, LF, CR. */
export function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09
}
