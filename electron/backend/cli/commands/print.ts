import { existsSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { CliError } from '../output'
import type { CliCommand } from '../types'

const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean) as string[]

/**
 * Renders an HTML print to PDF in headless Chromium (the same engine as the desktop app's printToPDF).
 * Uses playwright-core, a development dependency: this is the administrator's tool on a machine with the
 * project installed; the desktop app prints through Electron itself.
 */
export async function htmlToPdf(html: string, out: string): Promise<void> {
  const executablePath = CHROMIUM.find((p) => existsSync(p))
  if (!executablePath) throw new CliError('找不到 Chromium：请安装 chromium 或设置 CHROMIUM_PATH')
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'] })
  try {
    const page = await browser.newPage()
    await page.setContent(html, { waitUntil: 'load' })
    writeFileSync(out, await page.pdf({ preferCSSPageSize: true, printBackground: true }))
  } finally {
    await browser.close()
  }
}

/** `print minutes|signin --id N --out file.pdf`, `print roster [--org 支部编号] --out file.pdf` (issue 6). */
export const printCommand: CliCommand = {
  usage: 'print minutes|signin|roster [--id 会议编号] [--org 组织编号] --out 文件.pdf   打印为 PDF',
  options: { id: 'string', org: 'string', out: 'string' },
  async run({ call, flags, positionals, io }) {
    const what = positionals[0]
    if (!flags.out) throw new CliError('请用 --out 指定 PDF 文件', 2)
    let input: unknown
    if (what === 'minutes' || what === 'signin') {
      if (!flags.id) throw new CliError('请用 --id 指定会议编号', 2)
      input = { what, meetingId: Number(flags.id) }
    } else if (what === 'roster') input = { what, organizationId: flags.org ? Number(flags.org) : null }
    else throw new CliError('可打印：minutes（会议记录）、signin（签到表）、roster（党员名册）', 2)
    const doc = (await call('print.document', input)) as { title: string; html: string }
    const out = resolve(String(flags.out))
    await htmlToPdf(doc.html, out)
    if (flags.json) return io.out(JSON.stringify({ file: out, title: doc.title }))
    io.out(`已生成：${out}（${doc.title}）`)
  },
}
