/**
 * The `netify-monitor` command table: name -> command. Add a command by adding one line.
 */
import type { CliCommand } from './command'
import { alertsCommand } from './alerts'
import { historyCommand } from './history'
import { recordCommand } from './record'
import { replayAgentCommand } from './replay-agent'
import { summaryCommand } from './summary'
import { tailCommand } from './tail'
import { webCommand } from './web'

export type { CliCommand } from './command'

export const commands: Record<string, CliCommand> = {
  summary: summaryCommand,
  tail: tailCommand,
  record: recordCommand,
  'replay-agent': replayAgentCommand,
  alerts: alertsCommand,
  history: historyCommand,
  web: webCommand,
}
