/**
 * A failure the user can act on: printed as one line on stderr (no stack trace) with its exit code.
 */
export class CliError extends Error {
  override name = 'CliError'
  constructor(message: string, readonly exitCode = 1) {
    super(message)
  }
}

/** Exit codes: 1 for a source that cannot be read, 2 for wrong usage. */
export const EXIT_FAILURE = 1
export const EXIT_USAGE = 2

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
