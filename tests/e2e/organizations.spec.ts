/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { choose, screenshotPath, startApp, type TestApp } from './support/app'
import { dialog, fieldError, messageBox } from './support/forms'

describe('党组织管理（浏览器中的真实界面）', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startApp()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('干事新建党委和党支部、修改、调整隶属，刷新后仍在', async () => {
    const { page } = app
    await page.getByRole('button', { name: '新增党组织' }).click()
    await page.getByLabel('组织名称').fill('中共示范医院委员会')
    await page.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.locator('.el-tree').innerText()).toContain('中共示范医院委员会')

    // a branch under the committee (the dialog pre-selects the selected organization as parent)
    await page.locator('.el-tree-node__content', { hasText: '中共示范医院委员会' }).click()
    await page.getByRole('button', { name: '新增下级组织' }).click()
    await page.getByLabel('组织名称').fill('内科第一党支部')
    await page.locator('.el-select', { has: page.getByRole('combobox', { name: '所辖科室' }) }).click()
    await page.keyboard.type('心内科')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.locator('.el-tree').innerText()).toContain('内科第一党支部')

    // a general branch to move the branch under
    await page.locator('.el-tree-node__content', { hasText: '中共示范医院委员会' }).click()
    await page.getByRole('button', { name: '新增下级组织' }).click()
    await page.getByLabel('组织名称').fill('内科党总支')
    await choose(page, '组织类型', '党总支')
    await page.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.locator('.el-tree').innerText()).toContain('内科党总支')

    // edit: rename the branch
    await page.locator('.el-tree-node__content', { hasText: '内科第一党支部' }).click()
    await page.getByRole('button', { name: '编辑' }).click()
    await page.getByLabel('组织名称').fill('心血管内科党支部')
    await page.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.locator('.el-tree').innerText()).toContain('心血管内科党支部')

    // move it under the general branch
    await page.getByRole('button', { name: '调整隶属' }).click()
    await choose(page, '新的上级组织', '内科党总支')
    await page.getByRole('button', { name: '确定调整' }).click()
    await expect.poll(() => page.locator('.el-descriptions').innerText()).toContain('内科党总支')

    await app.reload()
    const nested = page.locator('.el-tree-node:has(> .el-tree-node__content:has-text("内科党总支")) > .el-tree-node__children')
    await expect.poll(() => nested.innerText()).toContain('心血管内科党支部')
    await page.locator('.el-tree-node__content', { hasText: '心血管内科党支部' }).click()
    await expect.poll(() => page.locator('.el-descriptions').innerText()).toContain('心内科')
    await expect.poll(() => page.locator('.el-timeline').innerText()).toContain('调整隶属关系')
  })

  it('不合规的操作在该项下面说明且不保存；关闭填过的对话框先问，选“继续填写”时内容还在', async () => {
    const { page } = app
    await page.getByRole('button', { name: '新增党组织' }).click()
    const box = dialog(page)
    await choose(page, '组织类型', '党支部')
    await box.getByLabel('组织名称').fill('孤立的支部')
    await box.getByRole('button', { name: '保存' }).click()
    // the backend's sentence sits under 上级组织, the field it is about (was a notice that faded)
    await expect.poll(() => fieldError(box, '上级组织').innerText()).toContain('党支部不能设在最高一级')
    await page.screenshot({ animations: 'disabled', path: screenshotPath('org-form-error.png') })
    // closing by ✕ or 取消 asks first; 继续填写 keeps the dialog and what was typed
    await box.getByRole('button', { name: '取消' }).click()
    await expect.poll(() => messageBox(page).innerText()).toContain('还没有保存')
    await messageBox(page).getByRole('button', { name: '继续填写' }).click()
    expect(await box.getByLabel('组织名称').inputValue()).toBe('孤立的支部')
    // the first question has faded out before the next is asked (both would match while it fades)
    await expect.poll(() => messageBox(page).count()).toBe(0)
    await box.locator('.el-dialog__headerbtn').click()
    await expect.poll(() => messageBox(page).innerText()).toContain('还没有保存')
    await messageBox(page).getByRole('button', { name: '不保存，关闭' }).click()
    await expect.poll(() => page.locator('.el-dialog:visible').count()).toBe(0)
    expect(await page.locator('.el-tree').innerText()).not.toContain('孤立的支部')
    // a dialog opened and closed without typing closes at once
    await page.locator('.el-tree-node__content', { hasText: '中共示范医院委员会' }).click()
    await page.getByRole('button', { name: '调整隶属' }).click()
    await dialog(page).getByRole('button', { name: '取消' }).click()
    await expect.poll(() => page.locator('.el-dialog:visible').count()).toBe(0)
    expect(await messageBox(page).count()).toBe(0)
  })

  it('主界面截图显示真实的中文字形', async () => {
    const { page } = app
    await page.locator('.el-tree-node__content', { hasText: '中共示范医院委员会' }).click()
    await expect.poll(() => page.locator('.el-timeline').innerText()).not.toContain('调整隶属关系')
    const png = await page.screenshot({ animations: 'disabled', path: screenshotPath('organizations.png') })
    expect(png.length).toBeGreaterThan(10_000)
    expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans CJK SC"', '党组织') || document.fonts.check('16px "Microsoft YaHei"', '党组织'))).toBe(true)
  })
})
