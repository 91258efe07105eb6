/**
 * A 4.4 agent recording whose network strings are hostile HTML and script: real records of
 * `07-risks-ssh-smtp.raw` (hello, status, a TLS flow with risks, an HTTP flow) with every
 * string a user sees replaced, then a status every 5 s for a minute so the connection stays up.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { flowsOf, readLegacyRecords, writeLegacyRecords, type RecordJson } from './recordings'

export const HOSTILE = {
  host: '<img src=x onerror="window.__xss=1">',
  serverCn: '<script>window.__xss=2</script>',
  sni: '"><svg onload=window.__xss=3>',
  url: 'javascript:window.__xss=4',
  issuer: '<img src=x onerror=alert(5)>',
  subject: "{{ constructor.constructor('window.__xss=6')() }}",
  userAgent: '<iframe srcdoc="<script>parent.__xss=7</script>">',
  dnsName: '<a href="javascript:window.__xss=8">dns</a>',
  application: 'netify.<img src=x onerror="window.__xss=9">',
  protocol: '<svg><animate onbegin=window.__xss=10 attributeName=x dur=1s>',
  build: 'Netify Agent/4.4.0 <img src=x onerror="window.__xss=11">',
  iface: 'eth0"><img src=x onerror=window.__xss=12>',
} as const

/** The hostile application's id: one no agent table names, so only the record names it. */
export const HOSTILE_APP_ID = 9999

export interface HostileRecording {
  file: string
  /** Local MACs of the two flows (the devices they create). */
  macs: [string, string]
}

const SOURCE = 'netifyd-4.4/07-risks-ssh-smtp.raw'

export function writeHostileRecording(dir: string): HostileRecording {
  const source = readLegacyRecords(SOURCE)
  const hello = source.find((r) => r.type === 'agent_hello')!
  const status = source.find((r) => r.type === 'agent_status')!
  const flows = flowsOf(source)
  const tls = flows.find((f) => f.ssl && f.risks)!
  const http = flows.find((f) => f.http)!
  const t0 = Number(status.timestamp)
  const at = (ms: number): number => t0 * 1000 + ms

  const tlsFlow = {
    ...tls, first_seen_at: at(300), first_update_at: at(300), last_seen_at: at(400),
    host_server_name: HOSTILE.host, dns_host_name: HOSTILE.dnsName,
    detected_application: HOSTILE_APP_ID, detected_application_name: HOSTILE.application,
    ssl: { ...(tls.ssl as object), client_sni: HOSTILE.sni, server_cn: HOSTILE.serverCn, issuer_dn: HOSTILE.issuer, subject_dn: HOSTILE.subject },
    http: { url: HOSTILE.url, user_agent: HOSTILE.userAgent },
  }
  const httpFlow = {
    ...http, first_seen_at: at(500), first_update_at: at(500), last_seen_at: at(600),
    detected_protocol_name: HOSTILE.protocol, host_server_name: `${HOSTILE.sni}.example`,
    http: { url: HOSTILE.url, user_agent: HOSTILE.userAgent },
  }
  const flowRecord = (flow: object): RecordJson => ({ type: 'flow', established: false, internal: true, interface: HOSTILE.iface, flow })
  const stats = (flow: { digest: string }, ms: number, step: number): RecordJson => ({
    type: 'flow_stats', established: false, internal: true, interface: HOSTILE.iface,
    flow: {
      digest: flow.digest, last_seen_at: at(ms), detection_packets: 10,
      local_bytes: 20_000 * step, other_bytes: 90_000 * step, total_bytes: 110_000 * step,
      local_packets: 20 * step, other_packets: 80 * step, total_packets: 100 * step,
    },
  })

  const records: RecordJson[] = [
    { ...hello, build_version: HOSTILE.build },
    status,
    flowRecord(tlsFlow),
    flowRecord(httpFlow),
  ]
  // Stats soon after the flows start, so rates and charts fill without a long wait.
  for (const [step, ms] of [700, 1400, 2100, 2800].entries()) records.push(stats(tlsFlow, ms, step + 1), stats(httpFlow, ms + 50, step + 1))
  for (let step = 1; step <= 12; step++) {
    records.push(stats(tlsFlow, step * 5000 - 200, step + 4), stats(httpFlow, step * 5000 - 100, step + 4))
    records.push({ ...status, timestamp: t0 + step * 5, uptime: step * 5, flow_count: 2 })
  }
  const file = path.join(dir, 'hostile-4.4.raw')
  writeFileSync(file, writeLegacyRecords(records))
  return { file, macs: [tls.local_mac!, http.local_mac!] }
}
