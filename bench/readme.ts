import type { Figure } from './harness'

/** bench/results.json as `npm run bench` writes it. */
export interface BenchResults {
  scale: string
  machine: string
  /** the 1-minute load average when the run started and when it ended: the machines are shared */
  load?: [start: number, end: number]
  at: string
  figures: Figure[]
}

// README's 性能 table sits between these lines and is written by `npm run bench` from bench/results.json, never by
// hand: a test holds the two equal, so the table cannot go stale.
export const TABLE_START = '<!-- bench:start — 由 npm run bench 根据 bench/results.json 生成，请勿手改 -->'
export const TABLE_END = '<!-- bench:end -->'

const cell = (f: Figure): string => (f.limit !== undefined ? `${f.value} ${f.unit}（极限 ${f.limit} ${f.unit}，比值 ${f.ratio}）` : `${f.value} ${f.unit}`)
const verdict = (f: Figure): string => (f.met === undefined ? '' : f.met ? '达标' : '**未达标**')

/** The README table of one run: machine, date and load first, then every figure with its target. */
export function benchTable(r: BenchResults): string {
  const load = r.load ? `，1 分钟平均负载 ${r.load[0]}（开始）/ ${r.load[1]}（结束）` : ''
  return [
    `最近一次：${r.machine}，${r.at.slice(0, 10)}${load}`,
    '',
    '| 指标 figure | 值 value | 目标 target | 结果 |',
    '|---|---|---|---|',
    ...r.figures.map((f) => `| ${f.name} | ${cell(f)} | ${f.target ?? ''} | ${verdict(f)} |`),
  ].join('\n')
}

/** README with its 性能 table replaced by this run's. */
export function withBenchTable(readme: string, r: BenchResults): string {
  const start = readme.indexOf(TABLE_START)
  const end = readme.indexOf(TABLE_END)
  if (start < 0 || end < start) throw new Error(`README.md 中找不到性能表的起止标记（${TABLE_START} … ${TABLE_END}）`)
  return `${readme.slice(0, start + TABLE_START.length)}\n${benchTable(r)}\n${readme.slice(end)}`
}

/** The table README holds now (for the test that it matches results.json). */
export function readmeTable(readme: string): string | undefined {
  const start = readme.indexOf(TABLE_START)
  const end = readme.indexOf(TABLE_END)
  return start < 0 || end < start ? undefined : readme.slice(start + TABLE_START.length, end).trim()
}
