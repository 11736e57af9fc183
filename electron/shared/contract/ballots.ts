import { z } from 'zod'
import type { BallotCounts, BallotKind, BallotRubric, SubjectTally } from '../rules/ballots'
import { id, optionalIsoDate, optionalText, requiredText } from '../schemas'
import { method } from './define'

export interface TallySummary {
  id: number
  kind: BallotKind
  kindLabel: string
  title: string
  year: number
  organizationName: string
  subjects: number
  counted: number
  closed: boolean
}

export interface TallySubject {
  id: number
  memberId: number | null
  name: string
  /** 述职评议: the branch whose secretary reports */
  organizationName: string | null
  counts: BallotCounts
  tally: SubjectTally
  finalGrade: string | null
  finalNote: string | null
}

export interface TallyView {
  id: number
  kind: BallotKind
  kindLabel: string
  grades: readonly string[]
  title: string
  year: number
  organizationId: number
  organizationName: string
  heldOn: string | null
  rubric: BallotRubric
  closedOn: string | null
  subjects: TallySubject[]
  /** how many subjects got each grade (the final grade where decided, else the count's) */
  summary: Record<string, number>
  warnings: string[]
}

const kind = z.enum(['debrief', 'appraisal'], { error: '评议类型应为 述职评议 或 民主评议党员' })
export const rubricInput = z
  .object({
    groups: z
      .array(z.object({ key: z.string().regex(/^[A-Za-z0-9_]{1,20}$/, { message: '测评群体编号只能用字母、数字或下划线' }), name: requiredText('测评群体名称', 30), weight: z.number().gt(0).max(1000), expected: z.number().int().min(0).max(100000).optional() }).strict())
      .min(1)
      .max(8),
    values: z.array(z.number().min(0).max(1000)).min(2).max(6),
    cutoffs: z.array(z.number().min(0).max(1000)).min(1).max(5),
    worstShareWarn: z.number().min(0).max(1),
    bestShareMax: z.number().min(0).max(1),
  })
  .strict()
const counts = z.record(z.string().max(20), z.array(z.number().int().min(0).max(100000)).max(6))
const createInput = z
  .object({
    kind,
    title: requiredText('评议名称', 100),
    year: z.number().int().min(2000).max(2200),
    organizationId: id('党组织'),
    heldOn: optionalIsoDate('评议日期'),
    rubric: rubricInput.optional(),
  })
  .strict()
const tallyId = z.object({ id: id('评议') }).strict()
const countsInput = z.object({ id: id('评议'), rows: z.array(z.object({ subjectId: id('评议对象'), counts }).strict()).min(1).max(2000) }).strict()
const decideInput = z.object({ id: id('评议'), subjectId: id('评议对象'), finalGrade: z.string().max(10).nullable(), note: optionalText('评定理由', 500) }).strict()
const rubricUpdate = z.object({ id: id('评议'), rubric: rubricInput }).strict()
const reopenInput = z.object({ id: id('评议'), reason: requiredText('重新打开的原因', 500) }).strict()
const listInput = z.object({ year: z.number().int().min(2000).max(2200).nullable().default(null), organizationId: z.number().int().positive().nullable().default(null) }).strict()

export const ballotsContract = {
  'ballots.list': method<typeof listInput, TallySummary[]>(listInput, 'read'),
  /** subjects come from our records: every current secretary under the 党委 (述职评议) or the branch's members (民主评议) */
  'ballots.create': method<typeof createInput, TallyView>(createInput, 'write'),
  'ballots.get': method<typeof tallyId, TallyView>(tallyId, 'read'),
  /** saves many subjects' counts at once (fast entry of paper ballots) */
  'ballots.saveCounts': method<typeof countsInput, TallyView>(countsInput, 'write'),
  'ballots.decide': method<typeof decideInput, TallyView>(decideInput, 'write'),
  'ballots.setRubric': method<typeof rubricUpdate, TallyView>(rubricUpdate, 'write'),
  /** 结束计票: the counts and grades are locked */
  'ballots.close': method<typeof tallyId, TallyView>(tallyId, 'write'),
  'ballots.reopen': method<typeof reopenInput, TallyView>(reopenInput, 'write'),
}
