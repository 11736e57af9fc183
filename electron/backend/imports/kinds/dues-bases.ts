import { DUES_CATEGORY_LABELS, formatYuan, hasBase, type DuesCategory, type Month } from '../../../shared/dues'
import { STAGE_LABELS } from '../../../shared/members'
import { AppError } from '../../../shared/result'
import { CATEGORY_HINT, categoryOfText, parseMonthText, parseYuan, standardOf } from '../../../shared/rules/dues'
import { liableMonths } from '../../../shared/rules/dues-months'
import { parseIdNumber } from '../../../shared/rules/id-number'
import { recordAudit } from '../../audit'
import type { CallContext } from '../../context'
import { baseProblem, writeBase } from '../../dues/bases'
import { notOwedReason } from '../../dues/ledger'
import { baseAt, duesMembers, findBase, voidRow, type DuesMember } from '../../dues/repository'
import { cellText, normalizeName } from '../../excel/normalize'
import { settingsOf } from '../../memo'
import type { FieldIssue, FileRecord, ImportKind } from '../kind'
import { CODE_CHOICES } from '../choices'

/** One row of the finance department's list (docs/dues.md §5): whose base, of what kind, how much, from when. */
export interface DuesBaseRecord {
  name: string
  idNumber: string
  organization: string | null
  category: DuesCategory
  baseFen: number | null
  fromMonth: Month
}

const REDUCED = '减免须经党支部研究、报上级党委批准，不能从财务名单导入：请在“党费 → 基数与标准”中为此人登记减免和决定'

/** The people the file's ID numbers belong to (one set of queries per file), and the roster's person per ID. */
const peopleOf = new WeakMap<readonly FileRecord<DuesBaseRecord>[], Map<string, { id: number; name: string; stage: string; dues: DuesMember | null }>>()
function people(ctx: CallContext, file: readonly FileRecord<DuesBaseRecord>[]) {
  let found = peopleOf.get(file)
  if (!found) {
    const rows = ctx.db.prepare('SELECT id, id_number, name, stage FROM members WHERE id_number IN (SELECT value FROM json_each(?))').all(JSON.stringify(file.map((f) => f.record.idNumber))) as { id: number; id_number: string; name: string; stage: string }[]
    const dues = new Map(duesMembers(ctx.db, rows.map((r) => r.id)).map((m) => [m.id, m]))
    found = new Map(rows.map((r) => [r.id_number, { id: r.id, name: r.name, stage: r.stage, dues: dues.get(r.id) ?? null }]))
    peopleOf.set(file, found)
  }
  return found
}
/** the roster's person each checked row matched (check runs before exists, changes and apply) */
const matched = new WeakMap<DuesBaseRecord, number>()
/** rows whose 所在党支部 differs from the roster's: said in the preview */
const elsewhere = new WeakMap<DuesBaseRecord, string>()
const memberOf = (r: DuesBaseRecord): number => {
  const id = matched.get(r)
  if (id === undefined) throw new Error('a dues base record was used before it was checked')
  return id
}

const describeBase = (category: DuesCategory, baseFen: number | null, monthlyFen: number) => `${DUES_CATEGORY_LABELS[category]}${baseFen !== null ? `，基数${formatYuan(baseFen)}元` : ''}，每月${formatYuan(monthlyFen)}元`

/**
 * 党费基数导入 for one year (`year` from the screen or `--year`): matched to the roster by ID number only, never by
 * name; the preview shows old → new for every base it would change. null: the kind as undo and the template see it.
 */
export function duesBaseImport(year: number | null): ImportKind<DuesBaseRecord> {
  return {
    kind: 'dues-bases',
    label: '党费基数',
    entity: 'dues_base',
    fields: [
      { key: 'name', label: '姓名', synonyms: ['党员姓名'], required: true },
      { key: 'idNumber', label: '身份证号', synonyms: ['身份证号码', '公民身份号码', '身份证'], required: true },
      { key: 'organization', label: '所在党支部', synonyms: ['党支部', '所在支部', '支部', '所在党组织', '党组织'] },
      { key: 'category', label: '人员类别', synonyms: ['类别', '人员身份', '身份类别', '党员类别', '交纳类别', '人员性质', '人员状态'], required: true },
      { key: 'base', label: '计算基数', synonyms: ['基数', '党费基数', '党费计算基数', '交纳基数', '缴纳基数', '缴费基数', '计算基数(元)', '基数(元)', '月工资收入', '月工资收入(元)', '月收入', '税后收入', '税后工资', '工资基数', '月基数', '离退休费', '养老金'], required: true },
      { key: 'fromMonth', label: '起始月份', synonyms: ['起始月', '开始月份', '执行月份', '生效月份', '起算月份', '调整月份', '起始时间', '自何月起'] },
    ],
    notes: [
      '按身份证号对应到党员名册（不按姓名）：身份证号一列请设为“文本”格式，Excel 把18位数字存成数字时会丢掉末尾几位，这样的行会被退回。',
      `人员类别填：${CATEGORY_HINT}。减免须经党支部研究决定，请在党费页面逐人登记。`,
      '计算基数：在职党员填每月税后工资收入中相对固定的、经常性的部分（事业单位为岗位工资、薪级工资、绩效工资、津贴补贴）；离退休党员填每月离退休费或养老金；学生、下岗失业等每月交0.2元的可以不填。可以写 8500、8,500.00 或 8500元。',
      '起始月份留空表示从1月起；年中调整的写调整的月份，如 2025-07、2025年7月 或 2025.7。所在党支部可以不填。',
    ],

    parse(get) {
      const issues: FieldIssue[] = []
      const name = normalizeName(cellText(get('name')?.value ?? null))
      if (!name) issues.push({ field: 'name', message: '请填写姓名' })
      const idCell = get('idNumber')
      let idNumber = ''
      if (!idCell || idCell.value === null || String(idCell.value).trim() === '') issues.push({ field: 'idNumber', message: '请填写身份证号（党费基数按身份证号对应到名册，不按姓名）' })
      else {
        const id = parseIdNumber(typeof idCell.value === 'number' ? idCell.value : String(idCell.value))
        if (id.ok) idNumber = id.value
        else issues.push({ field: 'idNumber', message: id.message })
      }
      const organization = cellText(get('organization')?.value ?? null) || null
      const categoryText = cellText(get('category')?.value ?? null)
      const category = categoryOfText(categoryText)
      if (!categoryText) issues.push({ field: 'category', message: '请填写人员类别' })
      else if (category === 'reduced') issues.push({ field: 'category', message: REDUCED })
      else if (!category) issues.push({ field: 'category', message: `人员类别“${categoryText}”无法识别，应为：${CATEGORY_HINT}` })
      let baseFen: number | null = null
      const baseCell = get('base')
      const baseGiven = !!baseCell && baseCell.value !== null && String(baseCell.value).trim() !== ''
      if (category && hasBase(category)) {
        if (!baseGiven) issues.push({ field: 'base', message: `人员类别为${categoryText}，请填写计算基数` })
        else {
          const parsed = parseYuan(typeof baseCell!.value === 'number' ? baseCell!.value : String(baseCell!.value), '计算基数')
          if (parsed.ok) baseFen = parsed.value
          else issues.push({ field: 'base', message: parsed.message })
        }
      }
      let fromMonth = `${year}-01`
      const monthCell = get('fromMonth')
      if (monthCell && monthCell.value !== null && String(monthCell.value).trim() !== '') {
        const parsed = monthCell.date ? { ok: true as const, value: monthCell.date.slice(0, 7) } : parseMonthText(typeof monthCell.value === 'number' ? monthCell.value : String(monthCell.value), year!)
        if (!parsed.ok) issues.push({ field: 'fromMonth', message: parsed.message })
        else if (!parsed.value.startsWith(`${year}-`)) issues.push({ field: 'fromMonth', message: `起始月份${parsed.value}不在${year}年：本次导入的是${year}年的党费基数，请核对` })
        else fromMonth = parsed.value
      }
      const label = `${name || '（未填姓名）'}（${categoryText || '未填类别'}）`
      if (issues.length || !category) return { record: null, issues, label }
      return { record: { name, idNumber, organization, category, baseFen, fromMonth }, issues }
    },

    keyOf: (r) => `${r.idNumber}|${r.fromMonth}`,
    keyField: 'idNumber',

    check(r, ctx, file) {
      const settings = settingsOf(ctx)
      const problem = baseProblem({ ...r, reducedFen: null, decision: null }, settings)
      if (problem) return [{ field: 'base', message: problem.message }]
      const person = people(ctx, file).get(r.idNumber)
      if (!person) return [{ field: 'idNumber', message: '名册中没有这个身份证号的党员：请核对身份证号，或先在党员名册中登记此人' }]
      if (person.name !== r.name) return [{ field: 'name', message: `身份证号登记的是${person.name}，与本行的“${r.name}”不符：请核对身份证号和姓名` }]
      const m = person.dues
      if (!m) return [{ field: 'name', message: `${person.name}是${STAGE_LABELS[person.stage as keyof typeof STAGE_LABELS] ?? '人员'}，还不是党员，不交纳党费` }]
      const owed = liableMonths(m.history, r.fromMonth, `${year}-12`)
      if (!owed.length) return [{ field: 'fromMonth', message: notOwedReason(m, r.fromMonth, owed) ?? `${m.name}${year}年不需在本单位交纳党费` }]
      // the finance list's 所在党支部 may be out of date or written short: the base is the person's, found by ID
      // number, so a different branch is pointed out in the preview, never a reason to refuse the row
      if (r.organization) {
        const ids = [...new Set(owed.map((o) => o.organizationId))]
        const branches = ctx.db.prepare('SELECT name FROM organizations WHERE id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(ids)) as string[]
        const same = (b: string) => b === r.organization || b.includes(r.organization!) || r.organization!.includes(b)
        if (!branches.some(same)) elsewhere.set(r, `名册中在${branches.join('、')}，与表中的“${r.organization}”不同`)
      }
      matched.set(r, m.id)
      return []
    },

    exists: (r, ctx) => baseAt(ctx.db, memberOf(r), r.fromMonth) !== null,
    fillsBlanks: () => false,

    changes(r, _mode, ctx) {
      const old = baseAt(ctx.db, memberOf(r), r.fromMonth)!
      if (old.category === r.category && old.baseFen === (hasBase(r.category) ? r.baseFen : null)) return ''
      const settings = settingsOf(ctx)
      const before = standardOf(old.category, old.baseFen, settings, old.reducedFen)
      const after = standardOf(r.category, r.baseFen, settings)
      return `${describeBase(old.category, old.baseFen, before.monthlyFen)} → ${describeBase(r.category, after.baseFen, after.monthlyFen)}`
    },

    apply(r, _mode, ctx) {
      const memberId = memberOf(r)
      const { id, replaced } = writeBase(ctx, memberId, r.fromMonth, { category: r.category, baseFen: r.baseFen, reducedFen: null, decision: null, source: 'finance', note: null })
      const s = standardOf(r.category, hasBase(r.category) ? r.baseFen : null, settingsOf(ctx))
      recordAudit(ctx, { entity: 'dues_base', entityId: id, before: replaced, after: { memberId, name: r.name, fromMonth: r.fromMonth, category: r.category, baseFen: s.baseFen, monthlyFen: s.monthlyFen, source: 'finance' } })
      return replaced ? { action: 'update', entityId: id, before: replaced } : { action: 'insert', entityId: id, before: null }
    },

    choices: { category: CODE_CHOICES.duesCategory },

    describe: (r) => `${r.name}（${DUES_CATEGORY_LABELS[r.category]}${r.baseFen !== null && hasBase(r.category) ? `，基数${formatYuan(r.baseFen)}元` : ''}，${r.fromMonth}起${elsewhere.has(r) ? `；${elsewhere.get(r)}` : ''}）`,

    usedBy(id, ctx) {
      const b = findBase(ctx.db, id)
      if (!b) return null
      const n = ctx.db.prepare('SELECT count(*) FROM dues_payments WHERE member_id = ? AND month >= ? AND voided_at IS NULL AND created_at >= (SELECT created_at FROM dues_bases WHERE id = ?)').pluck().get(b.memberId, b.fromMonth, id) as number
      const name = ctx.db.prepare('SELECT name FROM members WHERE id = ?').pluck().get(b.memberId) as string
      return n ? `${name}：已按此基数登记了${n}个月的党费` : null
    },

    undoInsert(id, ctx) {
      const before = findBase(ctx.db, id)
      voidRow(ctx.db, 'dues_bases', id, ctx.user, ctx.now().toISOString(), '撤销导入批次')
      recordAudit(ctx, { entity: 'dues_base', entityId: id, before, after: { voided: true, reason: '撤销导入批次' } })
    },

    undoUpdate(id, before, ctx) {
      // the base this import replaced is in force again; the imported one is voided
      const old = before as { id: number }
      voidRow(ctx.db, 'dues_bases', id, ctx.user, ctx.now().toISOString(), '撤销导入批次')
      ctx.db.prepare('UPDATE dues_bases SET voided_at = NULL, voided_by = NULL, void_reason = NULL WHERE id = ?').run(old.id)
      recordAudit(ctx, { entity: 'dues_base', entityId: id, before: findBase(ctx.db, id), after: { voided: true, reason: '撤销导入批次', restored: old.id } })
    },
  }
}

/** The year a dues base import needs, or a refusal the clerk can act on. */
export function requireYear(year: number | null): number {
  if (year === null) throw new AppError('VALIDATION', '请选择党费基数所属的年度')
  return year
}
