import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { closeSync, copyFileSync, ftruncateSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startBackend, type AppBackend } from '../../../electron/backend/boot/startup'
import { runCli } from '../../../electron/backend/boot/cli'
import { latestVersion } from '../../../electron/backend/db/migrate'
import { fails, ok } from '../helpers'

const ADMIN = { username: 'admin', password: 'a-long-password' }
const LEADER = { username: 'leader', password: 'leader-pass-1' }

/** A hospital's data with a good backup; the window signed in as the administrator. */
async function office(): Promise<{ backend: AppBackend; db: string; dir: string; good: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'dangban-attack-'))
  const db = join(dir, 'dangban.db')
  const backend = startBackend(db, 'web')
  await ok(backend, 'auth.setup', { username: ADMIN.username, displayName: '党办王主任', password: ADMIN.password })
  await ok(backend, 'users.create', { username: LEADER.username, displayName: '李书记', role: 'leader', password: LEADER.password })
  const committee = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  await ok(backend, 'meetings.create', { organizationId: committee.id, types: ['study_group'], title: '中心组学习', heldOn: '2025-06-10', host: '王', recorder: '李', minutes: '学习', attendance: [] } as never)
  const good = (await ok(backend, 'backup.create', {})).file
  return { backend, db, dir, good }
}

let planted = 0
/** Puts a file among the backups, with a manifest, so the window lists it like any other backup. */
function plant(dir: string, make: (file: string) => void): string {
  const file = join(dir, 'backups', `dangban-20250101-0000${String(planted++).padStart(2, '0')}.db`)
  make(file)
  writeFileSync(`${file}.json`, JSON.stringify({ file, createdAt: '2025-01-01T00:00:00.000Z', reason: '手动备份', size: 1, ok: true, problem: null, integrity: 'ok', schemaVersion: latestVersion(), counts: {}, auditHead: null, attachments: { needed: 0, missing: 0 } }))
  return file
}

/** A real backup of ours, changed the way an attacker would. */
const tampered = (good: string, sql: string) => (file: string) => {
  copyFileSync(good, file)
  const d = new Database(file)
  d.exec(sql)
  d.close()
}

const ATTACKS: [string, (good: string) => (file: string) => void, string][] = [
  ['空文件', () => (file) => writeFileSync(file, ''), '空文件'],
  ['与党办通无关的数据库', () => (file) => new Database(file).exec('CREATE TABLE notes (text TEXT); PRAGMA user_version = 13').close(), '不是党办通建立的'],
  ['删除新审计记录的触发器', (good) => tampered(good, 'CREATE TRIGGER hide AFTER INSERT ON audit_log BEGIN DELETE FROM audit_log WHERE id = new.id; END'), '触发器“hide”'],
  ['登录时把领导升为管理员的触发器', (good) => tampered(good, "CREATE TRIGGER promote AFTER UPDATE OF last_login_at ON users BEGIN UPDATE users SET role = 'admin' WHERE id = new.id; END"), '触发器“promote”'],
  ['把身份证号抄进党组织备注的触发器', (good) => tampered(good, 'CREATE TRIGGER leak AFTER INSERT ON members BEGIN UPDATE organizations SET note = new.id_number; END'), '触发器“leak”'],
  ['多出来的视图', (good) => tampered(good, 'CREATE VIEW everyone AS SELECT * FROM members'), '视图“everyone”'],
  ['指向 /etc/passwd 的附件', (good) => tampered(good, "INSERT INTO attachments (meeting_id, sha256, file_name, mime, size, created_at) VALUES (1, '../../../../etc/passwd', 'passwd.pdf', 'application/pdf', 1, '2025-01-01')"), '不是内容哈希'],
  [
    '8 GiB 的稀疏文件',
    (good) => (file) => {
      copyFileSync(good, file)
      const fd = openSync(file, 'r+')
      ftruncateSync(fd, 8 * 1024 ** 3)
      closeSync(fd)
    },
    '文件头与文件大小不符',
  ],
  ['数据结构版本 5（党办通没有这个版本）', (good) => tampered(good, 'PRAGMA user_version = 5'), '数据结构版本 5 不是党办通的版本'],
  ['版本 13 却没有任何表', () => (file) => new Database(file).exec('PRAGMA user_version = 13').close(), '缺少'],
]

const orgNames = (file: string) => {
  const d = new Database(file, { readonly: true })
  const names = d.prepare('SELECT name FROM organizations ORDER BY id').pluck().all()
  d.close()
  return names
}

const cli = async (args: string[]) => {
  const out: string[] = []
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => out.push(t) }, {})
  return { code, out: out.join('\n') }
}

describe('从备份恢复：先证明是党办通自己的备份，再替换', () => {
  it.each(ATTACKS)('%s：窗口、命令行和启动时的恢复都拒绝，说明原因，现有数据库原样不动', async (_name, make, reason) => {
    const { backend, db, dir, good } = await office()
    const crafted = plant(dir, make(good))
    // the window: listed as unusable, and refused when asked anyway
    const listed = (await ok(backend, 'backup.list', {})).find((b) => b.file === crafted)
    expect(listed && { ok: listed.ok, problem: listed.problem }).toEqual({ ok: false, problem: expect.stringContaining(reason) })
    const refused = await fails(backend, 'backup.restore', { file: crafted })
    expect(refused.message).toContain(reason)
    expect(refused.message).toContain('没有改动任何文件')
    expect(await ok(backend, 'orgs.list', {})).toHaveLength(1)
    backend.close()
    // the CLI
    const r = await cli(['restore', crafted, '--db', db])
    expect(r.code).toBe(1)
    expect(r.out).toContain(reason)
    expect(orgNames(db)).toEqual(['中共示范医院委员会'])
    // the guided restore at a damaged start
    const bytes = readFileSync(db)
    writeFileSync(db, Buffer.alloc(bytes.length, 0x5a))
    const started = startBackend(db, 'web')
    const status = await ok(started, 'recovery.status', {})
    if (!status.damaged) throw new Error('应当处于恢复模式')
    expect(status.backups.find((b) => b.file === crafted)?.ok).toBe(false)
    expect((await fails(started, 'recovery.restore', { file: crafted })).message).toContain(reason)
    expect(readFileSync(db).equals(Buffer.alloc(bytes.length, 0x5a))).toBe(true)
    // the good backup still restores, and nothing the refusals touched is left in the data folder
    await ok(started, 'recovery.restore', { file: good })
    started.close()
    expect(orgNames(db)).toEqual(['中共示范医院委员会'])
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([])
  })

  it('附件记录指向数据目录以外的文件：只读领导打开附件时被拒绝，读不到该文件', async () => {
    const { backend, db } = await office()
    // written into the live database behind the program's back
    const raw = new Database(db)
    raw.prepare("INSERT INTO attachments (meeting_id, sha256, file_name, mime, size, created_at) VALUES (1, '../../../../etc/passwd', 'passwd.pdf', 'application/pdf', 1, '2025-01-01')").run()
    raw.close()
    await ok(backend, 'auth.logout', {})
    await ok(backend, 'auth.login', LEADER)
    const refused = await fails(backend, 'meetings.attachment', { id: 1 })
    expect(refused.message).toContain('文件名不是内容哈希')
    expect(JSON.stringify(refused)).not.toContain('root:')
    backend.close()
  })

  it('党办通开着这个数据库时，命令行不恢复并说明先退出；退出后可以恢复', async () => {
    const { backend, db, good } = await office()
    backend.close()
    // the desktop app, in another process, has the database open
    const app = spawn(
      process.execPath,
      ['-e', `const D = require(${JSON.stringify(resolve('node_modules/better-sqlite3'))}); const db = new D(${JSON.stringify(db)}); db.prepare('SELECT 1').get(); console.log('open'); setInterval(() => {}, 1000)`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    const exited = new Promise<void>((done) => app.once('exit', () => done()))
    try {
      await new Promise<void>((done) => app.stdout!.once('data', () => done()))
      const before = statSync(db).ino
      const r = await cli(['restore', good, '--db', db])
      expect(r.code).toBe(1)
      expect(r.out).toContain('党办通正在使用这个数据库')
      expect(r.out).toContain('请先退出党办通再恢复')
      expect(statSync(db).ino).toBe(before)
    } finally {
      app.kill()
      await exited
    }
    expect((await cli(['restore', good, '--db', db])).code).toBe(0)
  })
})
