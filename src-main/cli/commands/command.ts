/**
 * The shape of one `netify-monitor` sub-command: argv after the command name in, exit code out.
 * `usage` (optional) is the one-line synopsis shown by `netify-monitor --help`.
 */
export type CliCommand = ((argv: string[]) => Promise<number>) & { usage?: string }

/** Attach a usage line to a command function. */
export function defineCommand(usage: string, run: (argv: string[]) => Promise<number>): CliCommand {
  return Object.assign(run, { usage })
}
