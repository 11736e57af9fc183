import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { startBridge, type Bridge } from '../../../electron/backend/http/bridge'
import { startBackend, type AppBackend } from '../../../electron/backend/boot/startup'
import { runningJobs } from '../../../electron/backend/jobs/runner'

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean) as string[]

/** Debian's Chromium (or CHROMIUM_PATH). A missing browser is a failure with a message, never a skip. */
export function chromiumPath(): string {
  const found = CANDIDATES.find((p) => existsSync(p))
  if (!found) {
    throw new Error(`找不到 Chromium：请安装 Debian 的 chromium 包（apt-get install chromium），或设置 CHROMIUM_PATH。已查找：${CANDIDATES.join(', ')}`)
  }
  return found
}

export const rendererDir = resolve(__dirname, '../../../out/renderer')

export interface TestApp {
  page: Page
  browser: Browser
  bridge: Bridge
  backend: AppBackend
  dbPath: string
  /** sets up data straight through the backend (as the signed-in administrator); fails the test on an error; answers what the method answers (usually a record with its id) */
  must<T = { id: number }>(method: string, input: unknown): Promise<T>
  /** a fresh page on the same backend, as after closing and reopening the window */
  reload(): Promise<void>
  /**
   * Sets the day for the backend and the page (only with the `today` option): a jump of days is also the sign-in
   * expiring (15 minutes idle), so the administrator signs in again, as a clerk would the next morning.
   */
  setToday(date: string): Promise<void>
  close(): Promise<void>
}

/** The real renderer in Chromium, talking to the real backend over the loopback bridge, on a temporary database. */
export async function startApp(options: { signedIn?: boolean; prepare?: (dbPath: string) => Promise<void>; today?: string } = {}): Promise<TestApp> {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('界面尚未构建：请先运行 npm run build（npm test 会自动构建）')
  const dir = mkdtempSync(join(tmpdir(), 'dangban-e2e-'))
  const dbPath = join(dir, 'dangban.db')
  // `prepare` shapes the data folder before the app starts (e.g. a damaged database with backups beside it)
  await options.prepare?.(dbPath)
  // a test that sets the day (docs/deadlines.md: overdue from the day after) runs on a clock it moves; 09:00 local
  let clock = options.today ? new Date(`${options.today}T09:00:00`) : null
  const backend = startBackend(dbPath, 'web', clock ? { now: () => clock! } : {})
  // most tests start signed in as the administrator; the sign-in test starts from the first-run screen
  if (options.signedIn !== false) {
    const r = await backend.call('auth.setup', { username: 'admin', displayName: '测试管理员', password: 'e2e-password-1' })
    if (!r.ok) throw new Error(r.error.message)
  }
  const bridge = await startBridge(backend, rendererDir)
  // The background-networking flags keep Chromium from trying to reach the internet on start.
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=zh-CN'],
  })
  // 1366×768: the screen of most office PCs the app runs on; every screen and every test sees what such a clerk sees
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true })
  const page = await context.newPage()
  page.setDefaultTimeout(10_000)
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  if (clock) await page.clock.setFixedTime(clock)
  // the printed address gives this browser its own session (cookie); the administrator signs in on it, as a clerk would.
  // The specs begin on the 党组织 page (the start page, the 工作台, is tested where it is the subject)
  await page.goto(`${bridge.url}#/organizations`)
  async function signIn(): Promise<void> {
    const login = await page.evaluate(async (body) => {
      const r = await fetch('/api/call', { method: 'POST', headers: { 'content-type': 'application/json', 'x-dangban-request': '1' }, body })
      return (await r.json()) as { ok: boolean }
    }, JSON.stringify({ method: 'auth.login', input: { username: 'admin', password: 'e2e-password-1' } }))
    if (!login.ok) throw new Error(`浏览器会话登录失败：${JSON.stringify(login)}`)
    await page.reload()
  }
  if (options.signedIn !== false) await signIn()
  const app: TestApp = {
    page,
    browser,
    bridge,
    backend,
    dbPath,
    async must<T>(method: string, input: unknown) {
      const r = await backend.call(method, input)
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
      return r.data as T
    },
    async reload() {
      await page.reload()
    },
    async setToday(date) {
      if (!clock) throw new Error('setToday 需要 startApp({ today })')
      clock = new Date(`${date}T09:00:00`)
      await page.clock.setFixedTime(clock)
      await signIn()
    },
    async close() {
      await browser.close()
      await bridge.close()
      // a background job the page started (the dashboard's trends) may still hold the database open
      for (let waited = 0; runningJobs() > 0 && waited < 30_000; waited += 50) await new Promise((r) => setTimeout(r, 50))
      backend.close()
      // a job's connection may still be closing (SQLite removes its -wal and -shm files as it goes)
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 })
      if (errors.length) throw new Error(`页面脚本出错：${errors.join('\n')}`)
    },
  }
  return app
}

/** Picks an option in an Element Plus select identified by its aria-label. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  // click the select's wrapper: its inner input resizes while it opens and never counts as "stable"
  await page.locator('.el-select', { has: page.getByRole('combobox', { name: label, exact: true }) }).click()
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: option }).first().click()
}

/**
 * Where a test saves a screenshot: test-results/screenshots/ on every run (ignored by git), and the reviewed
 * copies under tests/e2e/__screenshots__/ only when UPDATE_SCREENSHOTS=1, so a test run leaves the tree clean.
 */
export function screenshotPath(name: string): string {
  const dir = process.env.UPDATE_SCREENSHOTS === '1' ? resolve(__dirname, '../__screenshots__') : resolve(__dirname, '../../../test-results/screenshots')
  mkdirSync(dirname(join(dir, name)), { recursive: true })
  return join(dir, name)
}
