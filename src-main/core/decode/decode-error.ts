/** A problem in the byte stream, reported with where it is rather than thrown. */
export interface DecodeError {
  /** Byte offset in the raw stream where the problem was found. */
  offset: number
  message: string
  /** true when the decoder gave up on this stream: the framing is unreadable. */
  fatal: boolean
}
