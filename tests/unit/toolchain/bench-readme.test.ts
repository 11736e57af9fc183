import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { benchTable, readmeTable, withBenchTable, type BenchResults } from '../../../bench/readme'

const root = resolve(__dirname, '../../..')

describe('README 的性能表', () => {
  it('与提交的 bench/results.json 一致（由 npm run bench 生成，手改或过期都会失败）', () => {
    const results = JSON.parse(readFileSync(resolve(root, 'bench/results.json'), 'utf8')) as BenchResults
    const readme = readFileSync(resolve(root, 'README.md'), 'utf8')
    expect(readmeTable(readme), 'README.md 的性能表与 bench/results.json 不一致：请运行 npm run bench 重新生成').toBe(benchTable(results))
  })

  it('重新生成只替换标记之间的表，未达标项加粗，极限与比值写在值旁', () => {
    const results: BenchResults = {
      scale: 'large',
      machine: '2 × CPU',
      load: [1.5, 2],
      at: '2026-12-07T10:00:00.000Z',
      figures: [
        { name: 'a (p95)', value: 60, unit: 'ms', target: 'p95 < 50 ms', met: false },
        { name: '导出', value: 300, unit: 'ms', limit: 200, ratio: 1.5, target: 'ratio ≤ 1.3', met: false },
        { name: 'b (median)', value: 3, unit: 'ms' },
      ],
    }
    const readme = readFileSync(resolve(root, 'README.md'), 'utf8')
    const next = withBenchTable(readme, results)
    expect(next).toContain('最近一次：2 × CPU，2026-12-07，1 分钟平均负载 1.5（开始）/ 2（结束）')
    expect(next).toContain('| a (p95) | 60 ms | p95 < 50 ms | **未达标** |')
    expect(next).toContain('| 导出 | 300 ms（极限 200 ms，比值 1.5） | ratio ≤ 1.3 | **未达标** |')
    expect(next).toContain('| b (median) | 3 ms |  |  |')
    // everything outside the table stays as it was
    const outside = (text: string) => text.replace(readmeTable(text)!, '')
    expect(outside(next)).toBe(outside(readme))
  })
})
