/**
 * Where an agent's stream comes from, parsed once from the text a user typed or a profile holds.
 *
 * Profiles, the CLI and the replay agent all name endpoints as `tcp://HOST:PORT` or `unix:PATH`
 * (netifyd 5.x spells its own bind addresses the same way), so one parser serves them all and
 * every caller reports the same clear error for a typo.
 */

export type AgentSource =
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'unix'; path: string }

/** A source string that is neither `tcp://HOST:PORT` nor `unix:PATH`. */
export class AgentSourceError extends Error {
  override name = 'AgentSourceError'
}

const TCP = /^tcp:\/\/(?:\[([0-9A-Fa-f:.%a-zA-Z]+)\]|([^\s/:[\]]+)):(\d{1,5})\/?$/

/** Parse `tcp://HOST:PORT`, `tcp://[IPv6]:PORT`, `unix:/path` or `unix:///path`; throws `AgentSourceError`. */
export function parseAgentSource(text: string): AgentSource {
  const trimmed = text.trim()
  if (trimmed.startsWith('tcp://')) return parseTcp(trimmed)
  if (trimmed.startsWith('unix:')) return parseUnix(trimmed)
  throw new AgentSourceError(`invalid agent source "${text}": expected tcp://HOST:PORT or unix:/PATH`)
}

function parseTcp(text: string): AgentSource {
  const m = TCP.exec(text)
  if (!m) throw new AgentSourceError(`invalid agent source "${text}": expected tcp://HOST:PORT (IPv6 as tcp://[::1]:PORT)`)
  const port = Number(m[3])
  if (port > 65535) throw new AgentSourceError(`invalid agent source "${text}": port ${port} is out of range`)
  return { kind: 'tcp', host: m[1] ?? m[2], port }
}

function parseUnix(text: string): AgentSource {
  let path = text.slice('unix:'.length)
  if (path.startsWith('//')) path = path.slice(2)
  if (!path.startsWith('/') && !path.startsWith('.')) {
    throw new AgentSourceError(`invalid agent source "${text}": expected unix:/absolute/path or unix:///absolute/path`)
  }
  return { kind: 'unix', path }
}

/** The canonical text of a source, as shown to users and written in messages. */
export function formatAgentSource(source: AgentSource): string {
  if (source.kind === 'unix') return `unix:${source.path}`
  const host = source.host.includes(':') ? `[${source.host}]` : source.host
  return `tcp://${host}:${source.port}`
}
