/**
 * Entry point of the `netify-monitor` command (built into out/main/cli.js; also runs from source
 * with `node --import tsx src-main/cli/cli.ts`). Plain Node: no electron import.
 */
import { runCli } from './run-cli'

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`netify-monitor: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  },
)
