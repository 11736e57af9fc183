import { describe, expect, it } from 'vitest'
import { dueText, inPeriod, periodEnd, type TodoItem } from '../../../electron/shared/todo'

const item = (over: Partial<TodoItem>): TodoItem => ({ kind: '三会一课', organization: '内科党支部', organizationId: 3, subject: '支委会', due: '2026-06-30', overdue: false, rule: 'docs/deadlines.md §1', ...over })

describe('工作台的期间（docs/deadlines.md）', () => {
  it('7天内、本月内、本季度内按到期日截止；逾期事项在每个期间都列出', () => {
    const today = '2026-05-20'
    expect(periodEnd('week', today)).toBe('2026-05-27')
    expect(periodEnd('month', today)).toBe('2026-05-31')
    expect(periodEnd('quarter', today)).toBe('2026-06-30')
    expect(periodEnd('all', today)).toBeNull()
    expect(inPeriod(item({ due: '2026-05-27' }), 'week', today)).toBe(true)
    expect(inPeriod(item({ due: '2026-05-28' }), 'week', today)).toBe(false)
    expect(inPeriod(item({ due: '2026-04-30', overdue: true }), 'week', today)).toBe(true)
    expect(inPeriod(item({ due: '2026-05-21' }), 'overdue', today)).toBe(false)
  })

  it('到期的说法：今天到期、还有几天、逾期几天', () => {
    expect(dueText(item({ due: '2026-05-20' }), '2026-05-20')).toBe('今天到期')
    expect(dueText(item({ due: '2026-05-25' }), '2026-05-20')).toBe('还有 5 天')
    expect(dueText(item({ due: '2026-05-17', overdue: true }), '2026-05-20')).toBe('逾期 3 天')
    // 积极分子 and 政治生日 are never overdue: a day gone by is said as such, not as “还有 -3 天”
    expect(dueText(item({ kind: '政治生日', due: '2026-05-17' }), '2026-05-20')).toBe('已过 3 天')
  })
})
