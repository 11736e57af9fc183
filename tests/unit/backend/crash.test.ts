import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openBackend } from '../../../electron/backend/open'
import { workbook, type Aoa } from '../../fixtures/workbooks'
import { rng } from '../../fixtures/zip'

const ROOT = resolve(__dirname, '../../..')
const BATCH = 4000

/** Runs the real CLI import in a child process and SIGKILLs it after `ms` (or lets it finish). */
function importAndKill(db: string, file: string, ms: number): Promise<'killed' | 'finished'> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/backend/cli/main.ts'), 'import', 'organizations', file, '--db', db], { cwd: ROOT, stdio: 'ignore' })
    const timer = setTimeout(() => child.kill('SIGKILL'), ms)
    child.on('exit', (_code, signal) => {
      clearTimeout(timer)
      done(signal === 'SIGKILL' ? 'killed' : 'finished')
    })
  })
}

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

    const random = rng(7)
    const outcomes: string[] = []
    for (let i = 0; i < 8; i++) {
      const db = join(dir, `run${i}.db`)
      copyFileSync(base, db)
      // most kills land while the child starts, reads the file or writes the batch; some let it finish
      const outcome = await importAndKill(db, file, 900 + Math.floor(random() * 2400))
      const check = new Database(db)
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
      const branches = check.prepare("SELECT count(*) FROM organizations WHERE type = 'branch'").pluck().get() as number
      check.close()
      expect([0, BATCH]).toContain(branches)
      outcomes.push(`${outcome}:${branches}`)
    }
    // the test only means something if some runs were killed
    expect(outcomes.some((o) => o.startsWith('killed'))).toBe(true)
  }, 120_000)
})
