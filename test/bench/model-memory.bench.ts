/**
 * Memory of the live model under a long run: 1M synthetic flows, each a `flow`, a `flow_stats`
 * and a `flow_purge` (then again with no purge ever arriving, as when an agent's purges are lost,
 * so only the active cap bounds the table), from 1000 devices over two agents, with the clock advancing 5 ms a flow
 * (about 80 min of model time, so rings roll and minute rollups are taken like storage would).
 * Prints heap before/after and the table sizes; run alone with `node --expose-gc --import tsx test/bench/model-memory.bench.ts`
 * (add `--expose-gc` through NODE_OPTIONS for settled heap figures).
 */
import { NetworkModel } from '../../src-main/core/model/network-model'
import type { AgentEvent } from '../../src-main/core/records/agent-event'

const FLOWS = Number(process.env.BENCH_FLOWS ?? 1_000_000)
const DEVICES = 1000
const T0 = 1_800_000_000_000

function gc(): void {
  ;(globalThis as { gc?: () => void }).gc?.()
}

function heapMb(): string {
  gc()
  return (process.memoryUsage().heapUsed / 1048576).toFixed(1)
}

function mac(i: number): string {
  const d = i % DEVICES
  return `00:1b:63:00:${((d >> 8) & 0xff).toString(16).padStart(2, '0')}:${(d & 0xff).toString(16).padStart(2, '0')}`
}

function events(i: number, purge: boolean): AgentEvent[] {
  const digest = i.toString(16).padStart(40, '0')
  const app = i % 50
  return [
    {
      kind: 'flow', type: 'flow', offset: 0, interface: 'eth0', flow: {
        digest, local_mac: mac(i), local_ip: `10.0.${(i % DEVICES) >> 8}.${i & 0xff}`, other_ip: '93.184.216.34', local_port: 40000 + (i % 20000),
        other_port: 443, ip_protocol: 6, detected_protocol: 91, detected_protocol_name: 'TLS', detected_application: app ? 10000 + app : 0,
        detected_application_name: app ? `netify.app-${app}` : 'Unknown', ssl: { client_sni: `host${i % 5000}.example.com` },
        risks: i % 100 === 0 ? { risks: [46], ndpi_risk_score: 10 } : undefined,
      },
    },
    { kind: 'counters', type: 'flow_stats', offset: 0, counters: { digest, local_bytes: 1000, local_packets: 10, other_bytes: 9000, other_packets: 12, total_bytes: 10_000 } },
    ...(purge ? [{ kind: 'counters', type: 'flow_purge', offset: 0, reason: 'closed', counters: { digest, local_bytes: 0, local_packets: 0, other_bytes: 0, other_packets: 0, total_bytes: 10_000 } } satisfies AgentEvent] : []),
  ]
}

function run(purge: boolean): void {
  const model = new NetworkModel()
  const before = heapMb()
  let peak = 0
  let rows = 0
  const started = process.hrtime.bigint()
  for (let i = 0; i < FLOWS; i++) {
    const now = T0 + i * 5
    const agent = i % 2 === 0 ? 'gw' : 'ap'
    for (const e of events(i, purge)) model.apply(agent, e, now)
    if (i % 200 === 0) {
      model.tick(now)
      model.drainChanges()
      model.drainSignals()
      rows += model.takeCompletedMinutes(now).length
    }
    if (i % 100_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed)
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const after = heapMb()
  console.log(purge ? 'every flow purged:' : 'no flow ever purged (only the active cap bounds the table):')
  console.log(`flows pushed:        ${FLOWS} (${(FLOWS / seconds).toFixed(0)} flows/s, ${(3 * FLOWS / seconds).toFixed(0)} events/s)`)
  console.log(`heap used before:    ${before} MB`)
  console.log(`heap used after:     ${after} MB (peak sampled ${(peak / 1048576).toFixed(1)} MB)`)
  console.log(`table sizes:         ${JSON.stringify(model.sizes())}`)
  console.log(`minute rows taken:   ${rows}`)
  const s = model.sizes()
  if (s.activeFlows > 100_000 || s.closedFlows > 10_000 || s.devices !== DEVICES) {
    console.error('model grew past its bounds')
    process.exit(1)
  }
}

run(true)
run(false)
