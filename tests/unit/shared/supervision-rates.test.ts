import { describe, expect, it } from 'vitest'
import { departmentTallies, percent, tally } from '../../../electron/shared/supervision-rates'
import type { SupervisionRow } from '../../../electron/shared/supervision'

// docs/deadlines.md §8: 办结率 = 已办结 ÷ 事项数; 按时办结率 = 在时限内办结 ÷ 应办结 (时限已到或已办结); 作废 left out
const row = (id: number, over: Partial<SupervisionRow>): SupervisionRow => ({
  id, title: `事项${id}`, source: 'manual', sourceText: '领导交办', meetingId: null, resolutionSeq: null, major: false, organizationId: 1, organization: '党委',
  leadDepartment: '总务科', coDepartments: [], responsible: null, level: 'normal', assignedOn: '2026-03-01', dueOn: '2026-03-31', status: 'in_progress',
  overdue: false, result: null, completedOn: null, voidReason: null, urgeCount: 0, nextMilestone: null, overdueMilestone: null, ...over,
})

describe('办结率与按时办结率（docs/deadlines.md §8）', () => {
  it('在时限当天办结算按时，次日办结不算；作废不计；时限未到的不算应办结', () => {
    const rows = [
      row(1, { status: 'completed', completedOn: '2026-03-31' }),
      row(2, { status: 'completed', completedOn: '2026-04-01' }),
      row(3, { status: 'void', voidReason: '重复立项' }),
      row(4, { dueOn: '2026-05-31' }),
    ]
    expect(tally(rows, '2026-04-10')).toEqual({ items: 3, completed: 2, onTime: 1, due: 2, overdue: 0, completionRate: 2 / 3, onTimeRate: 0.5 })
  })

  it('逾期：时限当天不逾期，次日起逾期；之后才办结的，在那一天仍算未办结', () => {
    const rows = [row(1, { status: 'completed', completedOn: '2026-04-05' })]
    expect(tally(rows, '2026-03-31')).toMatchObject({ completed: 0, overdue: 0, due: 1 })
    expect(tally(rows, '2026-04-01')).toMatchObject({ completed: 0, overdue: 1, onTimeRate: 0 })
    expect(tally(rows, '2026-04-05')).toMatchObject({ completed: 1, overdue: 0, onTime: 0 })
    // 立项 after the day asked: not counted at all
    expect(tally([row(2, { assignedOn: '2026-04-02' })], '2026-04-01').items).toBe(0)
  })

  it('按牵头部门汇总，事项多的在前，合计一行；没有可除的数时显示 —', () => {
    const rows = [row(1, { leadDepartment: '医务科' }), row(2, {}), row(3, { status: 'completed', completedOn: '2026-03-10' })]
    const { departments, total } = departmentTallies(rows, '2026-03-15')
    expect(departments.map((d) => [d.department, d.items, d.completed])).toEqual([['总务科', 2, 1], ['医务科', 1, 0]])
    expect(total.items).toBe(3)
    expect(percent(departments[1]!.onTimeRate)).toBe('—')
    expect(percent(1 / 3)).toBe('33.3%')
  })
})
