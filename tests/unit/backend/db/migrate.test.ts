import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { latestVersion, migrate } from '../../../../electron/backend/db/migrate'
import { migrations, type Migration } from '../../../../electron/backend/db/migrations'

describe('数据库迁移', () => {
  it('新库迁移到最新版本，所有表都是 STRICT', () => {
    const db = new Database(':memory:')
    expect(migrate(db)).toBe(latestVersion())
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'").all() as { name: string; sql: string }[]
    expect(tables.length).toBeGreaterThan(3)
    // FTS5 keeps its own shadow tables (<name>_data, _idx, …), which SQLite creates without STRICT
    const virtual = (db.prepare("SELECT name FROM sqlite_schema WHERE sql LIKE 'CREATE VIRTUAL%'").pluck().all() as string[]).map((n) => `${n}_`)
    const notStrict = tables.filter((t) => !/\)\s*STRICT/i.test(t.sql) && !/STRICT\s*,\s*WITHOUT ROWID/i.test(t.sql) && !virtual.some((v) => t.name.startsWith(v)))
    expect(notStrict.map((t) => t.name)).toEqual([])
  })

  it('再次打开时不重复执行已完成的迁移', () => {
    const db = new Database(':memory:')
    migrate(db)
    const before = db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get()
    expect(migrate(db)).toBe(latestVersion())
    expect(db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get()).toBe(before)
  })

  it('某一步失败时整步回滚，版本号停在上一步', () => {
    const db = new Database(':memory:')
    const broken: Migration[] = [
      ...migrations,
      {
        version: latestVersion() + 1,
        name: 'broken',
        up(d) {
          d.exec('CREATE TABLE half_done (x INTEGER) STRICT')
          d.exec('INSERT INTO no_such_table VALUES (1)')
        },
      },
    ]
    expect(() => migrate(db, latestVersion(broken), broken)).toThrow()
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion())
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").pluck().get()).toBe(0)
  })

  it('拒绝打开比程序更新的数据库', () => {
    const db = new Database(':memory:')
    db.pragma(`user_version = ${latestVersion() + 5}`)
    expect(() => migrate(db)).toThrow('请升级党办通')
  })
})

describe('迁移 8：单字检索索引', () => {
  it('升级时把已有会议的正文写入单字索引，升级后一两个字能检索到旧记录', async () => {
    const db = new Database(':memory:')
    migrate(db, 7)
    db.exec(`INSERT INTO organizations (id, name, type, created_at, updated_at) VALUES (1, '内科党支部', 'branch', 'x', 'x');
             INSERT INTO meetings (id, organization_id, title, held_on, created_at, updated_at) VALUES (5, 1, '旧记录', '2020-01-01', 'x', 'x');
             INSERT INTO meeting_search (rowid, body) VALUES (5, '讨论了医德医风建设');`)
    expect(migrate(db)).toBe(latestVersion())
    expect(db.prepare(`SELECT rowid FROM meeting_chars WHERE meeting_chars MATCH '"医 风"'`).pluck().all()).toEqual([5])
    expect(db.prepare(`SELECT rowid FROM meeting_chars WHERE meeting_chars MATCH '"风 医"'`).pluck().all()).toEqual([])
  })

  it('升级加入支部书记角色时保留已有账号（含密码和锁定状态）；支部书记必须对应一个党组织', () => {
    const db = new Database(':memory:')
    migrate(db, 11)
    db.exec(`INSERT INTO organizations (id, name, type, created_at, updated_at) VALUES (1, '内科党支部', 'branch', 'x', 'x');
             INSERT INTO users (id, username, display_name, role, password_hash, salt, failed_attempts, locked_until, created_at)
               VALUES (1, 'admin', '王主任', 'admin', 'h1', 's1', 0, NULL, 't'), (2, 'li', '李书记', 'leader', 'h2', 's2', 3, '2030-01-01', 't');`)
    expect(migrate(db)).toBe(latestVersion())
    expect(db.prepare('SELECT id, username, role, password_hash, failed_attempts, locked_until, organization_id FROM users ORDER BY id').all()).toEqual([
      { id: 1, username: 'admin', role: 'admin', password_hash: 'h1', failed_attempts: 0, locked_until: null, organization_id: null },
      { id: 2, username: 'li', role: 'leader', password_hash: 'h2', failed_attempts: 3, locked_until: '2030-01-01', organization_id: null },
    ])
    const add = (role: string, org: number | null) => () => db.prepare("INSERT INTO users (username, display_name, role, organization_id, password_hash, salt, created_at) VALUES (?, 'x', ?, ?, 'h', 's', 't')").run(`${role}${org}`, role, org)
    expect(add('secretary', null)).toThrow(/CHECK/)
    expect(add('clerk', 1)).toThrow(/CHECK/)
    expect(add('secretary', 1)).not.toThrow()
  })
})
