/**
 * Tooltip formatters. ECharts inserts formatter output as HTML, and series names are
 * application names, hostnames or device aliases from the network: every string is escaped here.
 */
import { escapeHtml } from '../lib/escape-html'
import { formatDateTime } from '../lib/format'
import type { TooltipParam } from './chart-types'

/** ECharts builds the coloured marker itself; accept only its own simple span markup. */
function safeMarker(marker: unknown): string {
  return typeof marker === 'string' && /^<span style="[^"<>]*"><\/span>$/.test(marker) ? marker : ''
}

function pointValue(value: unknown): number {
  const v = Array.isArray(value) ? value[1] : value
  return typeof v === 'number' ? v : Number(v ?? 0)
}

/** An axis tooltip: the time, then one "marker name: value" line per series, zero lines skipped. */
export function axisTooltipFormatter(formatValue: (v: number) => string, formatAxis: (t: number) => string = formatDateTime) {
  return (raw: unknown): string => {
    const params = (Array.isArray(raw) ? raw : [raw]) as TooltipParam[]
    if (params.length === 0) return ''
    const axis = params[0].axisValue
    const head = typeof axis === 'number' ? formatAxis(axis) : String(axis ?? '')
    const lines = params
      .filter((p) => pointValue(p.value) !== 0 || params.length <= 2)
      .map((p) => `${safeMarker(p.marker)}${escapeHtml(p.seriesName ?? '')}: ${escapeHtml(formatValue(pointValue(p.value)))}`)
    return [escapeHtml(head), ...lines].join('<br/>')
  }
}
