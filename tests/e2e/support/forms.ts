import type { Locator, Page } from 'playwright-core'

/** the open Element Plus dialog (the member drawer is a dialog too, so match the class) */
export const dialog = (page: Page): Locator => page.locator('.el-dialog:visible')

/** The message shown under a form field, found by the field's label as the clerk reads it. */
export function fieldError(scope: Locator, label: string): Locator {
  return scope
    .locator('.el-form-item')
    .filter({ has: scope.page().locator(':scope > .el-form-item__label-wrap .el-form-item__label, :scope > .el-form-item__label', { hasText: new RegExp(`^\\s*${label}\\s*$`) }) })
    .locator('.el-form-item__error')
}

/** The confirmation box (还没有保存, 确认出党 …) that is open now. */
export const messageBox = (page: Page): Locator => page.locator('.el-message-box:visible')

/** Fills a date picker identified by its aria-label and confirms it. */
export async function setDate(scope: Locator, label: string, date: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true })
  await input.fill(date)
  await input.press('Enter')
}
