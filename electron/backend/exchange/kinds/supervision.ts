import { z } from 'zod'
import { todayLocal, type IsoDate } from '../../../shared/dates'
import { invalid } from '../../../shared/result'
import { SUPERVISION_SOURCE_LABELS, SUPERVISION_SOURCES, type SupervisionRow } from '../../../shared/supervision'
import { completedBy, departmentTallies, overdueOn } from '../../../shared/supervision-rates'
import type { CallContext } from '../../context'
import { listItems } from '../../supervision/repository'
import type { Built, KindSpec } from './kind'

/**
 * 督办情况 (docs/exchange.md §5.7): the 督办事项 the higher committee follows — the 三重一大 decisions and what it
 * assigned itself (来源 上级交办) — as they stood at the year's end (or today, in the year still running), with the
 * 办结率 and 按时办结率 of each 牵头部门 counted by shared/supervision-rates.ts (docs/deadlines.md §8), as the
 * 督查通报 counts them. 责任人 and the history of the item stay at the hospital.
 */
const rate = z.number().min(0).max(1).nullable()
const count = z.number().int().min(0)
const tallyShape = { items: count, completed: count, onTime: count, due: count, overdue: count, completionRate: rate, onTimeRate: rate }
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

export const supervisionPart = z
  .object({
    year: z.number().int().min(1950).max(2200),
    asOf: date,
    items: z
      .array(
        z
          .object({
            ref: z.string().max(80),
            title: z.string().max(500),
            source: z.enum(SUPERVISION_SOURCES),
            sourceLabel: z.string().max(20),
            sourceText: z.string().max(500),
            major: z.boolean(),
            leadDepartment: z.string().max(200),
            assignedOn: date,
            dueOn: date,
            completed: z.boolean(),
            completedOn: date.nullable(),
            overdue: z.boolean(),
          })
          .strict(),
      )
      .max(20_000),
    departments: z.array(z.object({ department: z.string().max(200), ...tallyShape }).strict()).max(2000),
    total: z.object(tallyShape).strict(),
  })
  .strict()
export type SupervisionReport = z.infer<typeof supervisionPart>

/** docs/exchange.md §5.7: what the higher committee follows — a 三重一大 decision, or an item it assigned (上级交办) */
const reported = (r: SupervisionRow): boolean => r.major || r.source === 'document'

export function buildSupervision(ctx: CallContext, year: number, installationId: string): Built {
  const today = todayLocal(ctx.now())
  if (`${year}-01-01` > today) throw invalid(`${year}年还没有到，没有督办情况可报`, 'year')
  const asOf: IsoDate = `${year}-12-31` < today ? `${year}-12-31` : today
  const start = `${year}-01-01`
  // 立项 in the year, or carried over from an earlier year still open when the year began; 作废 ones are no item
  const rows = listItems(ctx.db, asOf, { orgs: null, status: null }).filter(
    (r) => reported(r) && r.status !== 'void' && r.assignedOn <= asOf && (r.assignedOn >= start || !completedBy(r, `${year - 1}-12-31`)),
  )
  const items = rows.map((r) => {
    const completed = completedBy(r, asOf)
    return {
      ref: `${installationId}/supervision/${r.id}`,
      title: r.title,
      source: r.source,
      sourceLabel: SUPERVISION_SOURCE_LABELS[r.source],
      sourceText: r.sourceText,
      major: r.major,
      leadDepartment: r.leadDepartment,
      assignedOn: r.assignedOn,
      dueOn: r.dueOn,
      completed,
      completedOn: completed ? r.completedOn : null,
      overdue: overdueOn(r, asOf),
    }
  })
  const { departments, total } = departmentTallies(rows, asOf)
  const part: SupervisionReport = { year, asOf, items, departments, total }
  return {
    period: `${year}年度`,
    subject: String(year),
    counts: { items: total.items, completed: total.completed, overdue: total.overdue, major: items.filter((i) => i.major).length },
    parts: [{ name: 'supervision.json', json: part }],
  }
}

export const supervisionKind: KindSpec = { kind: 'supervision-report', parts: { 'supervision.json': supervisionPart }, receipted: true }
