/** Resolve on the first SIGINT or SIGTERM, so long-running commands can close cleanly and flush. */
export function waitForStopSignal(): { promise: Promise<NodeJS.Signals>; cancel(): void } {
  let handler: (signal: NodeJS.Signals) => void = () => {}
  const promise = new Promise<NodeJS.Signals>((resolve) => {
    handler = (signal) => {
      cancel()
      resolve(signal)
    }
    process.once('SIGINT', handler)
    process.once('SIGTERM', handler)
  })
  const cancel = (): void => {
    process.removeListener('SIGINT', handler)
    process.removeListener('SIGTERM', handler)
  }
  return { promise, cancel }
}
