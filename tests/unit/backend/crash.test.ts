import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { latestVersion, migrate } from '../../../electron/backend/db/migrate'
import { openBackend } from '../../../electron/backend/boot/open'
import { workbook, type Aoa } from '../../fixtures/workbooks'
import { rng } from '../../fixtures/zip'

const ROOT = resolve(__dirname, '../../..')
const BATCH = 4000

/**
 * Runs the real CLI in a child process on `db` and SIGKILLs it `kill.delay` ms after it started, or after it first
 * wrote (its WAL file first grew) — or never (null). Reports how long it ran and how long the writing lasted when
 * it finished by itself. Kills timed from the start land while it reads and validates; kills timed from the first
 * write land while SQLite writes and commits, however busy the machine is.
 */
function runAndKill(args: string[], db: string, kill: { from: 'start' | 'write'; delay: number } | null): Promise<{ outcome: 'killed' | 'finished'; ran: number; writing: number | null }> {
  return new Promise((done) => {
    const started = performance.now()
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/backend/boot/cli-main.ts'), ...args, '--db', db], { cwd: ROOT, stdio: 'ignore' })
    let wroteAt: number | null = null
    const timers: ReturnType<typeof setTimeout>[] = []
    if (kill?.from === 'start') timers.push(setTimeout(() => child.kill('SIGKILL'), kill.delay))
    const watch = setInterval(() => {
      if (wroteAt !== null || !existsSync(`${db}-wal`) || statSync(`${db}-wal`).size === 0) return
      wroteAt = performance.now()
      if (kill?.from === 'write') timers.push(setTimeout(() => child.kill('SIGKILL'), kill.delay))
    }, 2)
    child.on('exit', (_code, signal) => {
      clearInterval(watch)
      timers.forEach(clearTimeout)
      const now = performance.now()
      done({ outcome: signal === 'SIGKILL' ? 'killed' : 'finished', ran: now - started, writing: wroteAt === null ? null : now - wroteAt })
    })
  })
}

/** Half the kills from the start (across its middle), half from the first write (across the writing and just after). */
const killAt = (i: number, random: () => number, t: { ran: number; writing: number | null }) =>
  i % 2 === 0 ? { from: 'start' as const, delay: Math.floor(t.ran * (0.2 + random() * 0.6)) } : { from: 'write' as const, delay: Math.floor(random() * (t.writing ?? 100) * 1.3) }

const RUNS = 16

describe('断电或强行结束时数据不损坏', () => {
  it('导入进行中被 SIGKILL 多次：每次数据库都完好，且这一批要么全部写入、要么一条都没有', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dangban-crash-'))
    const base = join(dir, 'base.db')
    const b = openBackend(base, 'cli')
    await b.call('orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    b.context.db.pragma('wal_checkpoint(TRUNCATE)')
    b.context.db.close()
    const rows: Aoa = [['组织名称', '组织类型', '上级组织']]
    for (let i = 0; i < BATCH; i++) rows.push([`第${i}党支部`, '党支部', '中共示范医院委员会'])
    const file = join(dir, 'big.xlsx')
    writeFileSync(file, workbook(rows))

    // one undisturbed run says how long the writing lasts here; the kills then land anywhere in it, or just after
    copyFileSync(base, join(dir, 'timing.db'))
    const timing = await runAndKill(['import', 'organizations', file], join(dir, 'timing.db'), null)
    const random = rng(7)
    const outcomes: string[] = []
    for (let i = 0; i < RUNS; i++) {
      const db = join(dir, `run${i}.db`)
      copyFileSync(base, db)
      const { outcome } = await runAndKill(['import', 'organizations', file], db, killAt(i, random, timing))
      const check = new Database(db)
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
      const branches = check.prepare("SELECT count(*) FROM organizations WHERE type = 'branch'").pluck().get() as number
      check.close()
      expect([0, BATCH]).toContain(branches)
      outcomes.push(`${outcome}:${branches}`)
    }
    // the test only means something if some runs were killed
    expect(outcomes.filter((o) => o.startsWith('killed')).length).toBeGreaterThanOrEqual(RUNS / 5)
  }, 240_000)

  it('数据库升级（迁移）进行中被 SIGKILL 多次：每次都停在某一步完成之后，之后再打开能完成升级，旧记录都在', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dangban-crash-migrate-'))
    // a database as version 7 of the program left it, with enough meetings that building the per-character
    // index (migration 8) takes a while
    const base = join(dir, 'v7.db')
    const old = new Database(base)
    migrate(old, 7)
    old.exec(`INSERT INTO organizations (id, name, type, created_at, updated_at) VALUES (1, '内科党支部', 'branch', 'x', 'x')`)
    const meeting = old.prepare("INSERT INTO meetings (id, organization_id, title, held_on, created_at, updated_at) VALUES (?, 1, ?, '2020-01-01', 'x', 'x')")
    const text = old.prepare('INSERT INTO meeting_search (rowid, body) VALUES (?, ?)')
    old.transaction(() => {
      for (let i = 1; i <= MEETINGS; i++) {
        meeting.run(i, `第${i}次支部党员大会`)
        text.run(i, `第${i}次会议学习医德医风建设，讨论发展党员和廉洁从业，开展义诊志愿服务。`.repeat(4))
      }
    })()
    old.pragma('journal_mode = WAL')
    old.close()

    copyFileSync(base, join(dir, 'timing.db'))
    const timing = await runAndKill(['orgs', 'list'], join(dir, 'timing.db'), null)
    const random = rng(11)
    const outcomes: string[] = []
    for (let i = 0; i < RUNS / 2; i++) {
      const db = join(dir, `run${i}.db`)
      copyFileSync(base, db)
      const { outcome } = await runAndKill(['orgs', 'list'], db, killAt(i, random, timing))
      const check = new Database(db)
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
      const version = check.pragma('user_version', { simple: true }) as number
      const indexed = version >= 8 ? (check.prepare('SELECT count(*) FROM meeting_chars').pluck().get() as number) : null
      const hasIndex = (check.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'meeting_chars'").pluck().get() as number) === 1
      check.close()
      // a step is all or nothing: before step 8 there is no index at all, from step 8 on it holds every meeting
      expect([version >= 7, hasIndex === version >= 8, indexed === null || indexed === MEETINGS]).toEqual([true, true, true])
      outcomes.push(`${outcome}:v${version}`)
      // the next start finishes the upgrade and the old records are all there
      const reopened = openBackend(db, 'cli')
      expect(reopened.context.db.pragma('user_version', { simple: true })).toBe(latestVersion())
      expect(reopened.context.db.prepare('SELECT count(*) FROM meetings').pluck().get()).toBe(MEETINGS)
      reopened.context.db.close()
    }
    expect(outcomes.some((o) => o.startsWith('killed'))).toBe(true)
  }, 240_000)
})

const MEETINGS = 30_000
