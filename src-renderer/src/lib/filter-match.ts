/**
 * Compiles a filter AST (see filter-parse.ts) into a predicate over flow rows.
 *
 * Compiling once per expression (globs turned into regular expressions, values lower-cased)
 * keeps filtering 100k rows a tight loop. Device names are not on the row, so the caller passes a
 * lookup from the local MAC to the device's alias and vendor.
 */
import type { FlowRow } from '@contract/views'
import type { TextField } from './filter-fields'
import type { CompareOp, FilterNode } from './filter-parse'
import { parseFilter } from './filter-parse'

export interface DeviceNames {
  alias?: string
  vendor?: string
}

/** Local MAC -> the names a user knows the device by, if any. */
export type DeviceLookup = (mac: string) => DeviceNames | undefined

export type FlowPredicate = (row: FlowRow) => boolean

type TextTest = (text: string | undefined) => boolean
type Values = (row: FlowRow, lookup: DeviceLookup) => Array<string | undefined>

function deviceValues(row: FlowRow, lookup: DeviceLookup): Array<string | undefined> {
  if (!row.localMac) return []
  const names = lookup(row.localMac)
  return [row.localMac, names?.alias, names?.vendor]
}

const TEXT_VALUES: Record<TextField, Values> = {
  app: (r) => [r.application],
  proto: (r) => [r.protocol],
  sni: (r) => [r.host],
  device: deviceValues,
  ip: (r) => [r.localIp, r.otherIp],
  mac: (r) => [r.localMac],
  agent: (r) => [r.agentId],
  iface: (r) => [r.iface],
  type: (r) => [r.otherType],
}
const ALL_TEXT = Object.values(TEXT_VALUES)

const NUMERIC_VALUES: Record<'risk' | 'bytes' | 'rate' | 'port', (r: FlowRow) => Array<number | undefined>> = {
  risk: (r) => [r.riskScore],
  bytes: (r) => [r.totalBytes],
  rate: (r) => [r.rateIn + r.rateOut],
  port: (r) => [r.localPort, r.otherPort],
}

const COMPARE: Record<CompareOp, (a: number, b: number) => boolean> = {
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '=': (a, b) => a === b,
}

/** Substring test, or a whole-text glob when the value holds `*`; case-insensitive either way. */
export function textTest(value: string): TextTest {
  if (value.includes('*')) {
    const source = value.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')
    const re = new RegExp(`^${source}$`, 'is')
    return (text) => text !== undefined && re.test(text)
  }
  const needle = value.toLowerCase()
  return (text) => text !== undefined && text.toLowerCase().includes(needle)
}

function compileNode(node: FilterNode, lookup: DeviceLookup): FlowPredicate {
  switch (node.kind) {
    case 'and': {
      const parts = node.children.map((c) => compileNode(c, lookup))
      return (row) => parts.every((p) => p(row))
    }
    case 'or': {
      const parts = node.children.map((c) => compileNode(c, lookup))
      return (row) => parts.some((p) => p(row))
    }
    case 'not': {
      const inner = compileNode(node.child, lookup)
      return (row) => !inner(row)
    }
    case 'text': {
      const test = textTest(node.value)
      const sources = node.field ? [TEXT_VALUES[node.field]] : ALL_TEXT
      return (row) => sources.some((values) => values(row, lookup).some(test))
    }
    case 'compare': {
      const values = NUMERIC_VALUES[node.field]
      const cmp = COMPARE[node.op]
      return (row) => values(row).some((v) => v !== undefined && cmp(v, node.value))
    }
    case 'bool':
      return (row) => (row.closedReason !== undefined || row.closedAt !== undefined) === node.value
  }
}

/** A null AST (empty expression) matches every flow. */
export function compileFilter(ast: FilterNode | null, lookup: DeviceLookup = () => undefined): FlowPredicate {
  return ast ? compileNode(ast, lookup) : () => true
}

/** Parse and compile in one step; throws the parse error message (for tests and scripts). */
export function flowFilter(expression: string, lookup?: DeviceLookup): FlowPredicate {
  const parsed = parseFilter(expression)
  if (!parsed.ok) throw new Error(parsed.error.message)
  return compileFilter(parsed.ast, lookup)
}
