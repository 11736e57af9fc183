import { describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/backend/boot/dispatch'
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
    const sheet = (name: string) => XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name]!, { header: 1, defval: null })
    // 第十表: 出党 by the 党章's ways, and 取消预备党员资格 as the 年报表说明 lists it
    expect(sheet('第十表').filter((r) => typeof r[1] === 'number' && r[0] !== '甲').map((r) => [String(r[0]).trim(), r[1]])).toEqual([['出党合计', 2], ['开除党籍', 0], ['除名', 0], ['自行脱党', 1], ['劝退', 0], ['退党', 0], ['取消预备党员资格', 1]])
    // 第一表 本年减少 合计 4 = 出党 1 + 取消预备党员资格 1 (in 出党, said in a note) + 死亡 1 + 转出 1; the table balances
    expect(sheet('第一表')[5]).toEqual(['党员', 4, 0, 0, 0, 0, 4, 2, '—', 1, 1, 0, 0, 0])
    expect(sheet('第一表').flat().join('|')).toContain('第7栏“出党”含取消预备党员资格 1 人（第十表、第十三表分列）。')
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

  it('每个分布都有“未填”一行：缺学历、出生日期、职业的人也计入，合计等于党员总数，上报前核对没有“不符”', async () => {
    const { backend, add } = await hospital()
    await add({ name: '齐全', birthDate: '1980-01-01', joinedOn: '2000-01-01', convertedOn: '2001-01-01' })
    await add({ name: '缺学历', education: null, birthDate: '1980-01-01', joinedOn: '2000-01-01', convertedOn: '2001-01-01' })
    await add({ name: '缺生日', birthDate: null, occupation: null, joinedOn: '2000-01-01', convertedOn: '2001-01-01' })
    const s = await stats(backend, 2025)
    const total = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0)
    expect(s.total).toBe(3)
    expect(s.education.未填).toBe(1)
    expect(s.ageBands.未填).toBe(1)
    expect(s.occupations.未填).toBe(1)
    for (const d of [s.education, s.ageBands, s.occupations, s.joinPeriods]) expect(total(d)).toBe(3)
    expect((await ok(backend, 'stats.drill', { year: 2025, key: 'education.未填' })).map((p) => p.name)).toEqual(['缺学历'])
    const { checks } = await ok(backend, 'stats.checks', { year: 2025 })
    expect(checks.filter((c) => c.message.includes('不符'))).toEqual([])
    expect(checks.find((c) => c.message.startsWith('缺少学历'))?.members.map((m) => m.name)).toEqual(['缺学历'])
  })

  it('统计表按中组部年报表式导出：封面（填报单位、负责人、填表人、报出时间）、第一表至第十五表的表号、栏目和栏号，不能填的栏标“—”并说明', async () => {
    const { backend, add } = await hospital()
    await ok(backend, 'settings.update', { key: 'unit.name', value: '中共示范医院委员会' })
    await add({ name: '甲', gender: '女', birthDate: '1980-01-01', education: '博士研究生', joinedOn: '2000-01-01', convertedOn: '2001-01-01' })
    await add({ name: '乙', birthDate: null, education: null, joinedOn: '2025-05-01' })
    const file = await ok(backend, 'stats.workbook', { year: 2025 })
    expect(file.fileName).toBe('党内统计-2025.xlsx')
    const XLSX = await import('xlsx')
    const wb = XLSX.read(Buffer.from(file.contentBase64, 'base64'))
    expect(wb.SheetNames).toEqual(['封面', '第一表', '第二表', '第三表', '第四表', '第八表', '第九表', '第十表', '第十一表', '第十二表', '第十三表', '第十四表', '第十五表', '党组织', '增减名单', '核对'])
    const sheet = (name: string) => XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name]!, { header: 1, defval: null })
    const text = (name: string) => sheet(name).flat().filter(Boolean).join('|')
    expect(text('封面')).toContain('填报单位（盖章）：中共示范医院委员会')
    for (const s of ['负责人（签名）', '填表人（签名）', '报出时间', '联系电话']) expect(text('封面')).toContain(s)
    expect(text('封面')).toMatch(/第五表\|乡（镇）、建制村党员情况\|不适用/)
    const first = sheet('第一表')
    expect(first[0]![0]).toBe('第一表　两年党员数综合比较')
    expect(first[2]).toEqual(['项目', '上年底总数', '本年增加', null, null, null, '本年减少', null, null, null, null, '本年底应有数', '本年底实有数', '实有数与应有数之差'])
    expect(first[3]).toEqual([null, null, '合计', '发展党员', '恢复党籍', '转入', '合计', '出党', '停止党籍', '死亡', '转出', null, null, null])
    expect(first[4]).toEqual(['甲', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])
    // 1 last year + 1 admitted = 2; 停止党籍 cannot be known here
    expect(first[5]).toEqual(['党员', 1, 1, 1, 0, 0, 0, 0, '—', 0, 0, 2, 2, 0])
    expect(text('第一表')).toContain('第8栏“停止党籍”')
    const second = sheet('第二表')
    expect(second[5]!.slice(0, 6)).toEqual(['总计', 2, 1, 0, '—', 1])
    expect(text('第二表')).toContain('核对：按职业分列的人数合计 2 人，与党员总数 2 人一致。')
    const fourth = sheet('第四表')
    expect(fourth.find((r) => r[0] === '　其中：博士研究生')?.slice(0, 2)).toEqual(['　其中：博士研究生', 1])
    expect(fourth.find((r) => r[0] === '　未填')?.slice(0, 2)).toEqual(['　未填', 1])
    expect(text('第四表')).toContain('学历各组合计 2 人，与党员总数 2 人一致')
    expect(text('第九表')).toContain('本表本院不能填写')
    expect(sheet('第十四表').find((r) => r[0] === '合计')).toEqual(['合计', 1, 0, 0, 0, 0])
    expect(text('核对')).not.toContain('不符')
  })

  it('死亡不是出党：第十表出党合计只有除名等出党方式，死亡在第一表“本年减少·死亡”栏，本年减少合计两人都算', async () => {
    const { backend, add } = await hospital()
    await add({ name: '一直在', birthDate: '1960-01-01', joinedOn: '1990-01-01', convertedOn: '1991-01-01' })
    const died = await add({ name: '病故的', birthDate: '1940-01-01', joinedOn: '1965-01-01', convertedOn: '1966-01-01' })
    const expelled = await add({ name: '除名的', birthDate: '1980-01-01', joinedOn: '2005-01-01', convertedOn: '2006-01-01' })
    await ok(backend, 'members.event', { type: 'died', id: died, date: '2025-04-01' })
    await ok(backend, 'members.event', { type: 'left', id: expelled, date: '2025-06-01', leaveReason: '除名', documentNo: '院党委〔2025〕3号' })
    const s = await stats(backend, 2025)
    expect(s.left).toEqual({ 开除党籍: 0, 除名: 1, 自行脱党: 0, 劝退: 0, 退党: 0 })
    expect(s.reductions).toEqual({ 死亡: 1, 出党: 1, 取消预备党员资格: 0, 组织关系转出: 0 })
    const XLSX = await import('xlsx')
    const wb = XLSX.read(Buffer.from((await ok(backend, 'stats.workbook', { year: 2025 })).contentBase64, 'base64'))
    const sheet = (name: string) => XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name]!, { header: 1, defval: null })
    const tenth = sheet('第十表')
    expect(tenth.find((r) => r[0] === '出党合计')?.slice(0, 2)).toEqual(['出党合计', 1])
    expect(tenth.flat().join('|')).not.toMatch(/　死亡\|/)
    // 上年底 3; 本年减少 合计 2 = 出党 1 + 死亡 1; 应有 = 实有 = 1
    expect(sheet('第一表')[5]).toEqual(['党员', 3, 0, 0, 0, 0, 2, 1, '—', 1, 0, 1, 1, 0])
  })
})
