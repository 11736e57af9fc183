/**
 * One cold call ("cold first-call figures from a fresh process"): run as its own process by
 * bench/figures/cold.ts, it opens the database as the app does at start (quick_check and migrations included)
 * and times the very first call of one method — statements not yet compiled, SQLite's page cache empty (the
 * operating system's file cache is warm: the bench just wrote the file). Prints {"open": ms, "call": ms}.
 */
import { performance } from 'node:perf_hooks'
import { openBackend } from '../electron/backend/boot/open'

async function main(): Promise<void> {
  const [file, method, input] = process.argv.slice(2)
  const t0 = performance.now()
  const backend = openBackend(file!, 'cli')
  const t1 = performance.now()
  const r = await backend.call(method!, JSON.parse(input!))
  const t2 = performance.now()
  backend.context.db.close()
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  process.stdout.write(JSON.stringify({ open: t1 - t0, call: t2 - t1 }))
}

void main()
