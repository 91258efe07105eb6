/**
 * Runs every `test/bench/*.bench.ts` in turn, each in its own Node process so one benchmark's heap
 * and JIT state cannot colour the next one's figures. Exits non-zero if any of them failed.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const benchDir = __dirname
const only = process.argv.slice(2)
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()

let failed = 0
for (const file of files) {
  console.log(`\n=== ${file} ===`)
  // --expose-gc: memory figures are read after a full collection, not from uncollected garbage.
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(benchDir, file)], { stdio: 'inherit' })
  if (run.status !== 0) {
    failed++
    console.log(`${file} failed (exit ${run.status ?? run.signal})`)
  }
}
console.log(`\n${files.length - failed} benchmarks ran, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
