import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../../electron/backend/boot/cli'
import { openBackend } from '../../../../electron/backend/boot/open'
import { workbook } from '../../../fixtures/workbooks'
import { duesHospital, financeList } from '../dues-hospital'

/** The three 党费 commands on a database file, with their exact JSON. */
const dir = mkdtempSync(join(tmpdir(), 'dangban-dues-cli-'))
const db = join(dir, 'cli.db')
let idOf: Record<string, string> = {}

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli([...args, '--db', db], { out: (t) => out.push(t), err: (t) => err.push(t) }, {})
  return { code, out: out.join('\n'), err: err.join('\n') }
}
const json = async (...args: string[]) => {
  const r = await cli(...args, '--json')
  expect(r.err).toBe('')
  expect(r.code).toBe(0)
  return JSON.parse(r.out) as unknown
}

describe('命令行：党费', () => {
  beforeAll(async () => {
    const backend = openBackend(db, 'cli')
    idOf = (await duesHospital('cli', backend)).idOf
    backend.context.db.close()
    writeFileSync(join(dir, '2025年党费基数.xlsx'), workbook(financeList(idOf)))
    const fixed = financeList(idOf).filter((_, i) => i < 9 || i > 17)
    fixed[7] = [6, '孙磊', idOf.孙磊!, '外科党支部', '在职', '6,200.00', null, null]
    writeFileSync(join(dir, '2025年党费基数-改.xlsx'), workbook(fixed))
  })

  it('import dues-bases --dry-run --json：只有 inserted、updated、skipped、errors 四项，错误带行号、列名和中文原因，不写入', async () => {
    const r = (await json('import', 'dues-bases', join(dir, '2025年党费基数.xlsx'), '--year', '2025', '--dry-run')) as Record<string, unknown>
    expect(Object.keys(r)).toEqual(['inserted', 'updated', 'skipped', 'errors'])
    expect(r).toMatchObject({ inserted: 6, updated: 0, skipped: 0 })
    const errors = r.errors as { row: number; column: string; message: string }[]
    expect(errors.map((e) => e.row)).toEqual([8, 10, 11, 12, 13, 14, 15, 16, 17, 18])
    expect(errors[0]).toEqual({ row: 8, column: '身份证号码', message: '身份证号被 Excel 存成了数字，末尾几位已经丢失：请把该列设置为“文本”格式后重新录入身份证号' })
    expect(Object.keys(errors[0]!)).toEqual(['row', 'column', 'message'])
    expect((await json('dues', 'standard', '--year', '2025')) as { base: unknown }[]).toEqual(expect.arrayContaining([expect.objectContaining({ name: '张伟', base: null })]))
  })

  it('导入、改正后再导入；没有 --year 时说明用法', async () => {
    const first = (await json('import', 'dues-bases', join(dir, '2025年党费基数.xlsx'), '--year', '2025')) as Record<string, unknown>
    expect(Object.keys(first)).toEqual(['inserted', 'updated', 'skipped', 'errors'])
    expect(first).toMatchObject({ inserted: 6, updated: 0, skipped: 0 })
    expect(await json('import', 'dues-bases', join(dir, '2025年党费基数-改.xlsx'), '--year', '2025')).toEqual({ inserted: 1, updated: 0, skipped: 6, errors: [] })
    const missing = await cli('import', 'dues-bases', join(dir, '2025年党费基数.xlsx'))
    expect(missing.code).toBe(2)
    expect(missing.err).toContain('请用 --year 指定年度')
  })

  it('dues standard --json：每名当年应交党费的党员一条，金额以元计、两位小数，0.2元类别的基数和比例为 null，年中调整写明起始月份', async () => {
    const entries = (await json('dues', 'standard', '--year', '2025')) as Record<string, unknown>[]
    const by = (name: string) => entries.find((e) => e.name === name)
    expect(entries.map((e) => e.name).sort()).toEqual(['刘洋', '孙磊', '张伟', '李娜', '王芳', '赵敏', '陈静'].sort())
    expect(Object.keys(entries[0]!)).toEqual(['name', 'idNumber', 'organization', 'category', 'base', 'rate', 'monthly', 'fromMonth'])
    expect(by('张伟')).toEqual({ name: '张伟', idNumber: idOf.张伟, organization: '内科党支部', category: '在职', base: 10000.01, rate: 0.02, monthly: 200, fromMonth: '2025-07' })
    expect(by('李娜')).toEqual({ name: '李娜', idNumber: idOf.李娜, organization: '内科党支部', category: '离退休', base: 5000.01, rate: 0.01, monthly: 50, fromMonth: '2025-01' })
    expect(by('王芳')).toEqual({ name: '王芳', idNumber: idOf.王芳, organization: '内科党支部', category: '学生', base: null, rate: null, monthly: 0.2, fromMonth: '2025-01' })
    expect(by('赵敏')).toEqual({ name: '赵敏', idNumber: idOf.赵敏, organization: '内科党支部', category: '在职', base: 4200, rate: 0.01, monthly: 42, fromMonth: '2025-04' })
    expect(by('陈静')).toMatchObject({ base: 10000.01, rate: 0.02, monthly: 200, fromMonth: '2025-04' })
    expect(by('孙磊')).toEqual({ name: '孙磊', idNumber: idOf.孙磊, organization: '外科党支部', category: '在职', base: 6200, rate: 0.015, monthly: 93, fromMonth: '2025-01' })
    // 刘洋's row was refused (transferred out before July): liable January–May with no base yet
    expect(by('刘洋')).toEqual({ name: '刘洋', idNumber: idOf.刘洋, organization: '内科党支部', category: null, base: null, rate: null, monthly: null, fromMonth: '2025-01' })
    const surgery = (await json('dues', 'standard', '--year', '2025', '--org', '外科党支部')) as { name: string }[]
    expect(surgery.map((e) => e.name)).toEqual(['孙磊'])
  })

  it('dues ledger --json：每人每个应交月份一条，应交按当月的标准，未交的 paid 为 null', async () => {
    const entries = (await json('dues', 'ledger', '--year', '2025', '--org', '内科党支部')) as Record<string, unknown>[]
    expect(Object.keys(entries[0]!)).toEqual(['name', 'idNumber', 'organization', 'month', 'due', 'paid', 'paidOn', 'method', 'backPay', 'flagged'])
    const months = (name: string) => entries.filter((e) => e.name === name).map((e) => e.month)
    expect(months('赵敏')[0]).toBe('2025-04')
    expect(months('刘洋')).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05'])
    expect(entries.filter((e) => e.name === '张伟').map((e) => e.due)).toEqual([127.5, 127.5, 127.5, 127.5, 127.5, 127.5, 200, 200, 200, 200, 200, 200])
    expect(entries.find((e) => e.name === '王芳')).toMatchObject({ due: 0.2, paid: null, paidOn: null, method: null, backPay: false, flagged: true })
    expect(entries.some((e) => e.organization !== '内科党支部')).toBe(false)
    const bad = await cli('dues', 'ledger', '--year', '2025', '--org', '口腔科党支部')
    expect([bad.code, bad.err]).toEqual([1, '错误：找不到党组织“口腔科党支部”'])
  })
})
