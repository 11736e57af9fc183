import Database from 'better-sqlite3'
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { entryPayload } from '../../../../electron/backend/audit-chain'
import { signingKey, signed } from '../../../../electron/backend/audit-key'
import { startBackend, type AppBackend } from '../../../../electron/backend/boot/startup'
import { runCli } from '../../../../electron/backend/boot/cli'
import { ok } from '../../helpers'

const ADMIN = { username: 'admin', password: 'a-long-password' }
let keyDir: string
const savedKeyDir = process.env.DANGBAN_KEY_DIR
beforeEach(() => {
  keyDir = mkdtempSync(join(tmpdir(), 'dangban-key-'))
  process.env.DANGBAN_KEY_DIR = keyDir
})
afterEach(() => {
  process.env.DANGBAN_KEY_DIR = savedKeyDir
})

async function office(): Promise<{ backend: AppBackend; db: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'dangban-anchor-'))
  const db = join(dir, 'dangban.db')
  const backend = startBackend(db, 'web')
  await ok(backend, 'auth.setup', { username: ADMIN.username, displayName: '党办王主任', password: ADMIN.password })
  await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  return { backend, db, dir }
}

const branch = (b: AppBackend, name: string) => ok(b, 'orgs.create', { name, type: 'branch', parentId: 1 })
const raw = (file: string, act: (d: Database.Database) => void) => {
  const d = new Database(file)
  act(d)
  d.close()
}
const cli = async (args: string[]) => {
  const out: string[] = []
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => out.push(t) }, {})
  return { code, out: out.join('\n') }
}

describe('审计日志的对照点：只改数据目录改不掉', () => {
  it('最近一次备份之后写下的记录被删掉：本机的对照点发现，并说出是第几条', async () => {
    const { backend, db } = await office()
    await ok(backend, 'backup.create', {})
    await branch(backend, '内科党支部')
    await branch(backend, '外科党支部')
    const head = (await ok(backend, 'backup.verify', {})).checkCode!.entryId
    backend.close()
    // the two entries written after the backup are cut off; the chain itself still links up
    raw(db, (d) => d.prepare('DELETE FROM audit_log WHERE id > ?').run(head - 2))
    const r = await cli(['verify', '--json', '--db', db])
    expect(r.code).toBe(3)
    const v = JSON.parse(r.out)
    expect(v.auditChain.ok).toBe(true)
    expect(v.anchors).toContainEqual({ where: '本机', ok: false, message: expect.stringContaining(`本机记下的第 ${head} 条审计记录`) })
  })

  it('删掉或改写备份旁的说明文件（.json）：对照照样进行（读的是备份文件本身和本机的对照点）', async () => {
    const { backend, db, dir } = await office()
    await branch(backend, '内科党支部')
    const made = await ok(backend, 'backup.create', {})
    backend.close()
    // the backup's own entry and the branch recorded in the backup are cut off
    raw(db, (d) => d.prepare('DELETE FROM audit_log WHERE id >= (SELECT max(id) - 1 FROM audit_log)').run())
    // the manifest claims the backup ended earlier
    writeFileSync(`${made.file}.json`, JSON.stringify({ ...made, auditHead: { id: 1, hash: 'x' } }))
    expect(JSON.parse((await cli(['verify', '--json', '--db', db])).out).anchors.filter((a: { ok: boolean }) => a.ok === false).map((a: { where: string }) => a.where)).toEqual(['本机', '数据目录的备份'])
    rmSync(`${made.file}.json`)
    const v = JSON.parse((await cli(['verify', '--json', '--db', db])).out)
    expect(v.ok).toBe(false)
    expect(v.anchors).toContainEqual(expect.objectContaining({ where: '本机', ok: false }))
    expect(readdirSync(join(dir, 'backups')).some((n) => n.endsWith('.json'))).toBe(false)
  })

  it('第二个备份文件夹（U 盘）也是对照点：数据目录整个换回更早的状态也能发现；U 盘没插时如实说明', async () => {
    const { backend, db, dir } = await office()
    const usb = join(dir, '..', `${dir.split('/').pop()}-usb`)
    await ok(backend, 'settings.update', { key: 'backup.extraDir', value: usb })
    await ok(backend, 'backup.create', {})
    backend.close()
    copyFileSync(db, join(dir, 'older.db'))
    const reopened = startBackend(db, 'web')
    await ok(reopened, 'auth.login', ADMIN)
    await branch(reopened, '内科党支部')
    await ok(reopened, 'backup.create', {})
    reopened.close()
    // someone with the data folder only: the database back to the older copy, the newer backups there removed
    for (const suffix of ['-wal', '-shm']) rmSync(db + suffix, { force: true })
    copyFileSync(join(dir, 'older.db'), db)
    for (const n of readdirSync(join(dir, 'backups')).filter((n) => n.startsWith('dangban-')).sort().slice(1)) rmSync(join(dir, 'backups', n))
    const v = JSON.parse((await cli(['verify', '--json', '--db', db])).out)
    expect(v.anchors).toContainEqual(expect.objectContaining({ where: '第二个备份文件夹', ok: false, message: expect.stringContaining('不存在') }))
    rmSync(usb, { recursive: true })
    const unplugged = JSON.parse((await cli(['verify', '--json', '--db', db])).out)
    expect(unplugged.anchors).toContainEqual(expect.objectContaining({ where: '第二个备份文件夹', ok: null, message: expect.stringContaining('无法访问') }))
  })

  it('抄下的校验码：即使有人拿到本机的密钥、把整条链重新签过，再查同一条的校验码也对不上', async () => {
    const { backend, db } = await office()
    await branch(backend, '内科党支部')
    const written = (await ok(backend, 'backup.verify', {})).checkCode!
    await branch(backend, '外科党支部')
    backend.close()
    expect((await cli(['verify', '--entry', String(written.entryId), '--db', db])).out).toContain(`的校验码：${written.code}`)
    // rewrite the first entry and re-sign every entry after it with the key from this PC's key folder
    raw(db, (d) => {
      d.prepare("UPDATE audit_log SET user = '别人' WHERE id = 1").run()
      let prev = '0'.repeat(64)
      for (const r of d.prepare('SELECT * FROM audit_log ORDER BY id').all() as { id: number; at: string; user: string; method: string; entity: string; entity_id: number | null; before_json: string | null; after_json: string | null }[]) {
        const hash = signed(signingKey(), entryPayload(prev, r.at, r.user, r.method, r.entity, r.entity_id, r.before_json, r.after_json))
        d.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, r.id)
        prev = hash
      }
    })
    rmSync(join(keyDir, 'anchors'), { recursive: true })
    const later = await cli(['verify', '--entry', String(written.entryId), '--db', db])
    expect(later.out).toContain('哈希链完整')
    expect(later.out).toContain(`第 ${written.entryId} 条审计记录`)
    expect(later.out).not.toContain(written.code)
  })

  it('从备份恢复之后以恢复后的状态为对照点（不误报）；有意换回旧副本时，管理员核对后可确认现状，确认本身记入审计', async () => {
    const { backend, db, dir } = await office()
    const made = await ok(backend, 'backup.create', {})
    copyFileSync(made.file, join(dir, 'copy.db'))
    await branch(backend, '内科党支部')
    await ok(backend, 'backup.restore', { file: made.file })
    await ok(backend, 'auth.login', ADMIN)
    expect((await ok(backend, 'backup.verify', {})).ok).toBe(true)
    await branch(backend, '外科党支部')
    backend.close()
    // the administrator puts an older copy back by hand
    for (const suffix of ['-wal', '-shm']) rmSync(db + suffix, { force: true })
    copyFileSync(join(dir, 'copy.db'), db)
    expect((await cli(['verify', '--db', db])).code).toBe(3)
    const accepted = await cli(['verify', '--accept', '--db', db])
    expect(accepted.out).toContain('记为新的对照点')
    expect((await cli(['verify', '--db', db])).code).toBe(0)
    const d = new Database(db, { readonly: true })
    expect(d.prepare("SELECT count(*) FROM audit_log WHERE method = 'backup.acceptAudit' AND after_json LIKE '%accepted%'").pluck().get()).toBe(1)
    d.close()
  })
})
