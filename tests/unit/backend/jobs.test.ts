import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/backend/boot/dispatch'
import { runningJobs } from '../../../electron/backend/jobs/runner'
import type { Session } from '../../../electron/backend/context'
import { openBackend } from '../../../electron/backend/boot/open'
import type { JobStatus } from '../../../electron/shared/contract/jobs'
import { b64, workbook, type Aoa } from '../../fixtures/workbooks'
import { fails, ok } from '../helpers'

async function waitFor(backend: Backend, id: string): Promise<{ final: JobStatus; seen: JobStatus[] }> {
  const seen: JobStatus[] = []
  for (;;) {
    const s = await ok(backend, 'jobs.status', { id })
    seen.push(s)
    if (s.state !== 'running') return { final: s, seen }
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('后台任务', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dangban-jobs-'))

  it('大批量导入在工作线程中运行，报告进度，主线程随时可以读数据', async () => {
    const backend = openBackend(join(dir, 'jobs.db'), 'cli')
    const rows: Aoa = [['组织名称', '组织类型', '上级组织'], ['中共示范医院委员会', '党委', null]]
    for (let i = 0; i < 3000; i++) rows.push([`第${i}党支部`, '党支部', '中共示范医院委员会'])
    const { id } = await ok(backend, 'jobs.start', { method: 'imports.commit', input: { kind: 'organizations', fileName: 'big.xlsx', contentBase64: b64(workbook(rows)) } })
    // the main thread answers while the worker writes
    expect(Array.isArray(await ok(backend, 'orgs.list', {}))).toBe(true)
    const { final, seen } = await waitFor(backend, id)
    expect(final.state).toBe('done')
    expect(final.result).toMatchObject({ ok: true, data: { inserted: 3001, errors: [] } })
    expect(seen.some((s) => s.state === 'running' && s.done > 0 && s.total > 0)).toBe(true)
    expect(await ok(backend, 'orgs.list', {})).toHaveLength(3001)
    const log = await ok(backend, 'audit.list', { entity: 'import_batch' })
    expect(log[0]!.method).toBe('imports.commit')
    backend.context.db.close()
  }, 60_000)

  it('后台任务失败时返回中文原因，数据库不变', async () => {
    const backend = openBackend(join(dir, 'fail.db'), 'cli')
    const { id } = await ok(backend, 'jobs.start', { method: 'imports.commit', input: { kind: 'organizations', fileName: 'x.xlsx', contentBase64: b64(new Uint8Array([0x50, 0x4b, 1, 2])) } })
    const { final } = await waitFor(backend, id)
    expect(final.state).toBe('failed')
    expect(final.result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await ok(backend, 'orgs.list', {})).toHaveLength(0)
    backend.context.db.close()
    // a job thread and the file sandbox each start cold here (tsx compiles them): seconds on a loaded machine
  }, 60_000)

  it('读取中的预览可以取消，任务立即停止；写入的导入不能取消，照常完成', async () => {
    const backend = openBackend(join(dir, 'cancel.db'), 'cli')
    const rows: Aoa = [['组织名称', '组织类型', '上级组织'], ['中共示范医院委员会', '党委', null]]
    for (let i = 0; i < 3000; i++) rows.push([`第${i}党支部`, '党支部', '中共示范医院委员会'])
    const input = { kind: 'organizations' as const, fileName: 'big.xlsx', contentBase64: b64(workbook(rows)) }
    const preview = await ok(backend, 'jobs.start', { method: 'imports.preview', input })
    const cancelled = await ok(backend, 'jobs.cancel', preview)
    expect(cancelled).toMatchObject({ state: 'cancelled', result: { ok: false, error: { message: '已取消' } } })
    // it stays cancelled: nothing its thread had under way is reported after
    await new Promise((r) => setTimeout(r, 500))
    expect((await ok(backend, 'jobs.status', preview)).state).toBe('cancelled')
    await expect.poll(runningJobs, { timeout: 15_000 }).toBe(0)
    const commit = await ok(backend, 'jobs.start', { method: 'imports.commit', input })
    expect((await fails(backend, 'jobs.cancel', commit)).message).toContain('不能中途取消')
    const { final } = await waitFor(backend, commit.id)
    expect(final.result).toMatchObject({ ok: true, data: { inserted: 3001 } })
    backend.context.db.close()
  }, 120_000)

  it('只允许指定的操作在后台运行', async () => {
    const backend = openBackend(join(dir, 'deny.db'), 'cli')
    const r = await backend.call('jobs.start', { method: 'orgs.create', input: {} })
    expect(r.ok).toBe(false)
    backend.context.db.close()
  })

  it('后台任务的输入与直接调用一样逐项检查：错误写在各自的字段下，任务不开始', async () => {
    const backend = openBackend(join(dir, 'issues.db'), 'cli')
    const err = await fails(backend, 'jobs.start', { method: 'imports.preview', input: { kind: 'members', fileName: '', contentBase64: 'YQ==' } })
    expect(err.code).toBe('VALIDATION')
    expect(err.issues?.map((i) => i.field)).toEqual(['fileName'])
    expect(runningJobs()).toBe(0)
    backend.context.db.close()
  })

  it('后台任务只属于开始它的窗口和那个人：别的窗口查不到也取消不了；退出登录后只读的任务随即停止', async () => {
    const backend = openBackend(join(dir, 'sessions.db'), 'web')
    const clerk: Session = { user: null }
    const other: Session = { user: null }
    const as = async (session: Session, method: string, input: unknown) => {
      const r = await backend.call(method, input, session)
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
      return r.data as { id: string; state: string; stage: string }
    }
    await as(clerk, 'auth.setup', { username: 'admin', displayName: '管理员', password: 'jobs-pass-123' })
    await as(other, 'auth.login', { username: 'admin', password: 'jobs-pass-123' })
    const rows: Aoa = [['组织名称', '组织类型', '上级组织']]
    for (let i = 0; i < 20_000; i++) rows.push([`第${i}党支部`, '党支部', '中共示范医院委员会'])
    const preview = await as(clerk, 'jobs.start', { method: 'imports.preview', input: { kind: 'organizations', fileName: 'big.xlsx', contentBase64: b64(workbook(rows)) } })
    // the same person signed in in another browser: not even told the job exists
    for (const method of ['jobs.status', 'jobs.cancel']) {
      const r = await backend.call(method, { id: preview.id }, other)
      expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    }
    await as(clerk, 'auth.logout', {})
    await as(clerk, 'auth.login', { username: 'admin', password: 'jobs-pass-123' })
    expect(await as(clerk, 'jobs.status', { id: preview.id })).toMatchObject({ state: 'cancelled', stage: '已退出登录，任务已停止' })
    await expect.poll(runningJobs, { timeout: 15_000 }).toBe(0)
    backend.context.db.close()
  }, 120_000)
})
