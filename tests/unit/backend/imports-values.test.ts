import { describe, expect, it } from 'vitest'
import { checkChar } from '../../../electron/shared/rules/id-number'
import { b64, workbook, type Aoa } from '../../fixtures/workbooks'
import { ok, testBackend } from '../helpers'

/** 把「X」都当作 …: a value of a coded column the roster does not know, mapped once for every row that writes it. */
async function hospital() {
  const backend = testBackend()
  const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id })
  return backend
}
const id = (body: string) => body + checkChar(body)
const ROWS: Aoa = [
  ['姓名', '身份证号', '所在党支部', '入党日期', '转正日期', '学历', '民族'],
  ['周明', id('11010519820401001'), '内科党支部', '2010-07-01', '2011-07-01', '硕士研究生在读', '汉族'],
  ['吴刚', id('11010519820401002'), '内科支部', '2010-07-01', '2011-07-01', '硕士研究生在读', '汉族'],
  ['郑洁', id('11010519820401003'), '内科党支部', '2010-07-01', '2011-07-01', '大学本科', '汉组'],
  ['钱伟', id('11010519820401004'), '内科党支部', '2010-07-01', '2011-07-01', '硕士研究生在读', '汉族'],
]
const file = (rows: Aoa, name = '名单.xlsx') => ({ kind: 'members' as const, fileName: name, contentBase64: b64(workbook(rows)) })

describe('导入预览中认不出的值：一次对应，所有写这个值的行都按它读', () => {
  it('按（列，值）列出认不出的值、写它的行和可选的规范值；对应后重新检查，这些行变为有效', async () => {
    const backend = await hospital()
    const p = await ok(backend, 'imports.preview', file(ROWS))
    expect(p.counts).toMatchObject({ insert: 0, error: 4 })
    const groups = p.unknownValues.map((g) => [g.column, g.value, g.rows])
    expect(groups).toEqual(
      expect.arrayContaining([
        ['学历', '硕士研究生在读', [2, 5]],
        ['所在党支部', '内科支部', [3]],
        ['民族', '汉组', [4]],
      ]),
    )
    const education = p.unknownValues.find((g) => g.field === 'education')!
    expect(education.choices).toContain('硕士研究生')
    expect(education.message).toContain('学历“硕士研究生在读”不是规定的写法')
    expect(p.unknownValues.find((g) => g.field === 'organization')!.choices).toEqual(['内科党支部'])

    const values = { education: { 硕士研究生在读: '硕士研究生' }, organization: { 内科支部: '内科党支部' }, ethnicity: { 汉组: '汉族' } }
    const mapped = await ok(backend, 'imports.preview', { ...file(ROWS), values })
    expect(mapped.counts).toMatchObject({ insert: 4, error: 0 })
    expect(mapped.unknownValues).toEqual([])
    expect(mapped.mappedValues).toEqual(expect.arrayContaining([{ field: 'education', column: '学历', value: '硕士研究生在读', to: '硕士研究生', rows: 3 }]))
    await ok(backend, 'imports.commit', { ...file(ROWS), values })
    const wu = (await ok(backend, 'members.list', { q: '吴刚' })).rows[0]!
    expect(wu.organizationName).toBe('内科党支部')
    expect((await ok(backend, 'members.get', { id: wu.id })).member.education).toBe('硕士研究生')
  })

  it('导入后按导入类型记住，下一份文件不再问；“恢复默认识别”一并忘记', async () => {
    const backend = await hospital()
    await ok(backend, 'imports.commit', { ...file(ROWS.slice(0, 2)), values: { education: { 硕士研究生在读: '硕士研究生' } } })
    const next: Aoa = [ROWS[0]!, ['孙丽', id('11010519820401005'), '内科党支部', '2010-07-01', '2011-07-01', '硕士研究生在读', '汉族']]
    const again = await ok(backend, 'imports.preview', file(next, '下一份.xlsx'))
    expect(again.counts).toMatchObject({ insert: 1, error: 0 })
    expect(again.mappedValues).toEqual([{ field: 'education', column: '学历', value: '硕士研究生在读', to: '硕士研究生', rows: 1 }])
    // remembered per kind: a committee list is not read with the roster's values
    expect(backend.context.db.prepare('SELECT kind, field, value, mapped_to FROM import_value_mappings').all()).toEqual([{ kind: 'members', field: 'education', value: '硕士研究生在读', mapped_to: '硕士研究生' }])
    expect((await ok(backend, 'imports.forgetMappings', { kind: 'members' })).forgotten).toBe(1)
    expect((await ok(backend, 'imports.preview', file(next, '下一份.xlsx'))).counts).toMatchObject({ insert: 0, error: 1 })
  })

  it('只看预览不记住；对应到的值本身不对时照样报错，仍列为认不出的值', async () => {
    const backend = await hospital()
    await ok(backend, 'imports.preview', { ...file(ROWS), values: { education: { 硕士研究生在读: '硕士研究生' } } })
    expect(backend.context.db.prepare('SELECT count(*) FROM import_value_mappings').pluck().get()).toBe(0)
    const wrong = await ok(backend, 'imports.preview', { ...file(ROWS), values: { organization: { 内科支部: '外科党支部' } } })
    expect(wrong.unknownValues.find((g) => g.field === 'organization')).toMatchObject({ value: '内科支部', rows: [3] })
  })

  it('支委会职务、组织类型认不出时同样可以一次对应；记住的对应只用于同一导入类型', async () => {
    const backend = await hospital()
    await ok(backend, 'members.create', { organizationId: (await ok(backend, 'orgs.list', {})).find((o) => o.name === '内科党支部')!.id, fields: { name: '王芳', gender: '女', joinedOn: '1975-07-01', convertedOn: '1976-07-01' } } as never)
    const committee = { kind: 'committees' as const, fileName: '班子.xlsx', contentBase64: b64(workbook([['所在党支部', '姓名', '职务', '任职日期'], ['内科党支部', '王芳', '支部主任', '2024-01-15']])) }
    const p = await ok(backend, 'imports.preview', committee)
    expect(p.unknownValues).toEqual([expect.objectContaining({ column: '职务', value: '支部主任', rows: [2], choices: expect.arrayContaining(['书记', '委员']) })])
    await ok(backend, 'imports.commit', { ...committee, values: { post: { 支部主任: '书记' } } })
    expect((await ok(backend, 'imports.preview', committee)).mappedValues).toEqual([{ field: 'post', column: '职务', value: '支部主任', to: '书记', rows: 1 }])

    const orgs = { kind: 'organizations' as const, fileName: '组织.xlsx', contentBase64: b64(workbook([['组织名称', '组织类型', '上级组织'], ['外科党支部', '党支', '中共示范医院委员会']])) }
    const o = await ok(backend, 'imports.preview', orgs)
    expect(o.unknownValues).toEqual([expect.objectContaining({ column: '组织类型', value: '党支', rows: [2] })])
    expect(o.mappedValues).toEqual([])
    expect((await ok(backend, 'imports.preview', { ...orgs, values: { type: { 党支: '党支部' } } })).counts).toMatchObject({ insert: 1, error: 0 })
  })
})
