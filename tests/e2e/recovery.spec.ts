/// <reference lib="dom" />
import { readFileSync, writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBackend } from '../../electron/backend/boot/open'
import { screenshotPath, startApp, type TestApp } from './support/app'

const ADMIN = { username: 'admin', password: 'a-long-password' }

/** Before the app starts: records, a backup, then more records, and the file damaged (as by a power cut). */
async function damagedDatabaseWithBackup(dbPath: string): Promise<void> {
  const b = openBackend(dbPath, 'web')
  const must = async (method: string, input: unknown) => {
    const r = await b.call(method, input)
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  }
  await must('auth.setup', { username: ADMIN.username, displayName: '党办王主任', password: ADMIN.password })
  await must('orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  await must('orgs.create', { name: '内科党支部', type: 'branch', parentId: 1 })
  for (let i = 0; i < 30; i++) await must('orgs.create', { name: `第${i + 1}党支部`, type: 'branch', parentId: 1 })
  await must('backup.create', {})
  await must('orgs.create', { name: '备份之后才建的党支部', type: 'branch', parentId: 1 })
  b.context.db.pragma('wal_checkpoint(TRUNCATE)')
  b.context.db.close()
  const bytes = readFileSync(dbPath)
  bytes.fill(0x5a, 4096, Math.min(bytes.length, 4096 * 8))
  writeFileSync(dbPath, bytes)
}

describe('数据库损坏后引导恢复（浏览器中的真实界面）', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startApp({ signedIn: false, prepare: damagedDatabaseWithBackup })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('备份 → 数据库文件被写坏 → 启动：说明损坏、列出完好的备份，一键恢复后登录即可继续使用', async () => {
    const { page } = app
    await expect.poll(() => page.locator('.recovery').innerText()).toContain('数据库损坏，请从备份恢复')
    const text = await page.locator('.recovery').innerText()
    expect(text).toContain('数据库文件已损坏')
    expect(text).toContain('党组织 32 个')
    expect(text).toContain('可用于恢复')
    await page.screenshot({ animations: 'disabled', path: screenshotPath('recovery.png') })

    await page.getByRole('button', { name: '从所选备份恢复' }).click()
    await expect.poll(() => page.locator('.signin').innerText()).toContain('已从备份恢复')
    expect(await page.locator('.signin').innerText()).toContain('before-restore-')
    await page.getByLabel('用户名').fill(ADMIN.username)
    await page.getByLabel('密码', { exact: true }).fill(ADMIN.password)
    await page.getByRole('button', { name: '登录' }).click()
    await page.goto(`${app.bridge.origin}/#/organizations`)
    await expect.poll(() => page.locator('main').innerText()).toContain('内科党支部')
    // what was entered after the backup is gone from the live data (the clerk was told to re-enter it)
    expect(await page.locator('main').innerText()).not.toContain('备份之后才建的党支部')
  })
})

describe('系统设置中的数据备份（浏览器中的真实界面）', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startApp()
    await app.must('orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('立即备份、检测恢复，再恢复到这份备份：之后录入的组织不在了，原数据库另存一份', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '系统设置' }).click()
    await page.getByRole('tab', { name: '数据备份' }).click()
    await page.getByRole('button', { name: '立即备份' }).click()
    await expect.poll(() => page.getByLabel('备份列表').innerText()).toContain('手动备份')
    expect(await page.getByLabel('备份列表').innerText()).toContain('党组织 1 个')
    await page.getByRole('button', { name: '检查数据库与审计日志' }).click()
    await expect.poll(() => page.locator('.result').first().innerText()).toContain('哈希链完整')

    const row = page.getByLabel('备份列表').locator('tr', { hasText: '手动备份' })
    await row.getByRole('button', { name: '检测恢复' }).click()
    await expect.poll(() => page.getByRole('status', { name: '检测恢复结果' }).innerText()).toContain('检测恢复通过')
    await page.screenshot({ animations: 'disabled', path: screenshotPath('backups.png') })

    // something recorded after the backup, then the clerk goes back to the backup
    await app.must('orgs.create', { name: '备份之后建立的支部', type: 'branch', parentId: 1 })
    await row.getByRole('button', { name: '恢复到此备份' }).click()
    await page.getByRole('button', { name: '恢复', exact: true }).click()
    await expect.poll(() => page.locator('.signin').innerText()).toContain('原数据库已另存为')
    await page.getByLabel('用户名').fill('admin')
    await page.getByLabel('密码', { exact: true }).fill('e2e-password-1')
    await page.getByRole('button', { name: '登录' }).click()
    await page.getByRole('menuitem', { name: '党组织' }).click()
    await expect.poll(() => page.locator('.el-tree').innerText()).toContain('中共示范医院委员会')
    expect(await page.locator('.el-tree').innerText()).not.toContain('备份之后建立的支部')
  })
})
