import type { Database } from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { hostileGroups, type Hostile } from '../../fixtures/hostile-files'
import { bombs, damagedHuffman, lyingSizes } from '../../fixtures/hostile-zip'
import { hostileXml } from '../../fixtures/hostile-xml'
import { b64, workbook, type Aoa } from '../../fixtures/workbooks'
import { rng } from '../../fixtures/zip'
import { ok, testBackend } from '../helpers'

const CHINESE = /[\u4e00-\u9fa5]/
/** the bound for one hostile file, end to end (a worker's cold start included) */
const PER_FILE_MS = 10_000
const GB = 1024 ** 3

/** Every row of every table: a hostile file must leave all of them as they were (no batch, no audit, no mapping). */
const everything = (db: Database): string =>
  JSON.stringify(
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[]).map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get()]),
  )

/** process.resourceUsage().maxRSS: the high-water mark of this test process, every worker thread included (KiB) */
const maxRss = (): number => process.resourceUsage().maxRSS * 1024
/**
 * The test process runs other files before this one (the whole unit suite shares it), so its high-water mark starts
 * wherever they left it: what these files may add is measured above the mark at this file's start.
 */
const startMark = maxRss()
const peakBytes = (): number => maxRss() - startMark

describe('导入面对损坏或恶意文件', () => {
  it('500 多个由代码生成的恶意文件：每个 10 秒内以中文说明结束，内存峰值 < 1 GB，不写入任何数据', async () => {
    const backend = testBackend()
    const before = everything(backend.context.db)
    let slowest: { name: string; ms: number } = { name: '', ms: 0 }
    let count = 0
    const refusedFor = new Map<string, string>()
    for (const f of hostileGroups().flatMap((group) => group())) {
      count++
      const started = performance.now()
      const r = await backend.call('imports.commit', { kind: 'organizations', fileName: f.fileName, contentBase64: b64(f.bytes) })
      const ms = performance.now() - started
      if (ms > slowest.ms) slowest = { name: f.name, ms }
      expect(ms, f.name).toBeLessThan(PER_FILE_MS)
      if (!r.ok) {
        expect(r.error.code, f.name).toBe('VALIDATION')
        expect(r.error.message, f.name).toMatch(CHINESE)
        refusedFor.set(f.name, r.error.message)
      } else {
        // damage that still leaves a readable table: its rows are only reported, each with a reason
        const data = r.data as { inserted: number; updated: number; errors: { message: string }[] }
        expect(data.inserted + data.updated, f.name).toBe(0)
        for (const e of data.errors) expect(e.message, f.name).toMatch(CHINESE)
      }
    }
    expect(count).toBeGreaterThanOrEqual(500)
    expect(everything(backend.context.db)).toBe(before)
    expect(peakBytes()).toBeLessThan(GB)
    // damaged streams and lying archives are refused for what they are, not left to the time limit: only SheetJS's
    // .xls reader, which we cannot check ahead, may loop until the sandbox stops it
    const byCause = (prefix: string) => [...refusedFor].filter(([name]) => name.startsWith(prefix)).map(([, m]) => m)
    expect(byCause('哈夫曼表').length).toBe(150)
    for (const m of byCause('哈夫曼表')) expect(m).toMatch(/^文件已损坏（/)
    expect(byCause('大小说谎').length).toBe(40)
    for (const [name, m] of refusedFor) if (!/xls(?!x)/.test(name)) expect(m, name).not.toContain('秒仍未完成')
    console.info(`恶意文件 ${count} 个，拒绝 ${refusedFor.size} 个；最慢 ${Math.round(slowest.ms)} ms（${slowest.name}）；进程内存峰值比开始时高 ${Math.round(peakBytes() / 1024 / 1024)} MB`)
  }, 30 * 60_000)

  it('按上级模板填写：同样的恶意 .xlsx 在检查模板和填写时都被拒绝，内存峰值 < 1 GB', async () => {
    const backend = testBackend()
    // damaged and lying archives must be refused; a hostile but well-formed workbook may be a usable form
    const broken: Hostile[] = [...damagedHuffman(30, rng(11)), ...lyingSizes(20, rng(13)), ...bombs()]
    const inspect = (bytes: Uint8Array) => backend.call('exports.inspectTemplate', { source: 'organizations', fileName: '附表3.xlsx', contentBase64: b64(bytes) })
    // the same call with an honest form is answered: the refusals below are about the files
    expect((await inspect(workbook([['组织名称', '组织类型']]))).ok).toBe(true)
    for (const t of [...broken, ...hostileXml()]) {
      const started = performance.now()
      const seen = await inspect(t.bytes)
      expect(performance.now() - started, t.name).toBeLessThan(PER_FILE_MS)
      if (broken.includes(t)) expect(seen.ok, t.name).toBe(false)
      if (!seen.ok) expect(seen.error.message, t.name).toMatch(CHINESE)
    }
    const fill = (bytes: Uint8Array) => backend.call('exports.fillTemplate', { source: 'organizations', fileName: 't.xlsx', contentBase64: b64(bytes), mapping: {}, scope: { organizationId: null, from: null, to: null } })
    expect((await fill(workbook([['组织名称', '组织类型']]))).ok).toBe(true)
    const afterHonest = everything(backend.context.db)
    for (const t of bombs()) {
      const filled = await fill(t.bytes)
      expect(filled.ok, t.name).toBe(false)
      if (!filled.ok) expect(filled.error.message, t.name).toMatch(/^文件/)
    }
    expect(everything(backend.context.db)).toBe(afterHonest)
    expect(peakBytes()).toBeLessThan(GB)
  }, 10 * 60_000)

  it('10,000 列、压缩炸弹与超长单元格给出具体原因', async () => {
    const backend = testBackend()
    const message = async (bytes: Uint8Array, fileName = 'f.xlsx') => {
      const r = await backend.call('imports.preview', { kind: 'organizations', fileName, contentBase64: b64(bytes) })
      return r.ok ? '' : r.error.message
    }
    const named = (name: string) => [...bombs(), ...hostileXml()].find((h) => h.name.endsWith(name))!.bytes
    expect(await message(workbook([Array.from({ length: 10_000 }, (_, i) => `列${i}`), Array.from({ length: 10_000 }, () => 'x')]))).toContain('超过上限 300 列')
    expect(await message(named('声明 100 字节、实际 1 GB'))).toMatch(/^文件已损坏（压缩包中的项比记录的大小更大）/)
    expect(await message(named('如实声明 1 GB 的零'))).toMatch(/^文件解压后超过 100 MB，已停止读取/)
    expect(await message(named('10 KB 的文件解出 5 MB'))).toMatch(/^文件解压后超过 4 MB，是文件本身的 100 倍以上，不像是一份表格/)
    expect(await message(named('700 万个标签（超过上限）'))).toContain('表格内容过多')
    expect(await message(workbook([['组织名称', '组织类型'], ['党'.repeat(20_000), '党委']]))).toContain('内容过长')
    expect(await message(workbook([['甲', '乙'], ['丙', '丁']]))).toContain('没有找到党组织的表头')
  }, 120_000)

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
