import { describe, expect, it } from 'vitest'
import { complianceCell, periodsBetween, type ComplianceCell, type OrgFacts, type Requirement } from '../../../electron/shared/rules/compliance'
import { inQuarter, quarterOf, quarterSummaries } from '../../../electron/shared/rules/compliance-quarter'
import type { MeetingType } from '../../../electron/shared/meetings'

const REQUIRED: Requirement[] = [
  { type: 'theme_day', unit: 'month', count: 1 },
  { type: 'party_congress', unit: 'quarter', count: 1 },
  { type: 'life_meeting', unit: 'year', count: 1 },
]
const TYPES: MeetingType[] = REQUIRED.map((r) => r.type)

/** a year of cells for one branch, from the engine itself, with the meetings held on the given dates */
function yearOf(id: number, held: Partial<Record<MeetingType, string[]>>): ComplianceCell[] {
  const org: OrgFacts = { id, name: `第${id}党支部`, foundedOn: null, dissolvedOn: null, hasCommittee: true, hasGroups: true }
  return REQUIRED.flatMap((r) => periodsBetween('2025-01-01', '2025-12-31', r.unit).map((p) => complianceCell(org, r, p, held[r.type] ?? [], [])))
}

describe('达标情况的季度视图（docs/rules.md §2）', () => {
  it('季度含其三个月、本季度和全年；前后相邻的月份和季度不算', () => {
    expect(inQuarter('2025-03', 2025, 1)).toBe(true)
    expect(inQuarter('2025-04', 2025, 1)).toBe(false)
    expect(inQuarter('2025-03', 2025, 2)).toBe(false)
    expect(inQuarter('2025-04', 2025, 2)).toBe(true)
    expect(inQuarter('2025-06', 2025, 2)).toBe(true)
    expect(inQuarter('2025-07', 2025, 2)).toBe(false)
    expect(inQuarter('2025-12', 2025, 4)).toBe(true)
    expect(inQuarter('2024-12', 2025, 4)).toBe(false)
    expect(inQuarter('2025Q2', 2025, 2)).toBe(true)
    expect(inQuarter('2025Q1', 2025, 2)).toBe(false)
    expect(inQuarter('2025', 2025, 3)).toBe(true)
    expect(inQuarter('2024', 2025, 3)).toBe(false)
    expect([quarterOf('2025-03-31'), quarterOf('2025-04-01'), quarterOf('2025-12-31')]).toEqual([1, 2, 4])
  })

  it('3月31日的会议计入第一季度，4月1日的计入第二季度；未结束的月份是进行中，全年未结束不计入', () => {
    const cells = [
      // 1: held on the last day of Q1 only
      ...yearOf(1, { theme_day: ['2025-03-31'], party_congress: ['2025-03-31'] }),
      // 2: held on the first day of Q2, and May's theme day not yet
      ...yearOf(2, { theme_day: ['2025-04-01'], party_congress: ['2025-04-01'] }),
      // 3: April and May held, the year's 组织生活会 not yet
      ...yearOf(3, { theme_day: ['2025-04-01', '2025-05-10'], party_congress: ['2025-04-01'] }),
    ]
    // 2025-05-31: April has ended, May is the last day of its month, June has not begun
    const q2 = quarterSummaries(cells, TYPES, 2025, 2, '2025-05-31')
    expect(q2.map((r) => [r.name, r.summaries.map((s) => `${s.state} ${s.ok}/${s.due}${s.running ? ' 进行中' : ''}`), r.behind])).toEqual([
      ['第1党支部', ['missing 0/1 进行中', 'pending 0/0 进行中', 'pending 0/0 进行中'], 'missing'],
      // April met, May running unmet: 1/1 so far, and on the list as 进行中
      ['第2党支部', ['ok 1/1 进行中', 'ok 1/1', 'pending 0/0 进行中'], 'pending'],
      // only the year's 组织生活会 is outstanding, and the year runs on: not behind this quarter
      ['第3党支部', ['ok 2/2', 'ok 1/1', 'pending 0/0 进行中'], null],
    ])
    // a day later May has ended: branch 2 misses it; June has begun and branch 3 has not met it yet
    expect(quarterSummaries(cells, TYPES, 2025, 2, '2025-06-01').map((r) => r.behind)).toEqual(['missing', 'missing', 'pending'])
    // on 2025-04-15 nothing of Q2 has ended yet: branch 1 is 进行中, not 未达标
    expect(quarterSummaries(cells, TYPES, 2025, 2, '2025-04-15').map((r) => r.behind)).toEqual(['pending', null, null])
    // Q1 seen after it ended: only branch 1 met March and Q1; January and February are missed by all
    const q1 = quarterSummaries(cells, TYPES, 2025, 1, '2025-05-31')
    expect(q1.map((r) => r.summaries.slice(0, 2).map((s) => `${s.ok}/${s.due}`))).toEqual([['1/3', '1/1'], ['0/3', '0/1'], ['0/3', '0/1']])
    // once the year has ended, the unheld 组织生活会 is 未达标 in any quarter of it
    expect(quarterSummaries(cells, TYPES, 2025, 2, '2026-01-05')[2]!.summaries[2]!.state).toBe('missing')
  })
})
