/**
 * The fields a flow filter expression may name, shared by the parser (to reject unknown names
 * early, with a position) and the matcher (to read the row). Kept apart from both so the help
 * popover lists exactly what the parser accepts.
 */

/** Fields compared as text: substring or glob, case-insensitive. */
export const TEXT_FIELDS = ['app', 'proto', 'sni', 'device', 'ip', 'mac', 'agent', 'iface', 'type'] as const
/** Fields compared as numbers with `>`, `>=`, `<`, `<=`, `=` (and `:` meaning `=`). */
export const NUMERIC_FIELDS = ['risk', 'bytes', 'rate', 'port'] as const
/** Fields that take yes/no. */
export const BOOLEAN_FIELDS = ['closed'] as const

export type TextField = (typeof TEXT_FIELDS)[number]
export type NumericField = (typeof NUMERIC_FIELDS)[number]
export type BooleanField = (typeof BOOLEAN_FIELDS)[number]
export type FilterField = TextField | NumericField | BooleanField

/** Other spellings users reach for; each maps onto one canonical field. */
export const FIELD_ALIASES: Readonly<Record<string, FilterField>> = {
  host: 'sni',
  application: 'app',
  protocol: 'proto',
  score: 'risk',
  interface: 'iface',
}

/** One line per field for the help popover: why a user would type it. */
export const FIELD_HELP: ReadonlyArray<{ field: string; example: string; meaning: string }> = [
  { field: 'app', example: 'app:netflix', meaning: 'application name' },
  { field: 'proto', example: 'proto:QUIC', meaning: 'detected protocol' },
  { field: 'sni / host', example: 'sni:*.google.com', meaning: 'TLS SNI, HTTP host or DNS name' },
  { field: 'device', example: 'device:"Living room TV"', meaning: 'local device alias, vendor or MAC' },
  { field: 'ip', example: 'ip:192.168.1.', meaning: 'local or remote address' },
  { field: 'port', example: 'port:443', meaning: 'local or remote port (number)' },
  { field: 'mac', example: 'mac:aa:bb', meaning: 'local MAC address' },
  { field: 'agent', example: 'agent:router', meaning: 'agent that saw the flow' },
  { field: 'iface', example: 'iface:eth0', meaning: 'capture interface' },
  { field: 'type', example: 'type:multicast', meaning: 'remote side: remote, local, multicast, broadcast' },
  { field: 'risk', example: 'risk>=50', meaning: 'risk score (number)' },
  { field: 'bytes', example: 'bytes>10M', meaning: 'total bytes (k, M, G suffixes)' },
  { field: 'rate', example: 'rate>1M', meaning: 'current bytes per second, both directions' },
  { field: 'closed', example: 'closed:no', meaning: 'whether the flow has ended' },
]

/** Resolves a typed field name (any case, alias allowed) to its canonical field. */
export function resolveField(name: string): FilterField | undefined {
  const lower = name.toLowerCase()
  if (lower in FIELD_ALIASES) return FIELD_ALIASES[lower]
  const all: readonly string[] = [...TEXT_FIELDS, ...NUMERIC_FIELDS, ...BOOLEAN_FIELDS]
  return all.includes(lower) ? (lower as FilterField) : undefined
}

export function isNumericField(field: FilterField): field is NumericField {
  return (NUMERIC_FIELDS as readonly string[]).includes(field)
}

export function isBooleanField(field: FilterField): field is BooleanField {
  return (BOOLEAN_FIELDS as readonly string[]).includes(field)
}
