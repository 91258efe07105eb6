/**
 * ECharts renders tooltips as HTML. Application names, hostnames and aliases come from the
 * network, so every such string passes through here before it reaches a formatter's output.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c])
}
