import Database from 'better-sqlite3'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { newestGoodBackup } from '../../../electron/backend/backup/restore'
import { runCli } from '../../../electron/backend/boot/cli'
import { DatabaseCorruptError, openDatabase } from '../../../electron/backend/db/open'

function capture() {
  const out: string[] = []
  const err: string[] = []
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err }
}
const cli = async (args: string[]) => {
  const c = capture()
  const code = await runCli(args, c.io, {})
  return { code, out: c.out.join('\n'), err: c.err.join('\n') }
}

describe('备份、恢复与校验', () => {
  it('备份 → 篡改审计日志被 verify 发现 → 从备份恢复后校验通过', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dangban-backup-'))
    const db = join(dir, 'dangban.db')
    await cli(['orgs', 'add', '--name', '中共示范医院委员会', '--type', '党委', '--db', db])
    await cli(['orgs', 'add', '--name', '内科党支部', '--type', '党支部', '--parent', '中共示范医院委员会', '--db', db])
    const made = await cli(['backup', '--json', '--db', db])
    expect(made.code).toBe(0)
    const info = JSON.parse(made.out)
    expect(info.file).toMatch(/backups\/dangban-\d{8}-\d{6}\.db$/)
    expect(info).toMatchObject({ ok: true, integrity: 'ok', counts: { organizations: 2, audit_log: 2 }, copies: [] })
    const list = JSON.parse((await cli(['backups', 'list', '--json', '--db', db])).out)
    expect(list.map((b: { file: string }) => b.file)).toEqual([info.file])

    expect((await cli(['verify', '--json', '--db', db])).code).toBe(0)
    // someone edits history behind the app's back
    const raw = new Database(db)
    raw.prepare("UPDATE audit_log SET user = '别人' WHERE id = 1").run()
    raw.close()
    const tampered = await cli(['verify', '--json', '--db', db])
    expect(tampered.code).toBe(3)
    expect(JSON.parse(tampered.out)).toMatchObject({ ok: false, auditChain: { ok: false, brokenAt: 1 } })

    const restored = await cli(['restore', info.file, '--json', '--db', db])
    expect(restored.code).toBe(0)
    const r = JSON.parse(restored.out)
    expect(existsSync(r.savedAs)).toBe(true)
    expect((await cli(['verify', '--db', db])).code).toBe(0)
  })

  it('数据库损坏时启动给出中文说明，并能找到最近的完好备份完成恢复', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dangban-corrupt-'))
    const db = join(dir, 'dangban.db')
    for (let i = 0; i < 40; i++) await cli(['orgs', 'add', '--name', `党委${i}`, '--type', '党委', '--db', db])
    const info = JSON.parse((await cli(['backup', '--json', '--db', db])).out)
    // corrupt the live file: overwrite pages in the middle
    const bytes = readFileSync(db)
    bytes.fill(0x5a, 4096, Math.min(bytes.length, 4096 * 6))
    writeFileSync(db, bytes)
    let error: unknown
    try {
      openDatabase(db).close()
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(DatabaseCorruptError)
    expect((error as Error).message).toContain('数据库文件已损坏')
    const good = newestGoodBackup(db)
    expect(good?.file).toBe(info.file)
    expect((await cli(['restore', good!.file, '--db', db])).code).toBe(0)
    const list = JSON.parse((await cli(['orgs', 'list', '--json', '--db', db])).out)
    expect(list).toHaveLength(40)
  })

  it('损坏的备份不能用来恢复', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dangban-badbackup-'))
    const bad = join(dir, 'bad.db')
    writeFileSync(bad, 'not a database at all')
    const r = await cli(['restore', bad, '--db', join(dir, 'x.db')])
    expect(r.code).toBe(1)
    expect(r.err).toContain('错误')
  })
})
