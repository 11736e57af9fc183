import * as XLSX from 'xlsx'
import { describe, expect, it } from 'vitest'
import { b64, rowsOf, workbook } from '../../fixtures/workbooks'
import { ok, testBackend } from '../helpers'

// the test clock is 2025-06-15
async function branchWithMeetings() {
  const backend = testBackend()
  const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  const b = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id, foundedOn: '2010-01-01' })
  const other = await ok(backend, 'orgs.create', { name: '外科党支部', type: 'branch', parentId: c.id, foundedOn: '2010-01-01' })
  const ids: number[] = []
  for (const [i, name] of ['甲', '乙', '丙'].entries()) {
    ids.push((await ok(backend, 'members.create', { organizationId: b.id, fields: { name, gender: '男', joinedOn: `200${i}-01-01`, convertedOn: `200${i + 1}-01-01` } })).member.id)
  }
  const meeting = (heldOn: string, title: string, statuses: ('present' | 'leave' | 'absent')[], extra: Record<string, unknown> = {}) =>
    ok(backend, 'meetings.create', {
      organizationId: b.id,
      types: ['party_congress'],
      title,
      heldOn,
      host: '甲',
      recorder: '乙',
      minutes: '会议记录正文',
      attendance: statuses.map((status, i) => ({ memberId: ids[i]!, status, reason: status === 'leave' ? '值班' : null })),
      ...extra,
    } as never)
  await meeting('2025-01-20', '学习两会精神', ['present', 'present', 'leave'], { types: ['party_congress', 'party_lecture'], resolutions: [{ text: '同意甲为发展对象', yes: 2, no: 0, abstain: 0 }] })
  await meeting('2025-04-18', '=SUM(A1) 专题组织生活', ['present', 'absent', 'present'])
  await meeting('2024-11-02', '去年的会议', ['present', 'present', 'present'])
  await ok(backend, 'meetings.create', { organizationId: other.id, types: ['party_congress'], title: '外科的会', heldOn: '2025-02-01', host: '某', recorder: '某', minutes: '正文', attendance: [] } as never)
  return { backend, branch: b, committee: c }
}

const SCOPE_2025 = { organizationId: null, from: '2025-01-01', to: '2025-12-31' }

describe('导出三会一课台账与参会统计', () => {
  it('台账按期间和党组织导出，一次会议多个类型合在一格，决议列出，公式样式的主题被中和', async () => {
    const { backend, branch } = await branchWithMeetings()
    const file = await ok(backend, 'exports.workbook', { source: 'meetings', scope: { ...SCOPE_2025, organizationId: branch.id } })
    expect(file.fileName).toBe('三会一课台账-2025-06-15.xlsx')
    const all = rowsOf(file.contentBase64)
    // 序号 first, then the ledger import's own columns; who was away and why at the end
    expect(all.slice(2).map((r) => r[0])).toEqual(['序号', 1, 2])
    expect(all[2]!.at(-1)).toBe('请假、缺席人员及原因')
    expect(all.slice(3).map((r) => r.at(-1))).toEqual(['丙（请假：值班）', '乙（缺席）'])
    const rows = all.map((r, i) => (i >= 2 ? r.slice(1) : r))
    expect(String(rows[1]![0])).toContain('内科党支部    期间：2025年1月1日至2025年12月31日')
    expect(rows[2]!.slice(0, 10)).toEqual(['党组织', '会议类型', '日期', '主题', '主持人', '记录人', '应到人数', '实到人数', '请假人数', '缺席人数'])
    // 应到 / 实到 / 请假 / 缺席 counted from each meeting's attendance list, as the meetings list shows them
    expect(rows.slice(3).map((r) => [r[1], r[2], r[3], r[6], r[7], r[8], r[9]])).toEqual([
      ['支部党员大会、党课', '2025-01-20', '学习两会精神', 3, 2, 1, 0],
      ['支部党员大会', '2025-04-18', '=SUM(A1) 专题组织生活', 3, 2, 0, 1],
    ])
    expect(rows[3]![12]).toBe('1. 同意甲为发展对象')
    // without a period the subtitle says the ledger holds every record
    const whole = rowsOf((await ok(backend, 'exports.workbook', { source: 'meetings' })).contentBase64)
    expect(String(whole[1]![0])).toContain('期间：全部记录')
  })

  it('导出的台账可以原样导入另一套数据（往返一致）', async () => {
    const { backend } = await branchWithMeetings()
    const file = await ok(backend, 'exports.workbook', { source: 'meetings', scope: SCOPE_2025 })
    const target = testBackend()
    const c = await ok(target, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    await ok(target, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id, foundedOn: '2010-01-01' })
    await ok(target, 'orgs.create', { name: '外科党支部', type: 'branch', parentId: c.id, foundedOn: '2010-01-01' })
    const result = await ok(target, 'imports.commit', { kind: 'meetings', fileName: file.fileName, contentBase64: file.contentBase64 })
    expect(result).toMatchObject({ inserted: 3, errors: [] })
    const again = rowsOf((await ok(target, 'exports.workbook', { source: 'meetings', scope: SCOPE_2025, columns: ['organization', 'types', 'heldOn', 'title', 'host', 'recorder'] })).contentBase64)
    const before = rowsOf((await ok(backend, 'exports.workbook', { source: 'meetings', scope: SCOPE_2025, columns: ['organization', 'types', 'heldOn', 'title', 'host', 'recorder'] })).contentBase64)
    expect(again.slice(2)).toEqual(before.slice(2))
    // a formula-like title goes out as text and comes back as the same text
    const titles = (await ok(target, 'meetings.list', {})).rows.map((m) => m.title)
    expect(titles).toContain('=SUM(A1) 专题组织生活')
  })

  it('参会统计：每人应参加、出席、请假、缺席次数和出勤率，只算所选期间', async () => {
    const { backend, committee } = await branchWithMeetings()
    const file = await ok(backend, 'exports.workbook', { source: 'attendance', scope: { ...SCOPE_2025, organizationId: committee.id } })
    const all = rowsOf(file.contentBase64)
    expect(all[2]![0]).toBe('序号')
    const rows = all.map((r, i) => (i >= 2 ? r.slice(1) : r))
    expect(rows[2]).toEqual(['所在党支部', '姓名', '应参加次数', '出席', '请假', '缺席', '出勤率', '已补课'])
    expect(rows.slice(3)).toEqual([
      ['内科党支部', '甲', 2, 2, 0, 0, 1, 0],
      ['内科党支部', '乙', 2, 1, 0, 1, 0.5, 0],
      ['内科党支部', '丙', 2, 1, 1, 0, 0.5, 0],
    ])
    // the rate is a number shown as a percentage, so Excel can sort and average it
    const shown = XLSX.read(Buffer.from(file.contentBase64, 'base64')).Sheets['党员参会情况统计']!
    expect(shown.H5).toMatchObject({ t: 'n', v: 0.5, w: '50.0%' })
  })

  it('台账导入：读不成的行也说明是哪个党组织的哪次会议', async () => {
    const { backend } = await branchWithMeetings()
    const rows = [
      ['党组织', '会议类型', '日期', '主题'],
      ['内科党支部', '茶话会', '2025-03-01', '学习贯彻会议精神'],
    ]
    const p = await ok(backend, 'imports.preview', { kind: 'meetings', fileName: '台账.xlsx', contentBase64: b64(workbook(rows)) })
    expect(p.rows[0]).toMatchObject({ action: 'error', description: '2025-03-01 内科党支部：学习贯彻会议精神' })
  })
})
