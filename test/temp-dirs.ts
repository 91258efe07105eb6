/**
 * Throwaway folders for tests that need a socket path or an output file: made on demand inside a
 * test and removed when it finishes (pass or fail), so nothing is left behind in the temp folder.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onTestFinished } from 'vitest'

/** A new empty folder under the system temp folder, deleted after the calling test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nm-test-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}
