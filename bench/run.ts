/**
 * Runs every `bench/*.bench.ts` in turn, each in its own Node process so one benchmark's heap
 * and JIT state cannot colour the next one's figures. Exits non-zero if any of them failed.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const benchDir = __dirname
const tsxCli = createRequire(join(benchDir, 'run.ts')).resolve('tsx/cli')
const only = process.argv.slice(2)
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()

let failed = 0
for (const file of files) {
  console.log(`\n=== ${file} ===`)
  const run = spawnSync(process.execPath, [tsxCli, join(benchDir, file)], { stdio: 'inherit' })
  if (run.status !== 0) {
    failed++
    console.log(`${file} failed (exit ${run.status ?? run.signal})`)
  }
}
console.log(`\n${files.length - failed} benchmarks ran, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
