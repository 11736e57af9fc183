import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../electron/backend/boot/cli'
import { openBackend } from '../../electron/backend/boot/open'
import { pdfPages, pdfSize, pdfText } from './support/pdf'
import { names } from './support/print-fixtures'

/** `npm run cli -- print …`: the backend builds the HTML, headless Chromium prints it to PDF. */
const dir = mkdtempSync(join(tmpdir(), 'dangban-print-cli-'))
const db = join(dir, 'cli.db')
let meetingId = 0
let branchId = 0

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli([...args, '--db', db], { out: (t) => out.push(t), err: (t) => err.push(t) }, process.env)
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('命令行打印为 PDF', () => {
  beforeAll(async () => {
    const backend = openBackend(db, 'cli')
    const must = async (method: string, input: unknown) => {
      const r = await backend.call(method, input)
      if (!r.ok) throw new Error(r.error.message)
      return r.data as { id: number }
    }
    const c = await must('orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    branchId = (await must('orgs.create', { name: '外科党支部', type: 'branch', parentId: c.id, foundedOn: '2010-01-01' })).id
    for (const name of names(60)) await must('members.create', { organizationId: branchId, fields: { name, gender: '男', joinedOn: '2001-07-01', convertedOn: '2002-07-01', phone: '13912345678' } })
    meetingId = (await must('meetings.create', { organizationId: branchId, types: ['party_congress'], title: '学习贯彻全会精神', heldOn: '2025-03-05', recorder: '王伟', minutes: '会议学习了全会精神。' })).id
    await must('meetings.create', { organizationId: branchId, types: ['theme_day'], title: '四月主题党日', heldOn: '2025-04-10', recorder: '王伟', minutes: '志愿服务。' })
    backend.context.db.close()
  })

  it('print signin：60人加5行空白打印为两页 A4，并说明所用字体', async () => {
    const out = join(dir, 'signin.pdf')
    const r = await cli('print', 'signin', '--id', String(meetingId), '--out', out)
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    expect(r.out).toContain('共 2 页')
    expect(r.out).toMatch(/实际使用的字体：.*CJK/)
    expect(pdfPages(out)).toBe(2)
    expect(pdfSize(out)).toEqual([595, 842])
    expect(pdfText(out).join('')).not.toContain('13912345678')
  })

  it('print minutes 与 print roster --json：输出文件、页数和字体', async () => {
    const minutes = await cli('print', 'minutes', '--id', String(meetingId), '--out', join(dir, 'minutes.pdf'), '--json')
    expect(minutes.code).toBe(0)
    expect(JSON.parse(minutes.out)).toMatchObject({ title: '学习贯彻全会精神会议记录', pages: 1 })
    const roster = await cli('print', 'roster', '--org', String(branchId), '--out', join(dir, 'roster.pdf'), '--json')
    expect(roster.code).toBe(0)
    const info = JSON.parse(roster.out) as { file: string; pages: number; fonts: string[] }
    expect(pdfSize(info.file)).toEqual([842, 595])
    expect(info.pages).toBe(pdfPages(info.file))
    expect(info.fonts.join()).toMatch(/CJK/)
  })

  it('print binder：先量出每份记录的起始页，再把页码印进目录', async () => {
    const out = join(dir, 'binder.pdf')
    const r = await cli('print', 'binder', '--org', String(branchId), '--year', '2025', '--out', out)
    expect(r.code).toBe(0)
    const pages = pdfText(out)
    const contents = pages[1]!
    const start = (title: string) => Number(new RegExp(`${title}\\s+(\\d+)`).exec(contents)?.[1])
    expect(pages[start('学习贯彻全会精神') - 1]).toMatch(/第\s*1\s*号/)
    expect(pages[start('四月主题党日') - 1]).toMatch(/第\s*2\s*号/)
  })

  it('缺少参数或打印内容不存在时，以非零状态退出并说明原因', async () => {
    expect((await cli('print', 'signin', '--out', join(dir, 'x.pdf'))).err).toContain('请用 --id 指定会议编号')
    const missing = await cli('print', 'minutes', '--id', '9999', '--out', join(dir, 'x.pdf'))
    expect(missing.code).not.toBe(0)
    expect(missing.err).toContain('不存在')
    expect((await cli('print', 'poster', '--out', join(dir, 'x.pdf'))).code).toBe(2)
  })
})
