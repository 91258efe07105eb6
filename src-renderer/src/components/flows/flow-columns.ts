/**
 * The flow table's columns: what each shows, how it sorts, how wide it is. One list drives the
 * header, the cells, the column chooser and the sort, so they cannot disagree.
 */
import type { FlowRow } from '@contract/views'
import { formatBytes, formatDateTime, formatRate, shortAppName } from '../../lib/format'

/** Local MAC -> the name the user gave the device (or its vendor), if any. */
export type DeviceNameOf = (mac: string) => string | undefined

export type SortValue = string | number | undefined

export interface FlowColumn {
  id: string
  /** The name in the column chooser, and the header's tooltip. */
  label: string
  /** A shorter header where the label would not fit the column (e.g. "Port" after "Remote address"). */
  header?: string
  /** Minimum pixels; the table is a fixed grid so rows need no measuring. */
  width: number
  /** Share of the spare width this column takes when the window is wider than the columns. */
  grow?: number
  numeric?: boolean
  shownByDefault: boolean
  sortValue: (row: FlowRow, deviceName: DeviceNameOf) => SortValue
  text: (row: FlowRow, deviceName: DeviceNameOf) => string
}

const orDash = (v: string | number | undefined): string => (v === undefined || v === '' ? '–' : String(v))
const deviceLabel = (r: FlowRow, name: DeviceNameOf): string | undefined => (r.localMac ? (name(r.localMac) ?? r.localMac) : undefined)

/**
 * Widths are minimums at the grid's 13 px font; the default set (about 1000 px) fits a 1280 px
 * window beside the navigation (and a 17 px scroll bar), the extra space going to the text columns.
 */
export const FLOW_COLUMNS: readonly FlowColumn[] = [
  { id: 'device', label: 'Device', width: 136, grow: 1, shownByDefault: true, sortValue: deviceLabel, text: (r, n) => orDash(deviceLabel(r, n)) },
  { id: 'localIp', label: 'Local address', width: 132, grow: 1, shownByDefault: false, sortValue: (r) => r.localIp, text: (r) => orDash(r.localIp) },
  { id: 'localPort', label: 'Local port', width: 84, numeric: true, shownByDefault: false, sortValue: (r) => r.localPort, text: (r) => orDash(r.localPort) },
  {
    id: 'direction', label: 'Direction', header: 'Dir.', width: 44, shownByDefault: true,
    sortValue: (r) => (r.localOrigin === undefined ? undefined : r.localOrigin ? 0 : 1),
    text: (r) => (r.localOrigin === undefined ? '–' : r.localOrigin ? 'out' : 'in'),
  },
  { id: 'otherIp', label: 'Remote address', width: 132, grow: 1, shownByDefault: true, sortValue: (r) => r.otherIp, text: (r) => orDash(r.otherIp) },
  { id: 'otherPort', label: 'Remote port', header: 'Port', width: 58, numeric: true, shownByDefault: true, sortValue: (r) => r.otherPort, text: (r) => orDash(r.otherPort) },
  { id: 'protocol', label: 'Protocol', width: 84, grow: 0.5, shownByDefault: true, sortValue: (r) => r.protocol, text: (r) => r.protocol },
  { id: 'application', label: 'Application', width: 100, grow: 1, shownByDefault: true, sortValue: (r) => r.application, text: (r) => shortAppName(r.application) },
  { id: 'host', label: 'Host / SNI', width: 130, grow: 2, shownByDefault: true, sortValue: (r) => r.host, text: (r) => orDash(r.host) },
  { id: 'risk', label: 'Risk score', header: 'Risk', width: 52, numeric: true, shownByDefault: true, sortValue: (r) => r.riskScore, text: (r) => String(r.riskScore) },
  { id: 'bytesOut', label: 'Sent', width: 76, numeric: true, shownByDefault: false, sortValue: (r) => r.bytesOut, text: (r) => formatBytes(r.bytesOut) },
  { id: 'bytesIn', label: 'Received', width: 80, numeric: true, shownByDefault: false, sortValue: (r) => r.bytesIn, text: (r) => formatBytes(r.bytesIn) },
  { id: 'totalBytes', label: 'Total bytes', header: 'Total', width: 68, numeric: true, shownByDefault: true, sortValue: (r) => r.totalBytes, text: (r) => formatBytes(r.totalBytes) },
  { id: 'rate', label: 'Rate', width: 88, numeric: true, shownByDefault: true, sortValue: (r) => r.rateIn + r.rateOut, text: (r) => formatRate(r.rateIn + r.rateOut) },
  { id: 'firstSeen', label: 'First seen', width: 130, shownByDefault: false, sortValue: (r) => r.firstSeen, text: (r) => (r.firstSeen ? formatDateTime(r.firstSeen) : '–') },
  { id: 'lastSeen', label: 'Last seen', width: 130, shownByDefault: true, sortValue: (r) => r.lastSeen, text: (r) => (r.lastSeen ? formatDateTime(r.lastSeen) : '–') },
  { id: 'state', label: 'State', width: 80, shownByDefault: false, sortValue: (r) => r.closedReason ?? 'open', text: (r) => r.closedReason ?? 'open' },
  { id: 'agent', label: 'Agent', width: 120, grow: 1, shownByDefault: false, sortValue: (r) => r.agentId, text: (r) => r.agentId },
  { id: 'iface', label: 'Interface', width: 80, shownByDefault: false, sortValue: (r) => r.iface, text: (r) => orDash(r.iface) },
]

export const DEFAULT_VISIBLE_COLUMNS: readonly string[] = FLOW_COLUMNS.filter((c) => c.shownByDefault).map((c) => c.id)
