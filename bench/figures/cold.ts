import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import { round, type Figure } from '../harness'

const COLD_TARGET_MS = 100
const OPEN_TARGET_MS = 2000

/**
 * A clerk's first click after starting the app is slower than any warm figure: each method's first call in a
 * fresh process (bench/cold.ts), and how long opening the database takes before anything can answer.
 */
export function coldFigures(file: string, calls: [name: string, method: string, input: unknown][]): Figure[] {
  const figures: Figure[] = []
  const opens: number[] = []
  for (const [name, method, input] of calls) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', resolve('bench/cold.ts'), file, method, JSON.stringify(input)], { encoding: 'utf8' })
    const { open, call } = JSON.parse(out) as { open: number; call: number }
    opens.push(open)
    figures.push({ name: `${name}（冷启动后第一次）`, value: round(call), unit: 'ms', target: `< ${COLD_TARGET_MS} ms`, met: call < COLD_TARGET_MS })
  }
  const open = Math.max(...opens)
  figures.push({ name: '打开数据库（quick_check、迁移检查，各次中最慢）', value: round(open), unit: 'ms', target: `< ${OPEN_TARGET_MS} ms`, met: open < OPEN_TARGET_MS })
  return figures
}
