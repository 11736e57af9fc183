import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { recordAudit } from '../../../../electron/backend/audit'
import { startBackend, type AppBackend } from '../../../../electron/backend/boot/startup'
import type { Result } from '../../../../electron/shared/result'
import { b64, workbook, type Aoa } from '../../../fixtures/workbooks'
import { ok, testBackend } from '../../helpers'

const ADMIN = { username: 'admin', password: 'a-long-password' }
const ROUNDS = 20

async function jobResult(backend: AppBackend, id: string): Promise<Result<unknown>> {
  for (;;) {
    const s = await ok(backend, 'jobs.status', { id })
    if (s.state !== 'running') return s.result!
    await new Promise((r) => setTimeout(r, 10))
  }
}

/** Waits until the job reports progress: its write transaction is open from then until it commits. */
async function writing(backend: AppBackend, id: string): Promise<void> {
  for (;;) {
    const s = await ok(backend, 'jobs.status', { id })
    if (s.state !== 'running' || s.total > 0) return
    await new Promise((r) => setTimeout(r, 5))
  }
}

/** Succeeded, or was told to retry because the import still held the database (never anything else). */
function doneOrBusy(result: Result<unknown>): void {
  if (!result.ok) expect(result.error.message).toContain('数据库正忙')
}

describe('后台导入进行时的打印、导出和登录', () => {
  it(`${ROUNDS} 次在后台导入写入数据时导出、打印、登录（含后台打印）：审计哈希链始终一条线，校验完好`, async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'dangban-race-')), 'dangban.db')
    const backend = startBackend(db, 'web')
    await ok(backend, 'auth.setup', { username: ADMIN.username, displayName: '党办王主任', password: ADMIN.password })
    await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    const actions: (() => Promise<Result<unknown>>)[] = [
      () => backend.call('exports.workbook', { source: 'members' }),
      () => backend.call('print.document', { what: 'statistics', year: 2025 }),
      () => backend.call('auth.login', ADMIN),
      () => backend.call('stats.workbook', { year: 2025 }),
    ]
    for (let round = 0; round < ROUNDS; round++) {
      const rows: Aoa = [['组织名称', '组织类型', '上级组织']]
      for (let i = 0; i < 300; i++) rows.push([`第${round}批第${i}党支部`, '党支部', '中共示范医院委员会'])
      const { id } = await ok(backend, 'jobs.start', { method: 'imports.commit', input: { kind: 'organizations', fileName: `第${round}批.xlsx`, contentBase64: b64(workbook(rows)) } })
      await writing(backend, id)
      // a print in a second worker thread races the import too, from its own connection
      const printJob = round % 5 === 0 ? (await ok(backend, 'jobs.start', { method: 'print.document', input: { what: 'statistics', year: 2025 } })).id : null
      // each round another action is the first to wait for the import's write lock
      for (let k = 0; k < actions.length; k++) doneOrBusy(await actions[(round + k) % actions.length]!())
      expect(await jobResult(backend, id)).toMatchObject({ ok: true, data: { inserted: 300 } })
      if (printJob) doneOrBusy(await jobResult(backend, printJob))
    }
    const v = await ok(backend, 'backup.verify', {})
    expect(v.integrity).toBe('ok')
    expect(v.auditChain).toMatchObject({ ok: true, forks: [], unverified: null })
    expect(v.ok).toBe(true)
    backend.close()
  }, 300_000)

  it('声明为只读的操作不能写审计记录：写了就是程序错误，立即报出来', () => {
    const { context } = testBackend()
    expect(() => recordAudit({ ...context, method: 'orgs.list' }, { entity: 'organization', entityId: null, before: null, after: null })).toThrow(/declared as not writing/)
  })
})
