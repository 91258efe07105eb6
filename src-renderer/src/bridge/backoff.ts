/**
 * Reconnect delay for the WebSocket bridge: doubles per failed attempt up to a ceiling, so a
 * restarted core is found quickly and a stopped one is not hammered.
 */
export function reconnectDelayMs(attempt: number, baseMs = 500, maxMs = 15_000): number {
  const exp = Math.min(attempt, 16)
  return Math.min(maxMs, baseMs * 2 ** exp)
}
