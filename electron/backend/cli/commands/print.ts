import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Input } from '../../../shared/contract'
import { fontsUsed, launchChromium, pdfPageCount, printPdf, sectionStartPages } from '../chromium-pdf'
import { CliError } from '../output'
import { required, requiredOneOf, text } from '../flags'
import type { CliCommand, CliRun } from '../types'

const WHAT = 'signin（签到表）、minutes（会议记录）、roster（党员名册）、binder（年度工作记录汇编）、batch（一个月的全部签到表）、notice（公示）、statistics（党内统计）'
const list = (v: string | undefined) => (v ?? '').split(/[,，、\s]+/).filter(Boolean)
const NOTICE_KINDS = ['发展对象', '预备党员', '转正'] as const

/** The backend input for each printable thing, from the command line. */
function inputOf(what: string | undefined, f: CliRun['flags']): Input<'print.document'> {
  switch (what) {
    case 'signin':
      return { what, meetingId: Number(required(f, 'id', '会议编号')), ...(f.blank ? { blankRows: Number(text(f, 'blank')) } : {}) }
    case 'minutes':
      return { what, meetingId: Number(required(f, 'id', '会议编号')) }
    case 'roster':
      return { what, filters: { organizationId: f.org ? Number(text(f, 'org')) : null }, columns: list(text(f, 'columns')) }
    case 'binder':
      return { what, organizationId: Number(required(f, 'org', '党支部编号')), year: Number(required(f, 'year', '年度')) }
    case 'batch':
      return { what: 'signinBatch', month: required(f, 'month', '月份（如 2025-03）'), organizationId: f.org ? Number(text(f, 'org')) : null }
    case 'notice':
      return {
        what,
        kind: requiredOneOf(f, 'kind', NOTICE_KINDS, '公示类型'),
        memberIds: list(required(f, 'members', '人员编号（逗号分隔）')).map(Number),
        periodFrom: required(f, 'from', '公示开始日期'),
        periodTo: required(f, 'to', '公示结束日期'),
        feedback: required(f, 'feedback', '意见反映渠道'),
        issuer: required(f, 'issuer', '发布单位'),
      }
    case 'statistics':
      return { what, year: Number(required(f, 'year', '年度')) }
    default:
      throw new CliError(`可打印：${WHAT}`, 2)
  }
}

/**
 * `print <what> … --out file.pdf`: the backend builds the HTML through the contract (so the print is
 * checked and logged like any other), headless Chromium prints it with the page's own A4 rules, and the
 * command reports the pages and the fonts Chromium actually used. The binder is printed twice: once to
 * measure where each record starts, then with those page numbers in its contents.
 */
export const printCommand: CliCommand = {
  usage: 'print signin|minutes --id 会议编号 | roster [--org 组织编号] [--columns name,gender,…] | binder --org 支部编号 --year 2025 | batch --month 2025-03 [--org 组织编号] | notice --kind 发展对象 --members 1,2 --from --to --feedback --issuer | statistics --year 2025  --out 文件.pdf',
  options: { id: 'string', org: 'string', out: 'string', year: 'string', month: 'string', columns: 'string', blank: 'string', kind: 'string', members: 'string', from: 'string', to: 'string', feedback: 'string', issuer: 'string' },
  async run({ call, flags, positionals, io }) {
    const input = inputOf(positionals[0], flags)
    const out = resolve(required(flags, 'out', 'PDF 文件'))
    let doc = await call('print.document', input)
    const browser = await launchChromium().catch((e: Error) => {
      throw new CliError(e.message)
    })
    try {
      const page = await browser.newPage()
      await page.setContent(doc.html, { waitUntil: 'load' })
      if (input.what === 'binder') {
        const starts = await sectionStartPages(page, 'body > section')
        // sections: cover, contents, each record, statistics → the contents lists the records and the statistics
        doc = await call('print.document', { ...input, startPages: starts.slice(2) })
        await page.setContent(doc.html, { waitUntil: 'load' })
      }
      const pdf = await printPdf(page)
      const fonts = await fontsUsed(page, ['h1', 'p, td', 'th'])
      writeFileSync(out, pdf)
      const pages = pdfPageCount(pdf)
      const used = [...new Set(Object.values(fonts).flat())]
      if (flags.json) return io.out(JSON.stringify({ file: out, title: doc.title, pages, fonts: used }))
      io.out(`已生成：${out}（${doc.title}，共 ${pages} 页，A4）`)
      io.out(`实际使用的字体：${used.join('、') || '未能读取'}${used.some((f) => /FangSong|仿宋/.test(f)) ? '' : '（本机没有仿宋，已用替代字体；在装有仿宋、方正小标宋的电脑上打印更符合公文格式）'}`)
    } finally {
      await browser.close()
    }
  },
}
