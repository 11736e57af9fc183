import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { addYears, todayLocal } from '../../../electron/shared/dates'
import { b64, workbook } from '../../fixtures/workbooks'
import { fails, ok, testBackend } from '../helpers'

/**
 * Hostile text, as a probe would type it: names and titles carrying control characters, bidi overrides,
 * zero-width characters and U+FFFE/U+FFFF, and founding and meeting dates of 1800 and 9999.
 */
const ZW = '\u200b'
const RLO = '\u202e'
const NONCHAR = '\ufffe'

async function hospital() {
  const backend = testBackend()
  const committee = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  const branch = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: committee.id })
  return { backend, committee, branch }
}

describe('名称和标题中看不见的字符', () => {
  it('仿冒的组织名称（末尾加零宽字符）与原名相同，按重名拒绝', async () => {
    const { backend, committee } = await hospital()
    const err = await fails(backend, 'orgs.create', { name: `内科党支部${ZW}`, type: 'branch', parentId: committee.id })
    expect(err.code).toBe('CONFLICT')
  })

  it('控制字符、双向覆盖和非字符不存入数据库；导出的工作簿是合格的 XML', async () => {
    const { backend, committee, branch } = await hospital()
    const odd = await ok(backend, 'orgs.create', { name: `外${RLO}科${NONCHAR}党支部\u0007\uffff`, type: 'branch', parentId: committee.id, note: `第一行\r\n第二行${ZW}` })
    expect(odd.name).toBe('外科党支部')
    expect(odd.note).toBe('第一行\n第二行')
    const meeting = await ok(backend, 'meetings.create', {
      organizationId: branch.id,
      types: ['party_congress'],
      title: `支部党员大会${NONCHAR}\n（第二次）`,
      heldOn: '2025-05-20',
      minutes: `记录${'\u0000'}\t第一项\n第二项`,
      attendance: [],
    } as never)
    expect(meeting.title).toBe('支部党员大会 （第二次）')
    expect(meeting.minutes).toBe('记录\t第一项\n第二项')
    for (const source of ['organizations', 'meetings'] as const) {
      const file = await ok(backend, 'exports.workbook', { source, scope: {} })
      const wb = new ExcelJS.Workbook()
      // ExcelJS reads with a strict XML parser: a U+FFFE in a shared string fails the load
      await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer)
      const texts: string[] = []
      wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))))
      expect(texts.join('')).not.toMatch(/[\u0000-\u0008\u200b\u202e\ufffe\uffff]/)
    }
  })

  it('旧版本存下的名称里带着非字符和控制字符：导出时去掉，工作簿照样能打开', async () => {
    const { backend, branch } = await hospital()
    // written before input was cleaned (straight into the table, as an older version could)
    backend.context.db.prepare('UPDATE organizations SET name = ?, note = ? WHERE id = ?').run(`旧${NONCHAR}支部\u0001${RLO}`, `备注\uffff`, branch.id)
    const file = await ok(backend, 'exports.workbook', { source: 'organizations', scope: {} })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer)
    const texts: string[] = []
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))))
    expect(texts).toContain('旧支部')
    expect(texts.join('')).not.toMatch(/[\u0000-\u0008\u202e\ufffe\uffff]/)
  })

  it('导入的姓名和科室同样清除零宽字符和双向覆盖', async () => {
    const { backend } = await hospital()
    const rows = [
      ['姓名', '性别', '所在党支部', '入党时间', '转正时间', '科室'],
      [`王${ZW}芳${RLO}`, '女', '内科党支部', '2005-07-01', '2006-07-01', `心内科\u2066`],
    ]
    await ok(backend, 'imports.commit', { kind: 'members', fileName: '名册.xlsx', contentBase64: b64(workbook(rows)) })
    const [person] = (await ok(backend, 'members.list', {})).rows
    expect([person!.name, person!.department]).toEqual(['王芳', '心内科'])
  })
})

describe('不可能的日期', () => {
  it('成立日期早于建党、会议日期在远期，都说明允许的范围', async () => {
    const { backend, committee, branch } = await hospital()
    const founded = await fails(backend, 'orgs.create', { name: '古老支部', type: 'branch', parentId: committee.id, foundedOn: '1800-01-01' })
    expect(founded.message).toBe(`成立日期1800-01-01不在1921年7月1日（建党）至${cn(addYears(todayLocal(), 1))}（一年以内）之间，请核对年份`)
    const far = await fails(backend, 'meetings.create', { organizationId: branch.id, types: ['party_congress'], title: '远期会议', heldOn: '9999-12-31', attendance: [] } as never)
    expect(far.code).toBe('VALIDATION')
    expect(far.message).toContain('会议日期9999-12-31不在1921年7月1日（建党）至')
    // a meeting entered beforehand (to print its sign-in sheet) is still fine
    await ok(backend, 'meetings.create', { organizationId: branch.id, types: ['party_congress'], title: '下月会议', heldOn: addYears(todayLocal(), 1), attendance: [] } as never)
  })

  it('出生日期不晚于今天、不早于 1900 年；导入的入党日期同样检查', async () => {
    const { backend, branch } = await hospital()
    const born = await fails(backend, 'members.create', { organizationId: branch.id, fields: { name: '甲', gender: '男', birthDate: '1899-12-31', joinedOn: '2000-01-01' } })
    expect(born.message).toContain('出生日期1899-12-31不在1900年1月1日至今天')
    const rows = [
      ['姓名', '性别', '所在党支部', '入党时间', '转正时间'],
      ['乙', '男', '内科党支部', '1800-01-01', '1801-01-01'],
    ]
    const preview = await ok(backend, 'imports.preview', { kind: 'members', fileName: '名册.xlsx', contentBase64: b64(workbook(rows)), mode: 'skip' })
    expect(JSON.stringify(preview)).toContain('入党日期1800-01-01不在1921年7月1日（建党）至')
  })
})

const cn = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`
