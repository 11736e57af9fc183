/**
 * `npm run bench`: builds the large dataset in a temporary database and measures every figure
 * against its target, with ratios against the bare stack measured in the same run. Not part of `npm test`.
 * Writes bench/results.json and prints a table. Figures are grouped by area under bench/figures/.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { execSync } from 'node:child_process'
import { bundleFigures } from './figures/bundle'
import { runFigures } from './figures'
import { round, type Figure } from './harness'
import { withBenchTable, type BenchResults } from './readme'

async function main(): Promise<void> {
  const scale = (process.argv.find((a) => a.startsWith('--scale='))?.split('=')[1] ?? 'large') as 'small' | 'large' | 'city'
  const dir = mkdtempSync(join(tmpdir(), 'dangban-bench-'))
  const figures: Figure[] = []
  const loadAtStart = round(loadavg()[0]!, 2)
  try {
    // the renderer as it is now: the bundle size and the window's responsiveness are measured on this build
    execSync('npx electron-vite build', { stdio: 'ignore' })
    figures.push(...(await runFigures({ dir, scale })))
    figures.push(...bundleFigures(resolve('out/renderer')))
    figures.push({ name: 'bench process memory (RSS)', value: Math.round(process.memoryUsage().rss / 1024 / 1024), unit: 'MiB' })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`
  const results: BenchResults = { scale, machine, load: [loadAtStart, round(loadavg()[0]!, 2)], at: new Date().toISOString(), figures }
  // the large hospital is the reference: its table in README is rewritten from these results; other scales go to their own file
  writeFileSync(resolve(scale === 'large' ? 'bench/results.json' : `bench/results-${scale}.json`), JSON.stringify(results, null, 2) + '\n')
  if (scale === 'large') writeFileSync(resolve('README.md'), withBenchTable(readFileSync(resolve('README.md'), 'utf8'), results))
  const w = Math.max(...figures.map((f) => f.name.length))
  console.log(`党办通 benchmark — scale ${scale} — ${machine}`)
  for (const f of figures) {
    const extra = [f.limit !== undefined ? `limit ${f.limit} ${f.unit}` : '', f.ratio !== undefined ? `ratio ${f.ratio}` : '', f.target ? `${f.target}: ${f.met ? 'met' : 'NOT MET'}` : ''].filter(Boolean).join('  ')
    console.log(`${f.name.padEnd(w)}  ${String(f.value).padStart(8)} ${f.unit.padEnd(4)}  ${extra}`)
  }
}

void main()
