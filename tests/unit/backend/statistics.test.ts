import { describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/backend/dispatch'
import { ok, testBackend } from '../helpers'

async function hospital() {
  const backend = testBackend('2026-03-01T10:00:00+08:00')
  const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  const b = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id })
  const add = async (fields: Record<string, unknown>) => (await ok(backend, 'members.create', { organizationId: b.id, fields: { gender: '男', ethnicity: '汉族', education: '大学本科', occupation: '专业技术人员', ...fields } as never })).member.id
  return { backend, branch: b, add }
}

const stats = (backend: Backend, year: number) => ok(backend, 'stats.annual', { year })

describe('党内统计', () => {
  it('年龄按12月31日周岁：12月31日生日的已满岁，1月1日生日的同样计入当年', async () => {
    const { backend, add } = await hospital()
    await add({ name: '甲', birthDate: '1994-12-31', joinedOn: '2015-01-01', convertedOn: '2016-01-01' })
    await add({ name: '乙', birthDate: '1995-01-01', joinedOn: '2015-01-01', convertedOn: '2016-01-01' })
    const s = await stats(backend, 2025)
    // 甲 turns 31 on 2025-12-31; 乙 is 30 on that day
    expect(s.ageBands['31-35岁']).toBe(1)
    expect(s.ageBands['30岁及以下']).toBe(1)
    expect((await ok(backend, 'stats.drill', { year: 2025, key: 'ageBands.31-35岁' })).map((p) => p.name)).toEqual(['甲'])
  })

  it('入党时间段：1978-12-31 与 1979-01-01 分属两段', async () => {
    const { backend, add } = await hospital()
    await add({ name: '老一', birthDate: '1950-01-01', joinedOn: '1978-12-31', convertedOn: '1979-12-31' })
    await add({ name: '老二', birthDate: '1950-01-01', joinedOn: '1979-01-01', convertedOn: '1980-01-01' })
    const s = await stats(backend, 2025)
    expect(s.joinPeriods).toEqual({ '1949年10月以前': 0, '1949年10月至1978年12月': 1, '1979年1月至2012年10月': 1, '2012年11月以后': 0 })
  })

  it('12月31日出党的不计入当年年底人数，次年1月1日出党的计入', async () => {
    const { backend, add } = await hospital()
    const a = await add({ name: '甲', birthDate: '1960-01-01', joinedOn: '1990-01-01', convertedOn: '1991-01-01' })
    const b = await add({ name: '乙', birthDate: '1960-01-01', joinedOn: '1990-01-01', convertedOn: '1991-01-01' })
    await ok(backend, 'members.event', { type: 'left', id: a, date: '2025-12-31', leaveReason: '除名', documentNo: '院党委〔2025〕9号' })
    await ok(backend, 'members.event', { type: 'left', id: b, date: '2026-01-01', leaveReason: '除名', documentNo: '院党委〔2026〕1号' })
    const s = await stats(backend, 2025)
    expect(s.total).toBe(1)
    expect(s.left.除名).toBe(1)
    expect((await ok(backend, 'stats.drill', { year: 2025, key: 'total' })).map((p) => p.name)).toEqual(['乙'])
  })

  it('死亡是党员减少，不是出党：出党表只有党章规定的出党方式，减少表分列死亡、出党、取消预备党员资格、转出', async () => {
    const { backend, add } = await hospital()
    const died = await add({ name: '去世的', birthDate: '1940-01-01', joinedOn: '1960-01-01', convertedOn: '1961-01-01' })
    const out = await add({ name: '脱党的', birthDate: '1980-01-01', joinedOn: '2000-01-01', convertedOn: '2001-01-01' })
    const moved = await add({ name: '转走的', birthDate: '1980-01-01', joinedOn: '2000-01-01', convertedOn: '2001-01-01' })
    const cancelled = await add({ name: '预备的', birthDate: '1995-01-01', joinedOn: '2024-09-01' })
    await add({ name: '申请人', birthDate: '1995-01-01', appliedOn: '2024-01-01' }).then((id) => ok(backend, 'members.event', { type: 'died', id, date: '2025-02-01' }))
    await ok(backend, 'members.event', { type: 'died', id: died, date: '2025-03-01' })
    await ok(backend, 'members.event', { type: 'left', id: out, date: '2025-04-01', leaveReason: '自行脱党', documentNo: '院党委〔2025〕3号' })
    await ok(backend, 'members.event', { type: 'transfer_out', id: moved, date: '2025-05-01', toOrganization: '某大学党委' })
    await ok(backend, 'members.event', { type: 'cancelled', id: cancelled, date: '2025-06-01', reason: '不履行党员义务' })
    const s = await stats(backend, 2025)
    expect(s.left).toEqual({ 开除党籍: 0, 除名: 0, 自行脱党: 1, 劝退: 0, 退党: 0 })
    // the applicant who died was never a member: no 党员减少
    expect(s.reductions).toEqual({ 死亡: 1, 出党: 1, 取消预备党员资格: 1, 组织关系转出: 1 })
    const r = await ok(backend, 'stats.checks', { year: 2025 })
    expect(Object.fromEntries(r.reconciliation.removed.map((x) => [x.name, x.reason]))).toEqual({ 去世的: '死亡', 脱党的: '出党（自行脱党）', 转走的: '转出（至某大学党委）', 预备的: '取消预备党员资格' })
    const XLSX = await import('xlsx')
    const wb = XLSX.read(Buffer.from((await ok(backend, 'stats.workbook', { year: 2025 })).contentBase64, 'base64'))
    const rowsOf = (name: string) => XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name]!, { header: 1 }).slice(3)
    expect(rowsOf('出党')).toEqual([['开除党籍', 0], ['除名（劝退不退等）', 0], ['自行脱党（按除名处理）', 1], ['劝退', 0], ['退党（本人要求，宣布除名）', 0], ['合计', 1]])
    expect(rowsOf('减少')).toEqual([['死亡', 1], ['出党', 1], ['取消预备党员资格', 1], ['组织关系转出', 1], ['合计', 4]])
  })

  it('当年发展、转正、预备党员与年底的入党申请人、积极分子', async () => {
    const { backend, add } = await hospital()
    await add({ name: '新党员', gender: '女', birthDate: '1995-06-01', ethnicity: '回族', joinedOn: '2025-07-01' })
    await add({ name: '转正的', birthDate: '1990-06-01', joinedOn: '2024-07-01', convertedOn: '2025-07-01' })
    await add({ name: '申请人', birthDate: '2000-06-01', appliedOn: '2025-03-01' })
    await add({ name: '积极分子', birthDate: '2000-06-01', appliedOn: '2024-03-01', activistOn: '2024-06-01' })
    const s = await stats(backend, 2025)
    expect(s).toMatchObject({ total: 2, full: 1, probationary: 1, admitted: 1, converted: 1, applicants: 1, activists: 1, minority: 1, gender: { 男: 1, 女: 1 } })
    expect(s.admittedBreakdown).toEqual({ female: 1, minority: 1, age35OrUnder: 1, collegeOrAbove: 1 })
    expect(s.education.大学本科).toBe(2)
  })

  it('与上年对账：上年末 + 增加 − 减少 = 本年末，并列出增减名单和缺少记录的人', async () => {
    const { backend, add } = await hospital()
    await add({ name: '一直在', birthDate: '1980-01-01', joinedOn: '2000-01-01', convertedOn: '2001-01-01' })
    const out = await add({ name: '转走的', birthDate: '1980-01-01', joinedOn: '2000-01-01', convertedOn: '2001-01-01' })
    await ok(backend, 'members.event', { type: 'transfer_out', id: out, date: '2025-05-01', toOrganization: '某大学党委' })
    await add({ name: '新发展', birthDate: '1990-01-01', joinedOn: '2025-05-01' })
    const r = await ok(backend, 'stats.checks', { year: 2025 })
    expect(r.reconciliation).toMatchObject({ lastYearTotal: 2, thisYearTotal: 2, balanced: true })
    expect(r.reconciliation.added).toEqual([{ id: expect.any(Number), name: '新发展', reason: '发展入党' }])
    expect(r.reconciliation.removed).toEqual([{ id: out, name: '转走的', reason: '转出（至某大学党委）' }])
    expect(r.checks.find((c) => c.message.startsWith('缺少职业类别'))).toBeUndefined()
  })

  it('统计表可导出为每表一页的 Excel', async () => {
    const { backend, add } = await hospital()
    await add({ name: '甲', birthDate: '1980-01-01', joinedOn: '2000-01-01', convertedOn: '2001-01-01' })
    const file = await ok(backend, 'stats.workbook', { year: 2025 })
    expect(file.fileName).toBe('党内统计-2025.xlsx')
    const XLSX = await import('xlsx')
    const wb = XLSX.read(Buffer.from(file.contentBase64, 'base64'))
    expect(wb.SheetNames).toEqual(['基本', '学历', '年龄', '入党时间', '职业', '出党', '减少', '组织', '增减名单'])
    const sheet = (name: string) => XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name]!, { header: 1 })
    // each distribution ends in 合计, equal to 党员总数
    expect(sheet('学历').at(-1)).toEqual(['合计', 1])
    expect(sheet('年龄').at(-1)).toEqual(['合计', 1])
    // organizations are counted, not people
    expect(sheet('组织')[2]).toEqual(['项目', '个数'])
    expect(sheet('基本').map((r) => r[0])).toContain('男党员')
  })
})
