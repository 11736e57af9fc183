import { describe, expect, it } from 'vitest'
import { b64, workbook, type Aoa } from '../../fixtures/workbooks'
import { ok, testBackend } from '../helpers'

/** A hospital with two branches; 内科 has 王芳, 李强 (full members), 张伟 (预备党员) and two people named 刘洋. */
async function hospital() {
  const backend = testBackend()
  const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  const medicine = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id })
  await ok(backend, 'orgs.create', { name: '外科党支部', type: 'branch', parentId: c.id })
  const person = (name: string, gender: '男' | '女', idNumber: string | null, joinedOn: string, convertedOn: string | null) =>
    ok(backend, 'members.create', {
      organizationId: medicine.id,
      fields: { name, gender, idNumber, birthDate: idNumber ? null : '1980-01-01', joinedOn, convertedOn },
    } as never)
  await person('王芳', '女', '11010519491231002X', '1975-07-01', '1976-07-01')
  await person('李强', '男', '34052419800101001X', '2005-07-01', '2006-07-01')
  await person('张伟', '男', null, '2025-01-10', null)
  await person('刘洋', '男', null, '2010-07-01', '2011-07-01')
  await person('刘洋', '女', null, '2012-07-01', '2013-07-01')
  return { backend, medicineId: medicine.id }
}

const file = (rows: Aoa, bookType: 'xlsx' | 'biff8' = 'xlsx') => ({ kind: 'committees' as const, fileName: bookType === 'xlsx' ? '班子.xlsx' : '班子.xls', contentBase64: b64(workbook(rows, bookType)) })

const SHEET: Aoa = [
  ['内科党支部支委会成员名单'],
  ['所在党支部', '姓 名', '身份证号', '职务', '任职时间', '离任日期', '双带头人'],
  ['内科党支部', '王　芳', null, '支部书记', '2024.1.15', null, '是'],
  ['内科党支部', '李强', '34052419800101001X', '组织委员', '2024-01-15', null, '否'],
  ['内科党支部', '张伟', null, '宣传委员', '2024-01-15', null, null],
  ['内科党支部', '刘洋', null, '纪检委员', '2024-01-15', null, null],
  ['内科党支部', '李强', null, '书记', '2021-01-10', '2024-01-15', null],
  ['内科党支', '王芳', null, '委员', '2024-01-15', null, null],
  ['内科党支部', '王芳', null, '支部主任', '2024-01-15', null, null],
]

describe('支委会成员 Excel 导入', () => {
  for (const bookType of ['xlsx', 'biff8'] as const) {
    it(`现任与历任委员各有确定结果：预备党员、重名、不存在的支部和职务都说明原因（${bookType}）`, async () => {
      const { backend, medicineId } = await hospital()
      const p = await ok(backend, 'imports.preview', { ...file(SHEET, bookType), mode: 'skip' })
      const byRow = new Map(p.rows.map((r) => [r.row, r]))
      expect(byRow.get(3)).toMatchObject({ action: 'insert', description: '王芳（内科党支部，书记，2024-01-15 起）' })
      expect(byRow.get(4)!.action).toBe('insert')
      expect(byRow.get(5)).toMatchObject({ action: 'error', issues: [{ column: '姓 名', message: '张伟不是党籍正常的正式党员，不能担任支委会职务' }] })
      expect(byRow.get(6)!.issues[0]!.message).toBe('“内科党支部”有 2 位名叫“刘洋”的党员，请填写身份证号以区分')
      // a past 书记 with 离任日期 is history, not a second current secretary
      expect(byRow.get(7)).toMatchObject({ action: 'insert', description: '李强（内科党支部，书记，2021-01-10 起 至 2024-01-15）' })
      expect(byRow.get(8)!.issues[0]!.message).toContain('是否是：内科党支部')
      expect(byRow.get(9)!.issues[0]!.message).toContain('职务“支部主任”无法识别')
      // a row that could not be read still says whose it is
      expect(byRow.get(9)!.description).toBe('王芳（内科党支部，支部主任）')

      const result = await ok(backend, 'imports.commit', { ...file(SHEET, bookType), mode: 'skip' })
      expect(result).toMatchObject({ inserted: 3, updated: 0, skipped: 0 })
      const committee = await ok(backend, 'committees.list', { organizationId: medicineId })
      expect(committee.map((c) => [c.memberName, c.post, c.endedOn, c.dualLeader])).toEqual([
        ['王芳', 'secretary', null, true],
        ['李强', 'organization', null, false],
        ['李强', 'secretary', '2024-01-15', false],
      ])
    })
  }

  it('同一表中为一个支部登记两位现任书记时，第二位报错', async () => {
    const { backend } = await hospital()
    const p = await ok(backend, 'imports.preview', {
      ...file([
        ['所在党支部', '姓名', '职务', '任职日期'],
        ['内科党支部', '王芳', '书记', '2024-01-15'],
        ['内科党支部', '李强', '书记', '2024-01-15'],
      ]),
      mode: 'skip',
    })
    expect(p.rows.map((r) => r.action)).toEqual(['error', 'error'])
    expect(p.rows[1]!.issues[0]!.message).toBe('本表第 2 行也登记了该支部的现任书记，每个支部只能有一位现任书记')
  })

  it('再次导入同一名单时跳过已有；补登离任日期后整批撤销恢复原状', async () => {
    const { backend, medicineId } = await hospital()
    const rows: Aoa = [
      ['所在党支部', '姓名', '职务', '任职日期', '离任日期'],
      ['内科党支部', '王芳', '书记', '2024-01-15', null],
    ]
    await ok(backend, 'imports.commit', { ...file(rows), mode: 'skip' })
    const again = await ok(backend, 'imports.commit', { ...file(rows), mode: 'skip' })
    expect(again).toMatchObject({ inserted: 0, skipped: 1 })
    const ended = await ok(backend, 'imports.commit', { ...file([rows[0]!, ['内科党支部', '王芳', '书记', '2024-01-15', '2025-03-01']]), mode: 'fill' })
    expect(ended).toMatchObject({ updated: 1 })
    expect((await ok(backend, 'committees.list', { organizationId: medicineId }))[0]!.endedOn).toBe('2025-03-01')
    await ok(backend, 'imports.undo', { batchId: ended.batchId! })
    expect((await ok(backend, 'committees.list', { organizationId: medicineId }))[0]!.endedOn).toBeNull()
  })
})
