import type { z } from 'zod'
import type { memberListInput } from '../../shared/contract/members'
import { ageByMonth, birthMonthOf } from '../../shared/birth-month'
import { addMonths, addYears, todayLocal } from '../../shared/dates'
import { OCCUPATIONS, type MemberRow, type Stage } from '../../shared/members'
import { leveledTitles, titleLevel, titlesOfLevel } from '../../shared/rules/statistics'
import { maskIdNumber, maskPhone } from '../../shared/rules/id-number'
import { partyAge } from '../../shared/rules/membership'
import codes from '../../shared/codes/code-lists.json'
import type { CallContext } from '../context'
import { descendantIds } from '../organizations/repository'

type ListInput = z.output<typeof memberListInput>

const SORTS: Record<ListInput['sort'], string> = {
  name: 'm.name',
  // by birth month only, then by record: an order by day would tell the hidden digits of the ID (birth-month.ts)
  birthDate: 'substr(m.birth_date, 1, 7)',
  joinedOn: 'm.joined_on',
  organization: 'o.sort_order, o.id',
  stage: "CASE m.stage WHEN 'full' THEN 1 WHEN 'probationary' THEN 2 WHEN 'candidate' THEN 3 WHEN 'activist' THEN 4 ELSE 5 END",
  department: 'm.department',
}

/**
 * Age band label → birth dates [on or after, before), with ages counted by birth month as the list shows them
 * (shared/birth-month.ts). Counted by the day, a band's edge would move daily and the filter would answer
 * “born before this day?” — a binary search for the hidden digits of the ID.
 */
function ageRange(band: string, today: string): [string | null, string | null] | null {
  // the first day of the month after the birth month of those who turn `years` this month
  const after = (years: number) => addMonths(addYears(`${today.slice(0, 8)}01`, -years), 1)
  const m = /^(\d+)-(\d+)岁$/.exec(band)
  if (m) return [after(Number(m[2]) + 1), after(Number(m[1]))]
  if (band === '30岁及以下') return [after(31), null]
  if (band === '61岁及以上') return [null, after(61)]
  return null
}

/**
 * The roster list: filters, name search that works for 1–2 characters (LIKE over an indexed table — FTS5's
 * trigram tokenizer finds nothing under 3 characters), sorting and paging. Sensitive fields come masked, and the
 * birth date as its year and month (shared/birth-month.ts).
 */
export function listMembers(ctx: CallContext, f: ListInput): { total: number; rows: MemberRow[] } {
  const where: string[] = []
  const params: Record<string, unknown> = {}
  if (f.organizationId !== null) {
    // the ids as one JSON parameter, not spliced into the text: one compiled statement serves every branch
    where.push('m.organization_id IN (SELECT value FROM json_each(@orgs))')
    params.orgs = JSON.stringify(f.includeSub ? descendantIds(ctx.db, f.organizationId) : [f.organizationId])
  }
  if (f.stages.length) where.push(`m.stage IN (${f.stages.map((s) => `'${s}'`).join(',')})`)
  if (f.statuses.length) where.push(`m.status IN (${f.statuses.map((s) => `'${s}'`).join(',')})`)
  if (f.gender) {
    where.push('m.gender = @gender')
    params.gender = f.gender
  }
  const today = todayLocal(ctx.now())
  if (f.ageBand) {
    const r = ageRange(f.ageBand, today)
    if (r?.[0]) {
      where.push('m.birth_date >= @bornFrom')
      params.bornFrom = r[0]
    }
    if (r?.[1]) {
      where.push('m.birth_date < @bornBefore')
      params.bornBefore = r[1]
    }
  }
  if (f.educationGroup) {
    const names = codes.education.filter((e) => e.group === f.educationGroup).map((e) => e.name)
    where.push(`m.education IN (${names.map((_, i) => `@edu${i}`).join(',') || "''"})`)
    names.forEach((n, i) => (params[`edu${i}`] = n))
  }
  if (f.titleLevel) {
    // 无 is everything without a listed title, as the charts count it
    const titles = f.titleLevel === '无' ? leveledTitles().filter((t) => titleLevel(t) !== '无') : titlesOfLevel(f.titleLevel)
    const list = titles.map((_, i) => `@title${i}`).join(',') || "''"
    where.push(f.titleLevel === '无' ? `(m.title IS NULL OR m.title NOT IN (${list}))` : `m.title IN (${list})`)
    titles.forEach((t, i) => (params[`title${i}`] = t))
  }
  if (f.occupation) {
    // 其他 also holds people with none or an unlisted one, as the charts count them
    const named = OCCUPATIONS.filter((o) => o !== '其他')
    if (f.occupation === '其他') {
      where.push(`(m.occupation IS NULL OR m.occupation NOT IN (${named.map((_, i) => `@occ${i}`).join(',')}))`)
      named.forEach((o, i) => (params[`occ${i}`] = o))
    } else {
      where.push('m.occupation = @occupation')
      params.occupation = f.occupation
    }
  }
  const dual = `EXISTS (SELECT 1 FROM committee_posts p WHERE p.member_id = m.id AND p.post = 'secretary' AND p.ended_on IS NULL AND p.dual_leader = 1)`
  if (f.dualLeader !== null) where.push(f.dualLeader ? dual : `NOT ${dual}`)
  if (f.flag === 'mobile') where.push('m.mobile IS NOT NULL')
  if (f.flag === 'lost') where.push('m.lost_contact_since IS NOT NULL')
  const q = f.q.normalize('NFKC').replace(/\s+/g, '')
  if (q) {
    where.push("(m.name LIKE @q ESCAPE '\\' OR m.department LIKE @q ESCAPE '\\')")
    params.q = `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const from = 'FROM members m LEFT JOIN organizations o ON o.id = m.organization_id'
  const total = ctx.db.prepare(`SELECT count(*) ${from} ${clause}`).pluck().get(params) as number
  const rows = ctx.db
    .prepare(
      `SELECT m.id, m.name, m.gender, m.id_number, m.birth_date, m.ethnicity, m.education, m.title, m.department, m.stage, m.status,
              m.organization_id, o.name AS organization_name, m.joined_on, m.converted_on, m.party_age_correction, m.phone,
              m.mobile, m.lost_contact_since, m.left_on, m.left_reason, ${dual} AS dual_leader
       ${from} ${clause} ORDER BY ${SORTS[f.sort]} ${f.order === 'desc' ? 'DESC' : 'ASC'}, m.id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: f.pageSize, offset: (f.page - 1) * f.pageSize }) as Record<string, unknown>[]
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id as number,
      name: r.name as string,
      gender: r.gender as string,
      idNumber: maskIdNumber(r.id_number as string | null),
      birthMonth: birthMonthOf(r.birth_date as string | null),
      age: r.birth_date ? ageByMonth(birthMonthOf(r.birth_date as string)!, today) : null,
      ethnicity: r.ethnicity as string | null,
      education: r.education as string | null,
      title: r.title as string | null,
      department: r.department as string | null,
      stage: r.stage as Stage,
      status: r.status as MemberRow['status'],
      organizationId: r.organization_id as number | null,
      organizationName: r.organization_name as string | null,
      joinedOn: r.joined_on as string | null,
      convertedOn: r.converted_on as string | null,
      partyAge: partyAge(r.converted_on as string | null, r.party_age_correction as number, today),
      phone: maskPhone(r.phone as string | null),
      dualLeader: r.dual_leader === 1,
      mobile: r.mobile as string | null,
      lostContactSince: r.lost_contact_since as string | null,
      leftOn: r.left_on as string | null,
      leftReason: r.left_reason as string | null,
    })),
  }
}
