import { existsSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { pdfPageCount } from '../../shared/print/paging'

/**
 * Prints our HTML to PDF in headless Chromium — the same engine as the desktop app's printToPDF — for the CLI
 * (and the print tests). Uses playwright-core, a development dependency: the CLI is the administrator's tool
 * on a machine with the project installed; the desktop app prints through Electron itself.
 */
const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean) as string[]
/** as in tests/e2e/support/app.ts: no sandbox (containers), no GPU, and no attempt to reach the network */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

export function chromiumExecutable(): string | null {
  return CANDIDATES.find((p) => existsSync(p)) ?? null
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumExecutable()
  if (!executablePath) throw new Error(`找不到 Chromium：请安装 chromium（apt-get install chromium）或设置 CHROMIUM_PATH。已查找：${CANDIDATES.join(', ')}`)
  const { chromium } = await import('playwright-core')
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS })
}

export { pdfPageCount } from '../../shared/print/paging'

export const printPdf = (page: Page): Promise<Buffer> => page.pdf({ preferCSSPageSize: true, printBackground: true })

/**
 * The fonts Chromium actually drew each element with (DevTools CSS.getPlatformFontsForNode): the honest answer
 * to "which font did this print use" — e.g. FangSong on Windows, Noto Serif CJK SC on a bare Linux machine.
 */
export async function fontsUsed(page: Page, selectors: string[]): Promise<Record<string, string[]>> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('DOM.enable')
  await cdp.send('CSS.enable')
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 })
  const out: Record<string, string[]> = {}
  for (const selector of selectors) {
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector })
    const families = new Set<string>()
    for (const nodeId of nodeIds.slice(0, 20)) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId })
      fonts.forEach((f) => families.add(f.familyName))
    }
    if (families.size) out[selector] = [...families]
  }
  await cdp.detach()
  return out
}

/**
 * First page of each top-level section that starts on a new page (the binder's cover, contents, records and
 * statistics): each section is printed alone and the page counts added up. Exact, because every section
 * starts a page and all pages share one size and margins — so the contents can show real 页码.
 */
export async function sectionStartPages(page: Page, selector: string): Promise<number[]> {
  const count = await page.locator(selector).count()
  const starts: number[] = []
  let next = 1
  for (let i = 0; i < count; i++) {
    // a string, not a function: this file is compiled without the DOM library
    await page.evaluate(`document.querySelectorAll(${JSON.stringify(selector)}).forEach((el, j) => { el.style.display = j === ${i} ? '' : 'none' })`)
    starts.push(next)
    next += pdfPageCount(await printPdf(page))
  }
  await page.evaluate(`document.querySelectorAll(${JSON.stringify(selector)}).forEach((el) => { el.style.display = '' })`)
  return starts
}
