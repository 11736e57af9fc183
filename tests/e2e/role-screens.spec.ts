/// <reference lib="dom" />
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { b64, workbook } from '../fixtures/workbooks'
import { screenshotPath, startApp, type TestApp } from './support/app'

/**
 * Each role on 考核评价, 达标情况 and 数据导入导出: what it is shown and what it is not (shared/permissions.ts decides
 * for the window and the backend alike). The backend's refusal stays the real guard: it is asked directly, with the
 * signed-in role's own session, for what the screen no longer offers.
 */
const pane = (page: Page) => page.locator('.el-tab-pane:visible')
const ROLES = [
  { username: 'admin', password: 'e2e-password-1', label: '管理员', office: true },
  { username: 'ganshi', password: 'clerk-pass-1', label: '党务干事', office: true },
  { username: 'lingdao', password: 'leader-pass-1', label: '只读领导', office: false },
  { username: 'neike', password: 'secretary-1', label: '支部书记', office: false },
] as const

async function signInAs(page: Page, username: string, password: string): Promise<void> {
  await page.locator('.nav-footer').getByRole('button', { name: '退出' }).click()
  await page.locator('.signin').waitFor()
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码', { exact: true }).fill(password)
  await page.getByRole('button', { name: '登录' }).click()
  await page.locator('.nav-menu').waitFor()
}

/** a call from the page itself, with the signed-in role's session: what the backend answers that role */
async function callAs(page: Page, method: string, input: unknown): Promise<{ ok: boolean; error?: { message: string } }> {
  return page.evaluate(async (body) => {
    const r = await fetch('/api/call', { method: 'POST', headers: { 'content-type': 'application/json', 'x-dangban-request': '1' }, body })
    return (await r.json()) as { ok: boolean; error?: { message: string } }
  }, JSON.stringify({ method, input }))
}

describe('各角色在考核评价、达标情况、数据导入导出中看到什么、不能做什么', () => {
  let app: TestApp
  let branchId = 0
  beforeAll(async () => {
    app = await startApp()
    const c = await app.must('orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    const inner = await app.must('orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id, foundedOn: '2010-01-01' })
    await app.must('orgs.create', { name: '外科党支部', type: 'branch', parentId: c.id, foundedOn: '2010-01-01' })
    branchId = inner.id
    await app.must('members.create', { organizationId: inner.id, fields: { name: '内科甲', gender: '男', joinedOn: '2000-01-01', convertedOn: '2001-01-01' } })
    await app.must('users.create', { username: 'ganshi', displayName: '干事小陈', role: 'clerk', password: 'clerk-pass-1' })
    await app.must('users.create', { username: 'lingdao', displayName: '李领导', role: 'leader', password: 'leader-pass-1' })
    await app.must('users.create', { username: 'neike', displayName: '内科刘书记', role: 'secretary', organizationId: inner.id, password: 'secretary-1' })
    // one import batch on the list, so 整批撤销 is there to be shown or not
    await app.must('imports.commit', { kind: 'organizations', fileName: '眼科.xlsx', contentBase64: b64(workbook([['组织名称', '组织类型', '上级组织'], ['眼科党支部', '党支部', '中共示范医院委员会']])) })
  })
  afterAll(async () => {
    await app?.close()
  })

  for (const role of ROLES) {
    it(`${role.label}`, async () => {
      const { page } = app
      if (role.username !== 'admin') await signInAs(page, role.username, role.password)
      await expect.poll(() => page.locator('.nav-footer').innerText()).toContain(role.label)

      // 考核评价: only the office starts a round or changes a scheme; a 支部书记 counts its own branch's 民主评议
      await page.getByRole('menuitem', { name: '考核评价' }).click()
      await expect.poll(() => pane(page).innerText()).toContain('考评')
      expect(await page.getByRole('button', { name: '新建考评' }).count(), '新建考评').toBe(role.office ? 1 : 0)
      await page.getByRole('tab', { name: '指标体系' }).click()
      await expect.poll(() => pane(page).innerText()).toContain('示例')
      expect(await pane(page).getByRole('button', { name: '复制为新版本' }).count(), '复制为新版本').toBe(role.office ? 1 : 0)
      expect(await pane(page).getByRole('button', { name: '从 Excel 导入…' }).count(), '从 Excel 导入').toBe(role.office ? 1 : 0)
      await page.getByRole('tab', { name: '评议计票' }).click()
      await expect.poll(() => pane(page).innerText()).toContain('计票')
      expect(await pane(page).getByRole('button', { name: '新建计票' }).count(), '新建计票').toBe(role.username === 'lingdao' ? 0 : 1)

      // 达标情况: everyone reads the table; 登记免于考核 only for those who may excuse a period
      await page.getByRole('menuitem', { name: '会议记录' }).click()
      await page.getByRole('tab', { name: '达标情况' }).click()
      await expect.poll(() => pane(page).innerText()).toContain('本期待办')
      expect(await pane(page).getByRole('region', { name: '全院达标情况' }).innerText()).toContain('内科党支部')
      const exempt = await pane(page).getByRole('button', { name: '登记免于考核' }).count()
      if (role.office) expect(exempt, '登记免于考核').toBeGreaterThan(0)
      else expect(exempt, '登记免于考核').toBe(0)
      if (role.username === 'lingdao') await page.screenshot({ animations: 'disabled', path: screenshotPath('leader-compliance.png') })

      // 数据导入导出
      if (role.username === 'neike') {
        expect(await page.locator('.nav-menu').innerText()).not.toContain('数据导入导出')
        await page.evaluate(() => (window.location.hash = '#/exchange'))
        await expect.poll(() => page.locator('.el-message--warning').last().innerText()).toContain('支部书记账号不能打开“数据导入导出”')
        await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/workbench')
      } else {
        await page.getByRole('menuitem', { name: '数据导入导出' }).click()
        await expect.poll(() => page.getByLabel('导入记录').innerText()).toContain('眼科.xlsx')
        expect(await pane(page).getByRole('button', { name: '选择文件…' }).count(), '选择文件').toBe(role.office ? 1 : 0)
        expect(await page.getByRole('button', { name: '整批撤销' }).count(), '整批撤销').toBe(role.office ? 1 : 0)
        // the template is for everyone: a 只读领导 may pass it on
        expect(await pane(page).getByRole('button', { name: '下载导入模板' }).count()).toBe(1)
        if (!role.office) {
          expect(await pane(page).innerText()).toContain('只读账号不能导入数据')
          await page.screenshot({ animations: 'disabled', path: screenshotPath('leader-exchange.png') })
        }
      }

      // the backend refuses what the screens do not offer, in words the clerk can act on
      if (!role.office) {
        const refusal = role.username === 'lingdao' ? '只读账号不能修改数据' : '支部书记账号只能查看和办理本支部的事项；此操作请由党务干事办理'
        const file = { kind: 'members', fileName: 'x.xlsx', contentBase64: b64(workbook([['姓名'], ['某人']])) }
        for (const [method, input] of [
          ['imports.preview', file],
          ['imports.commit', file],
          ['imports.undo', { batchId: 1 }],
          ['compliance.exempt', { organizationId: branchId, type: 'party_lecture', period: '2026-Q1', reason: '测试' }],
          ['assessments.createRound', {}],
          ['assessments.copyScheme', {}],
        ] as const) {
          const r = await callAs(page, method, input)
          expect(r.ok, method).toBe(false)
          expect(r.error?.message, method).toBe(refusal)
        }
        if (role.username === 'lingdao') expect((await callAs(page, 'ballots.create', {})).error?.message).toBe(refusal)
      }
    }, 180_000)
  }
})
