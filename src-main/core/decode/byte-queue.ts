/**
 * A growable window over the bytes of one connection that have arrived but are not yet framed.
 *
 * Appending copies only the new bytes (amortised), so a large frame that trickles in byte by
 * byte costs linear time, not quadratic as `Buffer.concat` on every chunk would.
 */
export class ByteQueue {
  private store: Buffer = Buffer.allocUnsafe(0)
  private head = 0
  private tail = 0
  /** Stream offset of `head` (bytes consumed so far). */
  private consumed = 0

  /** Bytes held. */
  get length(): number {
    return this.tail - this.head
  }

  /** Stream offset of the first held byte. */
  get offset(): number {
    return this.consumed
  }

  /** The held bytes as one Buffer (a view: valid until the next append or consume). */
  get bytes(): Buffer {
    return this.store.subarray(this.head, this.tail)
  }

  /** The backing buffer and where the held bytes sit in it, for hot loops. */
  get raw(): { buf: Buffer; start: number; end: number } {
    return { buf: this.store, start: this.head, end: this.tail }
  }

  append(chunk: Uint8Array): void {
    if (chunk.length === 0) return
    const held = this.tail - this.head
    if (this.tail + chunk.length > this.store.length) {
      if (held + chunk.length <= this.store.length && this.head >= held) {
        this.store.copy(this.store, 0, this.head, this.tail)
      } else {
        const grown = Buffer.allocUnsafe(Math.max(held + chunk.length, this.store.length * 2, 4096))
        this.store.copy(grown, 0, this.head, this.tail)
        this.store = grown
      }
      this.head = 0
      this.tail = held
    }
    this.store.set(chunk, this.tail)
    this.tail += chunk.length
  }

  /** Drop `n` bytes from the front. */
  consume(n: number): void {
    const k = Math.min(n, this.tail - this.head)
    this.head += k
    this.consumed += k
    if (this.head === this.tail) {
      this.head = 0
      this.tail = 0
      if (this.store.length > 1 << 20) this.store = Buffer.allocUnsafe(0)
    }
  }

  /** Byte at `i` counted from the first held byte. */
  at(i: number): number {
    return this.store[this.head + i]
  }
}
