/**
 * The `netify-monitor` dispatcher: picks a command from the table and turns every failure into
 * one line on stderr and a non-zero exit code, never a stack trace.
 */
import { commands } from './commands'
import { CliError, EXIT_USAGE, messageOf } from './cli-error'

export function usage(): string {
  const lines = Object.entries(commands).map(([name, cmd]) => `  netify-monitor ${cmd.usage ?? name}`)
  return ['usage:', ...lines, '', 'SOURCE is a recording file, tcp://HOST:PORT or unix:PATH.', ''].join('\n')
}

/** Run one command line; resolves to the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage())
    return name === undefined ? EXIT_USAGE : 0
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined
  if (!command) {
    process.stderr.write(`netify-monitor: unknown command "${name}" (try --help)\n`)
    return EXIT_USAGE
  }
  try {
    return await command(rest)
  } catch (error) {
    const usageError = isUsageError(error)
    const code = error instanceof CliError ? error.exitCode : usageError ? EXIT_USAGE : 1
    const message = usageError ? `${messageOf(error).split('. To specify')[0]} (try --help)` : messageOf(error)
    process.stderr.write(`netify-monitor ${name}: ${oneLine(message)}\n`)
    return code
  }
}

/** `node:util` parseArgs reports wrong options with these codes. */
function isUsageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim()
}
