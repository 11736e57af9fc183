import type { ballotsContract, TallySubject, TallyView } from '../../shared/contract/ballots'
import { todayLocal } from '../../shared/dates'
import { isBranchType, type OrgType } from '../../shared/organizations'
import { BALLOT_KINDS, checkRubric, DEFAULT_RUBRICS, tallySubject, tallyWarnings, type BallotCounts, type BallotKind, type BallotRubric } from '../../shared/rules/ballots'
import { invalid, notFound } from '../../shared/result'
import { recordAudit } from '../audit'
import type { CallContext } from '../context'
import type { Handlers } from '../handler'
import { descendantIds, findOrganization } from '../organizations/repository'

/** 述职评议 and 民主评议党员 tallies: subjects from our records, counts entered from paper ballots, grades by rubric. */
interface TallyRow {
  id: number
  kind: BallotKind
  title: string
  year: number
  organization_id: number
  org_name: string
  held_on: string | null
  rubric_json: string
  closed_on: string | null
}

function tallyRow(ctx: CallContext, id: number): TallyRow {
  const t = ctx.db.prepare('SELECT t.*, o.name AS org_name FROM ballot_tallies t JOIN organizations o ON o.id = t.organization_id WHERE t.id = ?').get(id) as TallyRow | undefined
  if (!t) throw notFound('该评议')
  return t
}

export function tallyView(ctx: CallContext, id: number): TallyView {
  const t = tallyRow(ctx, id)
  const rubric = JSON.parse(t.rubric_json) as BallotRubric
  const grades = BALLOT_KINDS[t.kind].grades
  const subjects: TallySubject[] = (
    ctx.db
      .prepare('SELECT s.*, o.name AS org_name FROM ballot_subjects s LEFT JOIN organizations o ON o.id = s.subject_organization_id WHERE s.tally_id = ? ORDER BY s.seq')
      .all(id) as { id: number; member_id: number | null; name: string; org_name: string | null; counts_json: string; final_grade: string | null; final_note: string | null }[]
  ).map((s) => {
    const counts = JSON.parse(s.counts_json) as BallotCounts
    return { id: s.id, memberId: s.member_id, name: s.name, organizationName: s.org_name, counts, tally: tallySubject(t.kind, rubric, counts), finalGrade: s.final_grade, finalNote: s.final_note }
  })
  const summary = Object.fromEntries(grades.map((g) => [g, 0])) as Record<string, number>
  for (const s of subjects) {
    const g = s.finalGrade ?? s.tally.grade
    if (g) summary[g] = (summary[g] ?? 0) + 1
  }
  const warnings = tallyWarnings(t.kind, rubric, subjects.map((s) => ({ name: s.name, grade: s.tally.grade, finalGrade: s.finalGrade, finalNote: s.finalNote })))
  return { id: t.id, kind: t.kind, kindLabel: BALLOT_KINDS[t.kind].label, grades, title: t.title, year: t.year, organizationId: t.organization_id, organizationName: t.org_name, heldOn: t.held_on, rubric, closedOn: t.closed_on, subjects, summary, warnings }
}

function requireOpen(t: TallyRow): void {
  if (t.closed_on) throw invalid(`该评议已于${t.closed_on}结束计票，不能再修改；如确需修改，请先“重新打开”并写明原因（会留痕）`)
}

function checked(kind: BallotKind, rubric: BallotRubric): BallotRubric {
  const problems = checkRubric(kind, rubric)
  if (problems.length) throw invalid(`评分规则：${problems.join('；')}`)
  return rubric
}

/** Who is evaluated: the branch's members (民主评议) or every sitting branch secretary under the organization (述职评议). */
function subjectsFor(ctx: CallContext, kind: BallotKind, orgId: number): { memberId: number; name: string; orgId: number | null }[] {
  if (kind === 'appraisal') {
    return ctx.db.prepare("SELECT id AS memberId, name, NULL AS orgId FROM members WHERE organization_id = ? AND stage IN ('full','probationary') AND status = 'normal' ORDER BY stage = 'probationary', name").all(orgId) as { memberId: number; name: string; orgId: null }[]
  }
  const scope = descendantIds(ctx.db, orgId)
  return (
    ctx.db
      .prepare(`SELECT m.id AS memberId, m.name, p.organization_id AS orgId, o.type FROM committee_posts p JOIN members m ON m.id = p.member_id JOIN organizations o ON o.id = p.organization_id WHERE p.post = 'secretary' AND p.ended_on IS NULL AND o.status = 'active' AND p.organization_id IN (SELECT value FROM json_each(?)) ORDER BY o.sort_order, o.id`)
      .all(JSON.stringify(scope)) as { memberId: number; name: string; orgId: number; type: string }[]
  ).filter((s) => isBranchType(s.type as OrgType))
}

const audit = (ctx: CallContext, id: number, before: unknown, after: unknown) => recordAudit(ctx, { entity: 'ballot_tally', entityId: id, before, after })

export const ballotsHandlers: Handlers<typeof ballotsContract> = {
  'ballots.list': ({ year, organizationId }, ctx) =>
    (
      ctx.db
        .prepare(
          `SELECT t.id, t.kind, t.title, t.year, o.name AS organizationName, t.closed_on, count(s.id) AS subjects, coalesce(sum(s.counts_json <> '{}'), 0) AS counted
           FROM ballot_tallies t JOIN organizations o ON o.id = t.organization_id LEFT JOIN ballot_subjects s ON s.tally_id = t.id
           WHERE (? IS NULL OR t.year = ?) AND (? IS NULL OR t.organization_id = ?) GROUP BY t.id ORDER BY t.year DESC, t.id DESC`,
        )
        .all(year, year, organizationId, organizationId) as { id: number; kind: BallotKind; title: string; year: number; organizationName: string; closed_on: string | null; subjects: number; counted: number }[]
    ).map(({ closed_on, ...r }) => ({ ...r, kindLabel: BALLOT_KINDS[r.kind].label, closed: closed_on !== null })),
  'ballots.create': (input, ctx) => {
    const org = findOrganization(ctx.db, input.organizationId)
    if (!org) throw invalid('所选党组织不存在')
    if (input.kind === 'appraisal' && !isBranchType(org.type)) throw invalid('民主评议党员以党支部为单位进行，请选择一个党支部')
    const rubric = checked(input.kind, input.rubric ?? DEFAULT_RUBRICS[input.kind])
    const subjects = subjectsFor(ctx, input.kind, org.id)
    if (!subjects.length) throw invalid(input.kind === 'appraisal' ? `${org.name}没有在册的党员` : `${org.name}下属支部没有在任书记：请先在“党组织”页面登记支部委员会`)
    const at = ctx.now().toISOString()
    const id = Number(
      ctx.db
        .prepare('INSERT INTO ballot_tallies (kind, title, year, organization_id, held_on, rubric_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(input.kind, input.title, input.year, org.id, input.heldOn, JSON.stringify(rubric), at, at).lastInsertRowid,
    )
    const insert = ctx.db.prepare('INSERT INTO ballot_subjects (tally_id, seq, member_id, name, subject_organization_id) VALUES (?, ?, ?, ?, ?)')
    subjects.forEach((s, i) => insert.run(id, i + 1, s.memberId, s.name, s.orgId))
    audit(ctx, id, null, { ...input, subjects: subjects.length })
    return tallyView(ctx, id)
  },
  'ballots.get': ({ id }, ctx) => tallyView(ctx, id),
  'ballots.saveCounts': ({ id, rows }, ctx) => {
    const t = tallyRow(ctx, id)
    requireOpen(t)
    const rubric = JSON.parse(t.rubric_json) as BallotRubric
    const groups = new Set(rubric.groups.map((g) => g.key))
    const grades = BALLOT_KINDS[t.kind].grades.length
    const get = ctx.db.prepare('SELECT name, counts_json FROM ballot_subjects WHERE id = ? AND tally_id = ?')
    const set = ctx.db.prepare('UPDATE ballot_subjects SET counts_json = ? WHERE id = ?')
    const changes: unknown[] = []
    for (const r of rows) {
      const before = get.get(r.subjectId, id) as { name: string; counts_json: string } | undefined
      if (!before) throw invalid('评议对象不属于该评议，请刷新后重试')
      const unknown = Object.keys(r.counts).filter((k) => !groups.has(k))
      if (unknown.length) throw invalid(`没有这些测评群体：${unknown.join('、')}`)
      if (Object.values(r.counts).some((c) => c.length > grades)) throw invalid(`每个测评群体最多 ${grades} 个等次的票数`)
      const after = JSON.stringify(r.counts)
      if (after === before.counts_json) continue
      set.run(after, r.subjectId)
      changes.push({ subject: before.name, before: JSON.parse(before.counts_json), after: r.counts })
    }
    if (changes.length) {
      ctx.db.prepare('UPDATE ballot_tallies SET updated_at = ? WHERE id = ?').run(ctx.now().toISOString(), id)
      audit(ctx, id, null, { counts: changes })
    }
    return tallyView(ctx, id)
  },
  'ballots.decide': ({ id, subjectId, finalGrade, note }, ctx) => {
    const t = tallyRow(ctx, id)
    requireOpen(t)
    const view = tallyView(ctx, id)
    const s = view.subjects.find((x) => x.id === subjectId)
    if (!s) throw invalid('评议对象不属于该评议，请刷新后重试')
    if (finalGrade !== null && !view.grades.includes(finalGrade)) throw invalid(`等次应为：${view.grades.join('、')}`)
    if (finalGrade !== null && s.tally.grade !== null && finalGrade !== s.tally.grade && !note) throw invalid(`评定“${finalGrade}”与测评结果“${s.tally.grade}”不同，请写明理由`)
    ctx.db.prepare('UPDATE ballot_subjects SET final_grade = ?, final_note = ? WHERE id = ?').run(finalGrade, note, subjectId)
    audit(ctx, id, { subject: s.name, finalGrade: s.finalGrade, note: s.finalNote }, { subject: s.name, finalGrade, note })
    return tallyView(ctx, id)
  },
  'ballots.setRubric': ({ id, rubric }, ctx) => {
    const t = tallyRow(ctx, id)
    requireOpen(t)
    ctx.db.prepare('UPDATE ballot_tallies SET rubric_json = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(checked(t.kind, rubric)), ctx.now().toISOString(), id)
    audit(ctx, id, JSON.parse(t.rubric_json), rubric)
    return tallyView(ctx, id)
  },
  'ballots.close': ({ id }, ctx) => {
    const t = tallyRow(ctx, id)
    requireOpen(t)
    ctx.db.prepare('UPDATE ballot_tallies SET closed_on = ?, updated_at = ? WHERE id = ?').run(todayLocal(ctx.now()), ctx.now().toISOString(), id)
    audit(ctx, id, { closed: false }, { closed: true })
    return tallyView(ctx, id)
  },
  'ballots.reopen': ({ id, reason }, ctx) => {
    const t = tallyRow(ctx, id)
    if (!t.closed_on) throw invalid('该评议尚未结束计票')
    ctx.db.prepare('UPDATE ballot_tallies SET closed_on = NULL, updated_at = ? WHERE id = ?').run(ctx.now().toISOString(), id)
    audit(ctx, id, { closed: t.closed_on }, { closed: false, reason })
    return tallyView(ctx, id)
  },
}
