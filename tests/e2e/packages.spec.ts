/// <reference lib="dom" />
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBackend } from '../../electron/backend/boot/dispatch'
import { openDatabase } from '../../electron/backend/db/open'
import { choose, startApp, type TestApp } from './support/app'

/**
 * 上报与交换 in the window (docs/exchange.md §1): the 局党办 runs the real page; the hospital is a second database
 * driven through its backend, as the other PC at the other end of the USB drive.
 */
describe('上报与交换（浏览器中的真实界面）', () => {
  let app: TestApp
  const dir = mkdtempSync(join(tmpdir(), 'dangban-e2e-packages-'))
  const hospital = createBackend({ db: openDatabase(':memory:'), user: '医院干事', databasePath: ':memory:', transport: 'cli', now: () => new Date(), session: { user: null } }, () => {})
  const must = async (method: string, input: unknown) => {
    const r = await hospital.call(method, input)
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
    return r.data as Record<string, unknown>
  }
  beforeAll(async () => {
    app = await startApp()
    await app.must('settings.save', { values: { 'unit.name': '市卫健委党委', 'unit.code': 'B-100' } })
    await must('settings.save', { values: { 'unit.name': '示范医院党委', 'unit.code': 'H-001' } })
  })
  afterAll(async () => {
    await app?.close()
    hospital.context.db.close()
  })

  it('未信任的医院：预览给出指纹，核对后信任，导入年度统计并保存回执；医院导入回执后显示已回执', async () => {
    const { page } = app
    // the hospital trusts the 局党办 from its 单位名片 (as read from the 局党办's own screen below) and exports to it
    const card = (await app.must('exchange.card', {})) as unknown as { contentBase64: string }
    const bureauId = (await app.must('exchange.identity', {})) as unknown as { fingerprint: string }
    await must('exchange.trust', { contentBase64: card.contentBase64, fingerprint: bureauId.fingerprint })
    const out = await must('exchange.export', { kind: 'annual-statistics', year: 2025, to: 'B-100' })
    const file = join(dir, '年度党内统计.zip')
    writeFileSync(file, Buffer.from(out.contentBase64 as string, 'base64'))
    const { fingerprint } = (await must('exchange.identity', {})) as { fingerprint: string }

    await page.getByRole('menuitem', { name: '上报与交换' }).click()
    await expect.poll(() => page.getByTestId('own-fingerprint').innerText()).toBe(bureauId.fingerprint)
    await page.getByLabel('选择数据包文件').setInputFiles(file)
    const preview = page.getByTestId('package-preview')
    await expect.poll(() => preview.innerText()).toContain(`尚未信任的单位“示范医院党委”（单位代码 H-001），其公钥指纹为 ${fingerprint}`)
    expect(await page.getByRole('button', { name: '导入' }).count()).toBe(0)

    // a fingerprint read out wrongly is refused
    await page.getByLabel('对方读出的指纹').fill('1111-2222')
    await page.getByRole('button', { name: '信任此单位' }).click()
    await expect.poll(() => page.locator('.el-message--error').innerText()).toContain('不一致')

    await page.getByLabel('对方读出的指纹').fill(fingerprint)
    await page.getByRole('button', { name: '信任此单位' }).click()
    await expect.poll(() => preview.innerText()).toContain('核对无误，可以导入')
    await expect.poll(() => page.getByLabel('已信任的单位').innerText()).toContain('示范医院党委')

    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: '导入', exact: true }).click()
    const receipt = await download
    expect(receipt.suggestedFilename()).toMatch(/^回执_/)
    await expect.poll(() => page.getByLabel('发出和收到的数据包').innerText()).toContain('已收到')
    expect(await page.getByLabel('发出和收到的数据包').innerText()).toContain('2025年度')

    const closed = await must('exchange.import', { contentBase64: readFileSync(await receipt.path()).toString('base64') })
    expect(closed).toMatchObject({ kind: 'receipt', applied: true })
    const sent = (await hospital.call('exchange.packages', { direction: 'sent' })) as { ok: true; data: { status: string }[] }
    expect(sent.data[0]!.status).toBe('receipted')

    // the same file again: the preview says it was imported before and offers no 导入
    await page.getByLabel('选择数据包文件').setInputFiles(file)
    await expect.poll(() => preview.innerText()).toContain('已导入过')
    expect(await page.getByRole('button', { name: '导入', exact: true }).count()).toBe(0)
  })

  it('局党办在导出面板下发考评指标体系，医院导入后成为标明来自上级的新版本；医院的督办情况到达后上报情况显示已报', async () => {
    const { page } = app
    const [scheme] = (await app.must('assessments.schemes', {})) as unknown as { id: number; name: string; year: number; version: number }[]
    await page.getByRole('menuitem', { name: '上报与交换' }).click()
    const panel = page.getByLabel('导出数据包')
    await panel.getByText('考评指标体系', { exact: true }).click()
    await choose(page, '指标体系', `${scheme!.name}（${scheme!.year}年第${scheme!.version}版）`)
    await choose(page, '收件单位', '示范医院党委')
    const download = page.waitForEvent('download')
    await panel.getByRole('button', { name: '导出' }).click()
    const sent = readFileSync(await (await download).path())
    const got = await must('exchange.import', { contentBase64: sent.toString('base64') })
    expect(got).toMatchObject({ kind: 'assessment-scheme', from: '市卫健委党委', applied: true })
    const schemes = (await must('assessments.schemes', {})) as unknown as { name: string; fromUnit: string | null }[]
    expect(schemes.filter((s) => s.fromUnit === '市卫健委党委').map((s) => s.name)).toEqual([scheme!.name])

    // the hospital's 督办情况 of last year comes up and shows in 各单位上报情况
    const year = new Date().getFullYear() - 1
    const report = await must('exchange.export', { kind: 'supervision-report', year, to: 'B-100' })
    const file = join(dir, '督办情况.zip')
    writeFileSync(file, Buffer.from(report.contentBase64 as string, 'base64'))
    await page.getByLabel('选择数据包文件').setInputFiles(file)
    await expect.poll(() => page.getByTestId('package-preview').innerText()).toContain('核对无误，可以导入')
    const receipt = page.waitForEvent('download')
    await page.getByRole('button', { name: '导入', exact: true }).click()
    await receipt
    await page.getByRole('tab', { name: '各单位上报情况' }).click()
    // columns: 单位, 单位代码, 年度党内统计, 组织生活达标, 督办情况, 考评结果
    expect(await page.getByLabel('上报情况表').locator('thead th').nth(4).innerText()).toBe('督办情况')
    const row = page.getByLabel('上报情况表').locator('tbody tr', { hasText: '示范医院党委' })
    await expect.poll(() => row.locator('td').nth(4).innerText()).toContain('已报')
    expect(await row.locator('td').nth(3).innerText()).toContain('未报')
    await expect.poll(() => page.getByLabel('收到的督办情况').innerText()).toContain('示范医院党委')
  })
})
