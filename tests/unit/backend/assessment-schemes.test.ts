import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { Scheme } from '../../../electron/shared/rules/scoring'
import { fails, ok, testBackend } from '../helpers'

const MINE: Scheme = {
  name: '市人民医院星级党支部考评细则',
  year: 2026,
  bonusMax: 5,
  dimensions: [
    { name: '组织建设（含换届）', points: 40, indicators: [{ key: '1.1', name: '按期换届', kind: 'points', max: 20, guide: '按期换届得满分' }, { key: '1.2', name: '三会一课', kind: 'points', max: 20, source: 'meetingCompliance' }, { key: '1.3', name: '未按期召开', kind: 'deduction', max: 10, unit: 2 }] },
    { name: '业务融合', points: 60, indicators: [{ key: '2.1', name: '医疗质量', kind: 'points', max: 60 }, { key: '2.2', name: '表彰', kind: 'bonus', max: 5 }] },
  ],
}

async function workbook(rows: (string | number | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('细则')
  for (const r of rows) ws.addRow(r)
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer).toString('base64')
}

describe('指标体系', () => {
  it('新建、修改未使用的体系；用于考评后不能再改，只能复制为新版本（同一年度版本号递增）', async () => {
    const backend = testBackend()
    const { row, problems } = await ok(backend, 'assessments.saveScheme', { id: null, scheme: MINE })
    expect(row).toMatchObject({ version: 1, usedBy: 0, isExample: false })
    expect(problems).toEqual([])
    const edited = await ok(backend, 'assessments.saveScheme', { id: row.id, scheme: { ...MINE, dimensions: [{ ...MINE.dimensions[0]!, points: 30 }, MINE.dimensions[1]!] } })
    expect(edited.problems.map((p) => p.message)).toContain('得分指标合计 40 分，按维度分值 30 分折算')
    const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    const org = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id })
    await ok(backend, 'assessments.createRound', { schemeId: row.id, name: '2026年评定', period: '2026', periodFrom: '2026-01-01', periodTo: '2026-12-31', organizationIds: [org.id], stages: ['院党委考评'], rating: {} })
    expect((await fails(backend, 'assessments.saveScheme', { id: row.id, scheme: MINE })).message).toContain('已用于1次考评，不能再修改')
    const v2 = await ok(backend, 'assessments.copyScheme', { id: row.id, year: 2026 })
    expect(v2).toMatchObject({ year: 2026, version: 2, usedBy: 0 })
    const next = await ok(backend, 'assessments.copyScheme', { id: row.id, year: 2027 })
    expect(next).toMatchObject({ year: 2027, version: 1 })
    const example = (await ok(backend, 'assessments.schemes', {})).find((s) => s.isExample)!
    expect((await fails(backend, 'assessments.saveScheme', { id: example.id, scheme: MINE })).message).toContain('示例指标体系保持原样')
    expect((await ok(backend, 'audit.list', { entity: 'assessment_scheme' })).length).toBe(4)
  })

  it('有错误的体系不保存，并指出是哪个指标的什么问题', async () => {
    const backend = testBackend()
    const bad = { ...MINE, dimensions: [{ ...MINE.dimensions[0]!, indicators: [MINE.dimensions[0]!.indicators[0]!, { ...MINE.dimensions[0]!.indicators[1]!, key: '1.1' }] }] }
    const error = await fails(backend, 'assessments.saveScheme', { id: null, scheme: bad })
    expect(error.message).toBe('指标“三会一课”：指标编号“1.1”与“按期换届”重复')
  })

  it('导出为 Excel 再导入，得到同样的指标树（名称里的全角标点原样保留）', async () => {
    const backend = testBackend()
    const { row } = await ok(backend, 'assessments.saveScheme', { id: null, scheme: MINE })
    const file = await ok(backend, 'assessments.exportScheme', { id: row.id })
    expect(file.fileName).toBe('市人民医院星级党支部考评细则（2026年第1版）.xlsx')
    const back = await ok(backend, 'assessments.importScheme', file)
    expect(back.row.scheme).toEqual(MINE)
    expect(back.row.version).toBe(2)
    const example = (await ok(backend, 'assessments.schemes', {})).find((s) => s.isExample)!
    const exampleBack = await ok(backend, 'assessments.importScheme', await ok(backend, 'assessments.exportScheme', { id: example.id }))
    expect(exampleBack.row.scheme).toEqual(example.scheme)
  })

  it('读取本院自己写的细则表：标题行、“同上”留空的维度、未写编号的自动编号；错误指出行和列', async () => {
    const backend = testBackend()
    const content = await workbook([
      ['2026年度党支部工作考核细则'],
      ['考核项目', '项目分值', '考核内容', '类型', '分值', '评分标准'],
      ['班子建设', 20, '支委会配备齐全', '得分', 10, '缺一人扣2分'],
      [null, null, '书记双带头人', '得分', 10, null],
      ['违规扣分', 0.001, '违反廉洁规定', '扣分', 20, null],
      ['制表人：张三'],
    ])
    const { row } = await ok(backend, 'assessments.importScheme', { fileName: '细则.xlsx', contentBase64: content })
    expect(row.scheme.name).toBe('2026年度党支部工作考核细则')
    expect(row.year).toBe(2026)
    expect(row.scheme.dimensions[0]!.indicators.map((i) => [i.key, i.name, i.max])).toEqual([
      ['1.1', '支委会配备齐全', 10],
      ['1.2', '书记双带头人', 10],
    ])
    const broken = await workbook([
      ['考核维度', '指标名称', '计分类型', '分值上限', '自动取数'],
      ['组织生活', '三会一课', '记分', 10, '会议系统'],
      ['组织生活', '', '得分', -1, null],
    ])
    const error = await fails(backend, 'assessments.importScheme', { fileName: '坏.xlsx', contentBase64: broken })
    expect(error.message).toContain('第2行【计分类型】计分类型应为 得分、扣分 或 加分')
    expect(error.message).toContain('第2行【自动取数】')
    expect(error.message).toContain('第3行【分值上限】')
    expect(error.message).toContain('第3行【指标名称】请填写指标名称')
  })
})
