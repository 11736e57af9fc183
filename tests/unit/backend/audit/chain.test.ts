import Database from 'better-sqlite3'
import { createHmac } from 'node:crypto'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { entryPayload, plainHash } from '../../../../electron/backend/audit-chain'
import { signed } from '../../../../electron/backend/audit-key'
import { startBackend, type AppBackend } from '../../../../electron/backend/boot/startup'
import { runCli } from '../../../../electron/backend/boot/cli'
import { ok } from '../../helpers'

const ADMIN = { username: 'admin', password: 'a-long-password' }
let keyDir: string
const savedKeyDir = process.env.DANGBAN_KEY_DIR
beforeEach(() => {
  // this PC's key folder, apart from the data folder
  keyDir = mkdtempSync(join(tmpdir(), 'dangban-key-'))
  process.env.DANGBAN_KEY_DIR = keyDir
})
afterEach(() => {
  process.env.DANGBAN_KEY_DIR = savedKeyDir
})

async function office(): Promise<{ backend: AppBackend; db: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'dangban-chain-'))
  const db = join(dir, 'dangban.db')
  const backend = startBackend(db, 'web')
  await ok(backend, 'auth.setup', { username: ADMIN.username, displayName: '党办王主任', password: ADMIN.password })
  await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  return { backend, db, dir }
}

interface Row {
  id: number
  hash: string
}
const hashOf = (db: Database.Database, id: number) => db.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck().get(id) as string
const rows = (db: Database.Database) => db.prepare('SELECT id, hash FROM audit_log ORDER BY id').all() as Row[]

/** An entry written straight into the file, linking to `prev`, hashed as `hashOf` says (an older version, or an attacker). */
function append(db: Database.Database, prev: string, at: string, hashOf: (payload: string) => string, user = '测试'): number {
  const payload = entryPayload(prev, at, user, 'print.document', 'print', null, null, '{"what":"roster"}')
  return Number(db.prepare("INSERT INTO audit_log (at, user, method, entity, entity_id, before_json, after_json, prev_hash, hash) VALUES (?, ?, 'print.document', 'print', NULL, NULL, '{\"what\":\"roster\"}', ?, ?)").run(at, user, prev, hashOf(payload)).lastInsertRowid)
}

const cli = async (args: string[]) => {
  const out: string[] = []
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => out.push(t) }, {})
  return { code, out: out.join('\n') }
}

describe('哈希链分叉（旧版本的缺陷）与篡改分开报告', () => {
  it('旧版本在后台导入时写下的分叉：校验指出第几条、什么时间，说明不是篡改；之后的备份照常可用、能恢复，启动时的恢复也列出它', async () => {
    const { backend, db } = await office()
    backend.close()
    // what an older version left: entries hashed without a key; one print was written while an import was
    // writing, and linked to the head from before the import
    const raw = new Database(db)
    raw.exec('DELETE FROM audit_log')
    const first = append(raw, '0'.repeat(64), '2025-06-15T01:00:00.000Z', plainHash)
    const second = { id: append(raw, hashOf(raw, first), '2025-06-15T01:30:00.000Z', plainHash), hash: '' }
    second.hash = hashOf(raw, second.id)
    const imported = append(raw, second.hash, '2025-06-15T02:00:00.000Z', plainHash)
    const forked = append(raw, second.hash, '2025-06-15T02:00:01.000Z', plainHash)
    append(raw, hashOf(raw, forked), '2025-06-15T02:10:00.000Z', plainHash)
    raw.close()
    // the older version kept no anchor on this PC (it came with keys)
    rmSync(join(keyDir, 'anchors'), { recursive: true, force: true })

    const reopened = startBackend(db, 'web')
    await ok(reopened, 'auth.login', ADMIN)
    const v = await ok(reopened, 'backup.verify', {})
    expect(v.ok).toBe(true)
    expect(v.auditChain).toMatchObject({ ok: true, forks: [{ entryId: forked, at: '2025-06-15T02:00:01.000Z', linksTo: second.id }] })
    expect(v.lines.join()).toContain(`在第 ${forked} 条（${new Date('2025-06-15T02:00:01.000Z').toLocaleString('zh-CN', { hour12: false })}）处分叉：该条接在第 ${second.id} 条之后`)
    expect(v.lines.join()).toContain('记录本身没有被改动')
    expect(imported).toBe(forked - 1)

    const made = await ok(reopened, 'backup.create', {})
    expect(made).toMatchObject({ ok: true, problem: null, auditNote: expect.stringContaining(`第 ${forked} 条`) })
    await ok(reopened, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: 1 })
    await ok(reopened, 'backup.restore', { file: made.file })
    reopened.close()
    // the database is damaged later: the backups made after the fork are offered for the guided restore
    writeFileSync(db, 'damaged')
    const started = startBackend(db, 'web')
    const status = await ok(started, 'recovery.status', {})
    if (!status.damaged) throw new Error('应当处于恢复模式')
    expect(status.backups.length).toBeGreaterThan(0)
    expect(status.backups.every((b) => b.ok)).toBe(true)
    await ok(started, 'recovery.restore', { file: status.backups[0]!.file })
    started.close()
  })

  it('改动、删除中间的记录，或在末尾添加伪造的记录：都报为篡改或无法核对，命令行退出码 3', async () => {
    const { backend, db } = await office()
    await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: 1 })
    await ok(backend, 'orgs.create', { name: '外科党支部', type: 'branch', parentId: 1 })
    backend.close()
    const copies = ['edit', 'delete', 'plain', 'foreign', 'wrongKey'].map((what) => {
      const file = db.replace('dangban.db', `${what}.db`)
      cpSync(db, file)
      return [what, file] as const
    })
    const tamper = (file: string, act: (d: Database.Database, all: Row[]) => void) => {
      const d = new Database(file)
      act(d, rows(d))
      d.close()
    }
    const [edit, del, plain, foreign, wrongKey] = copies.map(([, f]) => f)
    tamper(edit!, (d, all) => d.prepare("UPDATE audit_log SET user = '别人' WHERE id = ?").run(all[1]!.id))
    tamper(del!, (d, all) => d.prepare('DELETE FROM audit_log WHERE id = ?').run(all[1]!.id))
    // a forged entry after the last one, hashed the way the old versions did (anyone can compute that)
    tamper(plain!, (d, all) => append(d, all.at(-1)!.hash, '2025-06-16T00:00:00.000Z', plainHash, '伪造'))
    // signed with a key of the forger's own
    tamper(foreign!, (d, all) => append(d, all.at(-1)!.hash, '2025-06-16T00:00:00.000Z', (p) => signed({ id: 'f'.repeat(16), secret: Buffer.alloc(32, 7) }, p), '伪造'))
    // claiming this PC's key id without the key
    tamper(wrongKey!, (d, all) => append(d, all.at(-1)!.hash, '2025-06-16T00:00:00.000Z', (p) => signed({ id: all.at(-1)!.hash.slice(0, 16), secret: Buffer.alloc(32, 7) }, p), '伪造'))

    const results = await Promise.all(copies.map(async ([what, file]) => [what, await cli(['verify', '--db', file])] as const))
    for (const [what, r] of results) expect([what, r.code]).toEqual([what, 3])
    const text = Object.fromEntries(results.map(([what, r]) => [what, r.out]))
    expect(text.edit).toContain('的内容与记录时不同：被改动过')
    expect(text.delete).toContain('之前的记录被删除或改动过')
    expect(text.plain).toContain('本机无法核对')
    expect(text.foreign).toContain('本机无法核对')
    expect(text.wrongKey).toContain('被改动过')
    // the untouched database passes
    expect((await cli(['verify', '--db', db])).code).toBe(0)
  })

  it('签名是标准的 HMAC-SHA256：审计人员用本机的密钥文件和任何工具都能独立核对每一条', async () => {
    const { backend, db } = await office()
    backend.close()
    const secret = Buffer.from(readFileSync(join(keyDir, 'audit.key'), 'utf8').trim(), 'hex')
    const d = new Database(db, { readonly: true })
    const all = d.prepare('SELECT * FROM audit_log ORDER BY id').all() as { at: string; user: string; method: string; entity: string; entity_id: number | null; before_json: string | null; after_json: string | null; prev_hash: string; hash: string }[]
    d.close()
    expect(all.length).toBeGreaterThan(0)
    for (const r of all) {
      const payload = JSON.stringify([r.prev_hash, r.at, r.user, r.method, r.entity, r.entity_id, r.before_json, r.after_json])
      expect(r.hash.split(':')[1]).toBe(createHmac('sha256', secret).update(payload).digest('hex'))
    }
  })

  it('审计密钥不在数据目录里：没有密钥的电脑说明无法核对并告诉怎么办；把密钥文件复制过去就能核对', async () => {
    const { backend, db } = await office()
    backend.close()
    const pc1 = keyDir
    process.env.DANGBAN_KEY_DIR = mkdtempSync(join(tmpdir(), 'dangban-other-pc-'))
    const there = await cli(['verify', '--db', db])
    expect(there.code).toBe(3)
    expect(there.out).toContain('请把那台电脑的审计密钥文件复制到本机的密钥文件夹')
    cpSync(join(pc1, 'audit.key'), join(process.env.DANGBAN_KEY_DIR, 'pc1.key'))
    expect((await cli(['verify', '--db', db])).code).toBe(0)
  })

  it('旧版本写下的记录（无密钥）照常通过；升级后的第一条记录起用密钥签名，并把旧记录一并锁住', async () => {
    const { backend, db } = await office()
    backend.close()
    // what an older version left: entries hashed without a key
    const old = new Database(db)
    old.exec('DELETE FROM audit_log')
    let prev = '0'.repeat(64)
    for (let i = 0; i < 3; i++) {
      const id = append(old, prev, `2025-01-0${i + 1}T00:00:00.000Z`, plainHash, '旧版本')
      prev = (old.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck().get(id) as string)
    }
    old.close()
    // the older version kept no anchor on this PC (it came with keys)
    rmSync(join(keyDir, 'anchors'), { recursive: true, force: true })
    expect((await cli(['verify', '--db', db])).code).toBe(0)
    const upgraded = startBackend(db, 'web')
    await ok(upgraded, 'auth.login', ADMIN)
    upgraded.close()
    // rewriting an old entry and re-hashing the old entries after it no longer goes unnoticed
    const raw = new Database(db)
    const all = rows(raw)
    raw.prepare("UPDATE audit_log SET user = '别人' WHERE id = ?").run(all[0]!.id)
    let p = '0'.repeat(64)
    for (const r of raw.prepare("SELECT * FROM audit_log WHERE hash NOT LIKE '%:%' ORDER BY id").all() as { id: number; at: string; user: string; method: string; entity: string; entity_id: number | null; before_json: string | null; after_json: string | null }[]) {
      const h = plainHash(entryPayload(p, r.at, r.user, r.method, r.entity, r.entity_id, r.before_json, r.after_json))
      raw.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(p, h, r.id)
      p = h
    }
    raw.close()
    const v = await cli(['verify', '--db', db])
    expect(v.code).toBe(3)
    expect(v.out).toContain('第 4 条')
  })
})
