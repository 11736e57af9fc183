import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../electron/backend/boot/cli'

function capture() {
  const out: string[] = []
  const err: string[] = []
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err, json: () => JSON.parse(out.join('\n')) }
}
const run = async (args: string[]) => {
  const c = capture()
  const code = await runCli(args, c.io, {})
  return { code, ...c }
}

describe('命令行 exchange', () => {
  it('导出督办情况（--year）和考评指标体系（--scheme）：每种只用它自己的选项，导入后到达对方', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dangban-exchange-cli-'))
    const hdb = join(dir, 'hospital.db')
    const bdb = join(dir, 'bureau.db')
    await run(['exchange', 'unit', '--code', 'H-001', '--name', '示范医院党委', '--db', hdb])
    await run(['exchange', 'unit', '--code', 'B-100', '--name', '市卫健委党委', '--db', bdb])
    const hCard = await run(['exchange', 'card', '--out', join(dir, 'h-card.zip'), '--json', '--db', hdb])
    const bCard = await run(['exchange', 'card', '--out', join(dir, 'b-card.zip'), '--json', '--db', bdb])
    await run(['exchange', 'trust', join(dir, 'b-card.zip'), '--fingerprint', bCard.json().fingerprint, '--db', hdb])
    await run(['exchange', 'trust', join(dir, 'h-card.zip'), '--fingerprint', hCard.json().fingerprint, '--db', bdb])

    const wrong = await run(['exchange', 'export', '--kind', '督办情况', '--round', '1', '--to', 'B-100', '--out', join(dir, 'x.zip'), '--db', hdb])
    expect(wrong.code).toBe(2)
    expect(wrong.err.join('')).toContain('督办情况请只用 --year 指定年度')
    const report = await run(['exchange', 'export', '--kind', '督办情况', '--year', '2025', '--to', 'B-100', '--out', join(dir, 'supervision.zip'), '--json', '--db', hdb])
    expect(report.json()).toMatchObject({ kind: 'supervision-report', counts: { items: 0 } })
    expect((await run(['exchange', 'import', join(dir, 'supervision.zip'), '--json', '--db', bdb])).json()).toMatchObject({ kind: 'supervision-report', applied: true })

    expect((await run(['exchange', 'export', '--kind', '考评指标体系', '--year', '2025', '--to', 'H-001', '--out', join(dir, 'y.zip'), '--db', bdb])).err.join('')).toContain('考评指标体系请只用 --scheme 指定指标体系编号')
    const scheme = await run(['exchange', 'export', '--kind', '考评指标体系', '--scheme', '1', '--to', 'H-001', '--out', join(dir, 'scheme.zip'), '--json', '--db', bdb])
    expect(scheme.code).toBe(0)
    expect(scheme.json()).toMatchObject({ kind: 'assessment-scheme' })
    const got = await run(['exchange', 'import', join(dir, 'scheme.zip'), '--json', '--db', hdb])
    expect(got.json()).toMatchObject({ kind: 'assessment-scheme', from: '市卫健委党委', applied: true })
  })

  it('两个数据库之间：设置单位代码、交换单位名片并核对指纹、导出年度统计、试导入、导入并写出回执、回执导回', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dangban-exchange-cli-'))
    const hdb = join(dir, 'hospital.db')
    const bdb = join(dir, 'bureau.db')
    expect((await run(['exchange', 'unit', '--code', 'H-001', '--name', '示范医院党委', '--db', hdb])).code).toBe(0)
    expect((await run(['exchange', 'unit', '--code', 'B-100', '--name', '市卫健委党委', '--db', bdb])).code).toBe(0)
    const hCard = await run(['exchange', 'card', '--out', join(dir, 'h-card.zip'), '--json', '--db', hdb])
    const bCard = await run(['exchange', 'card', '--out', join(dir, 'b-card.zip'), '--json', '--db', bdb])
    expect((await run(['exchange', 'trust', join(dir, 'b-card.zip'), '--fingerprint', bCard.json().fingerprint, '--db', hdb])).code).toBe(0)
    const wrong = await run(['exchange', 'trust', join(dir, 'h-card.zip'), '--fingerprint', '0000-0000', '--db', bdb])
    expect(wrong.code).toBe(1)
    expect(wrong.err.join('')).toContain('不一致')
    expect((await run(['exchange', 'trust', join(dir, 'h-card.zip'), '--fingerprint', hCard.json().fingerprint, '--db', bdb])).code).toBe(0)

    const out = join(dir, 'stats.zip')
    const exported = await run(['exchange', 'export', '--kind', '年度党内统计', '--year', '2025', '--to', '市卫健委党委', '--out', out, '--json', '--db', hdb])
    expect(exported.code).toBe(0)
    expect(exported.json()).toMatchObject({ file: out, kind: 'annual-statistics', counts: { members: 0 } })
    expect(exported.json().sha256).toMatch(/^[0-9a-f]{64}$/)
    // a package once written is never overwritten
    expect((await run(['exchange', 'export', '--kind', '年度党内统计', '--year', '2025', '--to', 'B-100', '--out', out, '--db', hdb])).code).toBe(2)

    const verify = await run(['exchange', 'verify', out, '--json', '--db', bdb])
    expect(verify.code).toBe(0)
    expect(verify.json()).toMatchObject({ ok: true, trusted: true })
    const dry = await run(['exchange', 'import', out, '--dry-run', '--json', '--db', bdb])
    expect(dry.json()).toMatchObject({ kind: 'annual-statistics', from: '示范医院党委', period: '2025年度', applied: false, receipt: null })
    const imported = await run(['exchange', 'import', out, '--json', '--db', bdb])
    expect(imported.code).toBe(0)
    const r = imported.json()
    expect(r).toMatchObject({ kind: 'annual-statistics', from: '示范医院党委', period: '2025年度', applied: true, changes: [] })
    expect(existsSync(r.receipt.file)).toBe(true)
    const again = await run(['exchange', 'import', out, '--json', '--db', bdb])
    expect(again.json()).toMatchObject({ applied: false, receipt: null })

    expect((await run(['exchange', 'import', r.receipt.file, '--json', '--db', hdb])).json()).toMatchObject({ kind: 'receipt', applied: true })
    const list = await run(['exchange', 'list', '--json', '--db', hdb])
    expect(list.json().find((p: { kind: string }) => p.kind === 'annual-statistics')).toMatchObject({ status: 'receipted' })

    // a changed byte: verify exits 3 with the reason, import fails with it
    const bad = readFileSync(out)
    bad[bad.length - 30] = bad[bad.length - 30]! ^ 1
    writeFileSync(join(dir, 'bad.zip'), bad)
    const badVerify = await run(['exchange', 'verify', join(dir, 'bad.zip'), '--db', bdb])
    expect(badVerify.code).toBe(3)
    expect(badVerify.out.join('\n')).toContain('不能导入')
    expect((await run(['exchange', 'import', join(dir, 'bad.zip'), '--db', bdb])).code).toBe(1)
    const noPackage = await run(['exchange', 'decide', '--package', '00000000-0000-4000-8000-000000000000', '--stage', '局党办审核', '--out', join(dir, 'd.zip'), '--db', bdb])
    expect(noPackage.code).toBe(1)
    expect(noPackage.err.join('')).toContain('没有收到过编号为')
    expect((await run(['exchange', 'decide', '--package', '00000000-0000-4000-8000-000000000000', '--stage', '局党办审核', '--return', '外科党支部', '--out', join(dir, 'd.zip'), '--db', bdb])).code).toBe(2)
    expect((await run(['exchange', 'export', '--kind', '年度党内统计', '--round', '3', '--to', 'B-100', '--out', join(dir, 'x.zip'), '--db', hdb])).code).toBe(2)
  })
})
