import { describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/backend/boot/dispatch'
import { b64, workbook, type Aoa } from '../../fixtures/workbooks'
import { checkChar } from '../../../electron/shared/rules/id-number'
import { verifyAuditChain } from '../../../electron/backend/audit'
import { fails, ok, testBackend } from '../helpers'

async function hospital() {
  const backend = testBackend()
  const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id })
  await ok(backend, 'orgs.create', { name: '外科党支部', type: 'branch', parentId: c.id })
  return backend
}
const file = (rows: Aoa, bookType: 'xlsx' | 'biff8' = 'xlsx') => ({ kind: 'members' as const, fileName: bookType === 'xlsx' ? '名册.xlsx' : '名册.xls', contentBase64: b64(workbook(rows, bookType)) })

/** A branch secretary's roster: title rows, spaced headers, full-width spaces in names, every date style. */
const MESSY: Aoa = [
  ['内科党支部党员花名册'],
  ['填报单位：内科党支部', null, null, null, null, null],
  ['姓 名', '性别', '公民身份号码', '出生年月', '所在党支部', '入党时间', '转正时间', '学历'],
  ['王　芳', '女', '11010519491231002x', '1949.12', '内科党支部', '1975年7月1日', '1976/7/1', '大学本科'],
  ['李  强', '男', '34052419800101001X', '19800101', '内科党支部', '2005.7.1', '20060701', '硕士研究生'],
  ['数字号', '男', 110105194912310020, null, '内科党支部', '2005-07-01', '2006-07-01', null],
  ['少年', '男', '34052419800101001X', null, '内科党支', '1990-01-01', null, null],
  ['错月份', '男', '34052420000101001X', '2000.02', '内科党支部', '2020-07-01', '2021-07-01', null],
  ['制表人：张三'],
]

async function preview(backend: Backend, rows: Aoa, bookType: 'xlsx' | 'biff8' = 'xlsx', mode: 'skip' | 'update' | 'fill' = 'skip') {
  return ok(backend, 'imports.preview', { ...file(rows, bookType), mode })
}

describe('党员名册 Excel 导入', () => {
  for (const bookType of ['xlsx', 'biff8'] as const) {
    it(`每一行有确定的结果：规范化姓名和身份证号，数字形式的身份证号和错误一律报错（${bookType}）`, async () => {
      const backend = await hospital()
      const p = await preview(backend, MESSY, bookType)
      expect(p.headerRow).toBe(3)
      const byRow = new Map(p.rows.map((r) => [r.row, r]))
      expect(byRow.get(4)).toMatchObject({ action: 'insert', description: '王芳（内科党支部，入党 1975-07-01）' })
      expect(byRow.get(5)).toMatchObject({ action: 'insert', description: '李强（内科党支部，入党 2005-07-01）' })
      expect(byRow.get(6)!.issues).toEqual([{ column: '公民身份号码', message: expect.stringContaining('设置为“文本”格式') }])
      // the same ID number twice in one file: the second is refused
      expect(byRow.get(7)!.issues).toEqual([{ column: '公民身份号码', message: '与第 5 行重复' }])
      expect(byRow.get(8)!.issues).toEqual([{ column: '出生年月', message: '出生年月2000-02与身份证号中的2000-01不符' }])
      expect(p.counts).toEqual({ insert: 2, update: 0, skip: 0, error: 3 })
    })
  }

  it('一行有几处错误时一次全部列出，并说明是谁的那一行', async () => {
    const backend = await hospital()
    const p = await preview(backend, [
      ['姓名', '身份证号', '出生日期', '所在党支部', '入党日期'],
      ['张伟', 110105194912310020, '1949.12', '内科党支布', '1975-07-01'],
    ])
    const row = p.rows[0]!
    expect(row.description).toBe('张伟（内科党支布）')
    expect(row.issues.map((i) => i.column)).toEqual(['身份证号', '出生日期', '所在党支部'])
    expect(row.issues[1]!.message).toBe('出生日期只写到月份（1949-12），要用身份证号补全日期，请先改正身份证号')
    expect(row.issues[2]!.message).toContain('找不到党支部“内科党支布”，是否是：内科党支部')
  })

  it('“时间”与“日期”两种写法的列名都能识别；人员类别与所填日期不符时报错', async () => {
    const backend = await hospital()
    const [wang, zhao] = ['11010519900101002', '11010519920101002'].map((b) => b + checkChar(b)) as [string, string]
    const p = await preview(backend, [
      ['姓名', '身份证号', '所在党支部', '申请入党时间', '确定积极分子时间', '人员类别'],
      ['王丽', wang, '内科党支部', '2020-03-01', '2021-03-01', '入党积极分子'],
      ['赵敏', zhao, '内科党支部', '2022-03-01', null, '入党积极分子'],
    ])
    expect(p.columns.map((c) => c.field)).toEqual(['name', 'idNumber', 'organization', 'appliedOn', 'activistOn', 'category'])
    expect(p.rows[0]!.issues).toEqual([])
    expect(p.rows[0]).toMatchObject({ action: 'insert' })
    expect(p.rows[1]!.issues).toEqual([{ column: '确定积极分子时间', message: '人员类别为入党积极分子，请填写确定积极分子日期' }])
    await ok(backend, 'imports.commit', { ...file([['姓名', '身份证号', '所在党支部', '申请入党时间', '确定积极分子时间'], ['王丽', wang, '内科党支部', '2020-03-01', '2021-03-01']]) })
    expect((await ok(backend, 'members.list', { q: '王丽' })).rows[0]).toMatchObject({ stage: 'activist' })
  })

  it('提交后写入有效行：出生日期取自身份证号，阶段由日期得出；支部名称写错时提示相近名称', async () => {
    const backend = await hospital()
    const result = await ok(backend, 'imports.commit', file(MESSY))
    // the four counts of the window's result panel come from the import itself: rows, not messages, in error
    expect(result).toMatchObject({ inserted: 2, updated: 0, skipped: 0, errorRows: 3 })
    const list = await ok(backend, 'members.list', {})
    // the list shows 出生年月 only; the day taken from the ID number is on the record
    const born = backend.context.db.prepare('SELECT birth_date FROM members ORDER BY id').pluck().all()
    expect(list.rows.map((r, i) => [r.name, born[i], r.birthMonth, r.stage, r.organizationName])).toEqual([
      ['王芳', '1949-12-31', '1949-12', 'full', '内科党支部'],
      ['李强', '1980-01-01', '1980-01', 'full', '内科党支部'],
    ])
    const wrongBranch = await preview(backend, [['姓名', '身份证号', '所在党支部', '入党日期'], ['赵六', '34052419800101001X', '内科党支', '2005-01-01']])
    expect(wrongBranch.rows[0]!.issues[0]!.message).toMatch(/^找不到党支部“内科党支”，是否是：内科党支部.*（不会自动新建）$/)
  })

  it('未满18岁入党、与库中重复的身份证号按名册规则处理', async () => {
    const backend = await hospital()
    await ok(backend, 'imports.commit', file(MESSY))
    const child = '11010520100101001' + checkChar('11010520100101001')
    const p = await preview(backend, [
      ['姓名', '身份证号', '所在党支部', '入党日期', '转正日期'],
      ['李强', '34052419800101001X', '外科党支部', '2005-07-01', '2006-07-01'],
      ['太小', child, '内科党支部', '2025-01-01', null],
    ])
    expect(p.rows[0]).toMatchObject({ action: 'skip', reason: '已存在（跳过已有）' })
    expect(p.rows[1]!.issues.map((i) => i.message).join()).toContain('入党时未满18周岁')
  })

  it('导出 → 导入得到相同的记录（往返）', async () => {
    const backend = await hospital()
    await ok(backend, 'imports.commit', file(MESSY))
    const exported = await ok(backend, 'exports.workbook', { source: 'members', includeSensitive: true })
    const fresh = await hospital()
    const again = await ok(fresh, 'imports.commit', { kind: 'members', fileName: '导出.xlsx', contentBase64: exported.contentBase64 })
    expect(again).toMatchObject({ inserted: 2, errors: [] })
    const strip = (rows: Awaited<ReturnType<typeof list>>) => rows.map(({ id: _id, organizationId: _o, ...rest }) => rest)
    const list = async (b: Backend) => (await ok(b, 'members.list', {})).rows
    expect(strip(await list(fresh))).toEqual(strip(await list(backend)))
  })

  it('每个导入的人在审计日志中各有一条记录（只列填写了的项），导入、覆盖更新、撤销之后哈希链仍然完整', async () => {
    const backend = await hospital()
    const first = await ok(backend, 'imports.commit', file(MESSY))
    await ok(backend, 'orgs.create', { name: '药剂科党支部', type: 'branch', parentId: 1 })
    const update = await ok(backend, 'imports.commit', { ...file([['姓名', '身份证号', '所在党支部', '入党日期', '转正日期', '科室'], ['王芳', '11010519491231002X', '内科党支部', '1975-07-01', '1976-07-01', '老干部科']]), mode: 'update' })
    expect(update.updated).toBe(1)
    await ok(backend, 'imports.undo', { batchId: update.batchId! })
    const entries = await ok(backend, 'audit.list', { entity: 'member', limit: 50 })
    const created = entries.filter((e) => e.method === 'imports.commit' && e.before === null)
    expect(created.map((e) => (e.after as { name: string }).name).sort()).toEqual(['李强', '王芳'])
    // the after-image of a new person lists the fields that hold a value; a blank field is simply absent
    expect(Object.keys(created[0]!.after as object)).not.toContain('phone')
    expect(created[0]!.after).toMatchObject({ stage: 'full', organizationId: 2 })
    expect(first.batchId).not.toBeNull()
    expect(verifyAuditChain(backend.context.db)).toEqual({ ok: true, count: expect.any(Number) })
  })

  it('只补空白：已有记录只填入原来为空的项', async () => {
    const backend = await hospital()
    await ok(backend, 'imports.commit', file(MESSY))
    const r = await ok(backend, 'imports.commit', { ...file([['姓名', '身份证号', '所在党支部', '入党日期', '转正日期', '学历', '科室'], ['王芳', '11010519491231002X', '内科党支部', '1975-07-01', '1976-07-01', '硕士研究生', '老干部科']]), mode: 'fill' })
    expect(r.updated).toBe(1)
    const w = (await ok(backend, 'members.list', { q: '王芳' })).rows[0]!
    expect([w.education, w.department]).toEqual(['大学本科', '老干部科'])
  })

  it('模板里的示例行原样留着也不会导入：预览标为跳过并说明；其他行照常导入', async () => {
    const backend = await hospital()
    const template = await ok(backend, 'imports.template', { kind: 'members' })
    const XLSX = await import('xlsx')
    const wb = XLSX.read(Buffer.from(template.contentBase64, 'base64'))
    const sheet = wb.Sheets['党员导入']!
    // the clerk adds their own person under the example and imports the template as downloaded
    const header = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 })[0]!
    const mine: Record<string, string> = { 姓名: '李娜', 性别: '女', 身份证号: '110105198503010024', 所在党支部: '内科党支部', 入党日期: '2010-07-01', 转正日期: '2011-07-01' }
    XLSX.utils.sheet_add_aoa(sheet, [header.map((h) => mine[h] ?? null)], { origin: 'A3' })
    const contentBase64 = Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' })).toString('base64')
    const p = await ok(backend, 'imports.preview', { kind: 'members', fileName: '党员导入模板.xlsx', contentBase64 })
    expect(p.rows.map((r) => [r.row, r.action, r.reason])).toEqual([
      [2, 'skip', '模板中的示例行，未导入'],
      [3, 'insert', ''],
    ])
    const done = await ok(backend, 'imports.commit', { kind: 'members', fileName: '党员导入模板.xlsx', contentBase64 })
    expect(done).toMatchObject({ inserted: 1, skipped: 1, errors: [] })
    expect((await ok(backend, 'members.list', { q: '王芳' })).total).toBe(0)
  })

  it('两列同名（联系电话 | 联系电话）：第二列以列号区分，干事给它选的字段不会套到第一列上；备注列照常导入', async () => {
    const backend = await hospital()
    const rows: Aoa = [
      ['姓名', '身份证号', '所在党支部', '入党日期', '转正日期', '联系电话', '联系电话', '备注'],
      ['王芳', '11010519491231002X', '内科党支部', '1975-07-01', '1976-07-01', '13800000000', '北京市朝阳区某路1号', '老党员'],
    ]
    const p = await preview(backend, rows)
    expect(p.columns.map((c) => [c.header, c.field])).toEqual([
      ['姓名', 'name'],
      ['身份证号', 'idNumber'],
      ['所在党支部', 'organization'],
      ['入党日期', 'joinedOn'],
      ['转正日期', 'convertedOn'],
      ['联系电话', 'phone'],
      ['联系电话（G列）', null],
      ['备注', 'note'],
    ])
    await ok(backend, 'imports.commit', { ...file(rows), mapping: { '联系电话（G列）': 'address' } })
    const id = (await ok(backend, 'members.list', { q: '王芳' })).rows[0]!.id
    expect((await ok(backend, 'members.reveal', { id, field: 'phone' })).value).toBe('13800000000')
    expect((await ok(backend, 'members.reveal', { id, field: 'address' })).value).toBe('北京市朝阳区某路1号')
    expect((await ok(backend, 'members.get', { id })).member.note).toBe('老党员')
  })

  it('身份证号与名册中另一人相同而姓名不同：任何方式都退回并说明，绝不把别人改名；更新时所在党支部不同也指出', async () => {
    const backend = await hospital()
    const head = ['姓名', '身份证号', '所在党支部', '入党日期', '转正日期']
    await ok(backend, 'imports.commit', { ...file([head, ['王芳', '11010519491231002X', '内科党支部', '1975-07-01', '1976-07-01']]) })
    const typo: Aoa = [head, ['王五', '11010519491231002X', '外科党支部', '1975-07-01', '1976-07-01']]
    for (const mode of ['skip', 'update', 'fill'] as const) {
      const row = (await preview(backend, typo, 'xlsx', mode)).rows[0]!
      expect(row.action).toBe('error')
      expect(row.issues[0]!.message).toBe('身份证号与名册中的王芳（内科党支部）相同，姓名却是王五：请核对身份证号；确实改了姓名的，请在党员名册中修改')
    }
    const moved: Aoa = [head, ['王芳', '11010519491231002X', '外科党支部', '1975-07-01', '1976-07-01']]
    expect((await preview(backend, moved, 'xlsx', 'update')).rows[0]!.issues[0]!.message).toContain('导入不调动组织关系')
    expect((await preview(backend, moved, 'xlsx', 'skip')).rows[0]!.action).toBe('skip')
    await ok(backend, 'imports.commit', { ...file(typo), mode: 'update' })
    expect((await ok(backend, 'members.list', { q: '王芳' })).total).toBe(1)
  })

  it('导入的人已被支委会任职用到时，整批撤销说明是谁、被什么用到，什么都不改', async () => {
    const backend = await hospital()
    const imported = await ok(backend, 'imports.commit', { ...file([['姓名', '身份证号', '所在党支部', '入党日期', '转正日期'], ['王芳', '11010519491231002X', '内科党支部', '1975-07-01', '1976-07-01']]) })
    const committee: Aoa = [['所在党支部', '姓名', '职务', '任职日期'], ['内科党支部', '王芳', '书记', '2024-01-15']]
    await ok(backend, 'imports.commit', { kind: 'committees', fileName: '班子.xlsx', contentBase64: b64(workbook(committee)) })
    const refused = await fails(backend, 'imports.undo', { batchId: imported.batchId! })
    expect(refused.message).toBe('该批次导入的记录已被其他记录用到（王芳：支委会任职），整批撤销会让这些记录失去对象，因此不能撤销')
    expect((await ok(backend, 'members.list', { q: '王芳' })).total).toBe(1)
  })

  it('一个文件几个工作表：预览列出每个工作表，说明还有哪些表没导入；选哪个表就导入哪个', async () => {
    const backend = await hospital()
    const XLSX = await import('xlsx')
    const wb = XLSX.utils.book_new()
    const head = ['姓名', '身份证号', '所在党支部', '入党日期', '转正日期']
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['填写说明：每个支部一个工作表']]), '填写说明')
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([head, ['王芳', '11010519491231002X', '内科党支部', '1975-07-01', '1976-07-01']]), '内科')
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([head, ['李强', '34052419800101001X', '外科党支部', '2005-07-01', '2006-07-01']]), '外科')
    const input = { kind: 'members' as const, fileName: '各支部名册.xlsx', contentBase64: Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' })).toString('base64') }
    const first = await ok(backend, 'imports.preview', input)
    expect(first.sheetName).toBe('内科')
    expect(first.sheets).toEqual([
      { name: '填写说明', readable: false },
      { name: '内科', readable: true },
      { name: '外科', readable: true },
    ])
    const surgery = await ok(backend, 'imports.commit', { ...input, sheetName: '外科' })
    expect(surgery.inserted).toBe(1)
    expect((await ok(backend, 'members.list', { q: '李强' })).total).toBe(1)
    expect((await ok(backend, 'members.list', { q: '王芳' })).total).toBe(0)
  })

  it('更新前的预览写明每项由什么改成什么（电话只说将更改）；没有可改的行标为跳过', async () => {
    const backend = await hospital()
    const head = ['姓名', '身份证号', '所在党支部', '入党日期', '转正日期', '学历', '科室', '联系电话']
    await ok(backend, 'imports.commit', { ...file([head, ['王芳', '11010519491231002X', '内科党支部', '1975-07-01', '1976-07-01', null, '心内科', '13800000000']]) })
    const next: Aoa = [head, ['王芳', '11010519491231002X', '内科党支部', '1975-07-01', '1976-07-01', '大学本科', '呼吸科', '13900000000']]
    expect((await preview(backend, next, 'xlsx', 'update')).rows[0]).toMatchObject({ action: 'update', reason: '学历：（空） → 大学本科；科室：心内科 → 呼吸科；联系电话将更改' })
    expect((await preview(backend, next, 'xlsx', 'fill')).rows[0]).toMatchObject({ action: 'update', reason: '学历：（空） → 大学本科' })
    const same: Aoa = [head, ['王芳', '11010519491231002X', '内科党支部', '1975-07-01', '1976-07-01', null, '心内科', '13800000000']]
    expect((await preview(backend, same, 'xlsx', 'update')).rows[0]).toMatchObject({ action: 'skip', reason: '已存在，内容与现有记录相同' })
  })

  it('只带要更新的几列（不重复入党日期）也能更新或补空白：按更新后的档案校验', async () => {
    const backend = await hospital()
    await ok(backend, 'imports.commit', { ...file([['姓名', '身份证号', '所在党支部', '入党日期', '转正日期'], ['王芳', '11010519491231002X', '内科党支部', '1975-07-01', '1976-07-01']]) })
    const only: Aoa = [['姓名', '身份证号', '所在党支部', '学历'], ['王芳', '11010519491231002X', '内科党支部', '大学本科']]
    for (const mode of ['update', 'fill'] as const) expect((await preview(backend, only, 'xlsx', mode)).rows[0]).toMatchObject({ action: 'update', reason: '学历：（空） → 大学本科', issues: [] })
    await ok(backend, 'imports.commit', { ...file(only), mode: 'fill' })
    const id = (await ok(backend, 'members.list', { q: '王芳' })).rows[0]!.id
    expect((await ok(backend, 'members.get', { id })).member).toMatchObject({ education: '大学本科', joinedOn: '1975-07-01', convertedOn: '1976-07-01' })
  })
})
