import { describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/backend/dispatch'
import { b64, workbook, type Aoa } from '../../fixtures/workbooks'
import { rng, zip } from '../../fixtures/zip'
import { ok, testBackend } from '../helpers'

const VALID: Aoa = [
  ['组织名称', '组织类型', '上级组织', '成立日期'],
  ['中共示范医院委员会', '党委', null, '2001-07-01'],
  ['内科党支部', '党支部', '中共示范医院委员会', '2019-07-01'],
]
const CHINESE = /[\u4e00-\u9fa5]/

interface Case {
  name: string
  fileName: string
  bytes: Uint8Array
}

function hostileFiles(): Case[] {
  const random = rng(20251124)
  const good = Buffer.from(workbook(VALID))
  const goodXls = Buffer.from(workbook(VALID, 'biff8'))
  const cases: Case[] = []
  for (let i = 0; i < 60; i++) {
    const cut = Math.floor(random() * good.length)
    cases.push({ name: `截断的 xlsx #${i}（${cut} 字节）`, fileName: 't.xlsx', bytes: good.subarray(0, cut) })
  }
  for (let i = 0; i < 60; i++) {
    const b = Buffer.from(i % 2 ? good : goodXls)
    const flips = 1 + Math.floor(random() * 20)
    for (let f = 0; f < flips; f++) b[Math.floor(random() * b.length)] = Math.floor(random() * 256)
    cases.push({ name: `随机损坏的 ${i % 2 ? 'xlsx' : 'xls'} #${i}`, fileName: i % 2 ? 'm.xlsx' : 'm.xls', bytes: b })
  }
  for (let i = 0; i < 40; i++) {
    const len = Math.floor(random() * 4096)
    const b = Buffer.alloc(len + 4)
    for (let j = 0; j < b.length; j++) b[j] = Math.floor(random() * 256)
    const header = [Buffer.from('PK\u0003\u0004'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.from('abc,')][i % 3]!
    header.copy(b)
    cases.push({ name: `随机字节 #${i}`, fileName: ['r.xlsx', 'r.xls', 'r.csv'][i % 3]!, bytes: b })
  }
  cases.push({ name: '空文件', fileName: 'e.xlsx', bytes: new Uint8Array() })
  cases.push({ name: 'PNG 图片改名为 .xlsx', fileName: 'p.xlsx', bytes: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') })
  cases.push({ name: 'Word 文档扩展名', fileName: 'w.docx.pdf', bytes: Buffer.from('%PDF-1.4 hello') })
  cases.push({ name: '解压后 4 GB 的压缩包（声明大小）', fileName: 'bomb.xlsx', bytes: zip([{ name: 'xl/workbook.xml', data: Buffer.alloc(10), size: 0xffffffff }]) })
  cases.push({ name: '真实的压缩炸弹（每项 64 MB 的零）', fileName: 'bomb2.xlsx', bytes: zip(Array.from({ length: 6 }, (_, i) => ({ name: `xl/worksheets/sheet${i}.xml`, data: Buffer.alloc(64 * 1024 * 1024) }))) })
  cases.push({ name: '一万列的表格', fileName: 'wide.xlsx', bytes: workbook([Array.from({ length: 10_000 }, (_, i) => `列${i}`), Array.from({ length: 10_000 }, () => 'x')]) })
  cases.push({ name: '超长字符串单元格', fileName: 'long.xlsx', bytes: workbook([['组织名称', '组织类型'], ['党'.repeat(20_000), '党委']]) })
  cases.push({ name: '没有表头的表格', fileName: 'nohead.xlsx', bytes: workbook([['甲', '乙'], ['丙', '丁']]) })
  return cases
}

async function assertNothingWritten(backend: Backend, before: number): Promise<void> {
  expect((await ok(backend, 'orgs.list', {})).length).toBe(before)
}

describe('导入面对损坏或恶意文件', () => {
  it(`${hostileFiles().length} 个畸形文件：每个都以中文错误结束，不崩溃、不写入半截数据`, async () => {
    const backend = testBackend()
    let rejected = 0
    for (const c of hostileFiles()) {
      const input = { kind: 'organizations' as const, fileName: c.fileName, contentBase64: b64(c.bytes) }
      const before = (await ok(backend, 'orgs.list', {})).length
      const commit = await backend.call('imports.commit', input)
      if (!commit.ok) {
        expect(commit.error.code, c.name).toBe('VALIDATION')
        expect(commit.error.message, c.name).toMatch(CHINESE)
        await assertNothingWritten(backend, before)
        rejected++
      } else {
        // a corruption that still parses: every row is either written whole or reported with a reason
        const data = commit.data as { inserted: number; errors: { message: string }[] }
        for (const e of data.errors) expect(e.message, c.name).toMatch(CHINESE)
      }
    }
    // most damaged files are refused outright; the rest still parse and go through row validation
    expect(rejected).toBeGreaterThan(100)
  }, 120_000)

  it('10,000 列、压缩炸弹与超长单元格给出具体原因', async () => {
    const backend = testBackend()
    const byName = new Map(hostileFiles().map((c) => [c.name, c]))
    const message = async (name: string) => {
      const c = byName.get(name)!
      const r = await backend.call('imports.preview', { kind: 'organizations', fileName: c.fileName, contentBase64: b64(c.bytes) })
      return r.ok ? '' : r.error.message
    }
    expect(await message('一万列的表格')).toContain('超过上限 300 列')
    expect(await message('解压后 4 GB 的压缩包（声明大小）')).toContain('不像是一份表格')
    expect(await message('真实的压缩炸弹（每项 64 MB 的零）')).toContain('不像是一份表格')
    expect(await message('超长字符串单元格')).toContain('内容过长')
    expect(await message('没有表头的表格')).toContain('没有找到党组织的表头')
  })

  it('公式和原型链关键字只当作文本，不执行、不污染对象', async () => {
    const backend = testBackend()
    const rows: Aoa = [
      ['组织名称', '组织类型', '__proto__', 'constructor'],
      ['=HYPERLINK("http://x","点我")', '党委', '{"polluted":1}', 'x'],
    ]
    const result = await ok(backend, 'imports.commit', { kind: 'organizations', fileName: 'f.xlsx', contentBase64: b64(workbook(rows)) })
    expect(result.inserted).toBe(1)
    const org = (await ok(backend, 'orgs.list', {}))[0]!
    expect(org.name).toBe('=HYPERLINK("http://x","点我")')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
