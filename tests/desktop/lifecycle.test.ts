import Database from 'better-sqlite3'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { JobStatus } from '../../electron/shared/contract/jobs'
import { IPC } from '../../electron/shared/desktop'
import { b64, workbook, type Aoa } from '../fixtures/workbooks'
import { launchMain, ROOT, type MainProcess } from './harness'

const ADMIN = { username: 'admin', displayName: '管理员', password: 'desktop-pass-1' }

async function call<T = unknown>(app: MainProcess, method: string, input: unknown): Promise<{ ok: boolean; data: T; error: { code: string; message: string } }> {
  return app.do({ op: 'invoke', channel: IPC.call, args: [method, input] })
}

async function signedIn(options: Parameters<typeof launchMain>[0] = {}): Promise<MainProcess> {
  const app = launchMain(options)
  await app.waitFor('loadURL')
  expect((await call(app, 'auth.setup', ADMIN)).ok).toBe(true)
  return app
}

const errorBox = (app: MainProcess) => app.records.find((r) => r.type === 'dialog.showErrorBox') as { title: string; content: string } | undefined

/** A copy of the built app whose node_modules are links to ours, so one package can be swapped for a broken one. */
function copyOfBuiltApp(change: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'dangban-built-'))
  cpSync(join(ROOT, 'out'), join(dir, 'out'), { recursive: true })
  mkdirSync(join(dir, 'node_modules'))
  for (const name of readdirSync(join(ROOT, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name))
  change(dir)
  return join(dir, 'out/main/index.js')
}

async function untilJobEnds(app: MainProcess, id: string): Promise<JobStatus> {
  for (;;) {
    const s = await call<JobStatus>(app, 'jobs.status', { id })
    if (s.data.state !== 'running') return s.data
    await new Promise((r) => setTimeout(r, 100))
  }
}

describe('退出', () => {
  it('退出前先做“退出时自动备份”，备份完成后才结束进程', async () => {
    const app = await signedIn()
    await app.do({ op: 'quit' })
    expect(await app.exited).toBe(0)
    const backups = join(app.userData, 'backups')
    const notes = readdirSync(backups).filter((f) => f.endsWith('.json')).map((f) => readFileSync(join(backups, f), 'utf8'))
    expect(notes.some((n) => n.includes('退出时自动备份'))).toBe(true)
    const exit = app.records.findIndex((r) => r.type === 'process.exit')
    expect(app.records.filter((r, i) => r.type === 'app.quit' && i < exit).length).toBeGreaterThanOrEqual(2)
  })

  it('关闭窗口就是退出：同样先备份；退出完成后仍在路上的调用得到“程序正在退出”，不会抛异常', async () => {
    const app = await signedIn({ env: { FAKE_ELECTRON_HOLD_EXIT: '1' } })
    expect(await app.do({ op: 'close-window' })).toBe(false) // held until the backup is made
    await app.waitFor('process.exit')
    const late = await call(app, 'orgs.list', {})
    expect(late).toMatchObject({ ok: false, error: { message: expect.stringContaining('程序正在退出') } })
    await app.do({ op: 'release' })
    expect(await app.exited).toBe(0)
    expect(readdirSync(join(app.userData, 'backups')).some((f) => f.endsWith('.db'))).toBe(true)
  })

  it('后台任务（导入）进行时退出要先确认：选“继续等待”不退出，选“放弃任务并退出”才退出', async () => {
    const app = await signedIn()
    const rows: Aoa = [['组织名称', '组织类型', '上级组织'], ['中共示范医院委员会', '党委', null]]
    for (let i = 0; i < 20_000; i++) rows.push([`第${i}党支部`, '党支部', '中共示范医院委员会'])
    const started = await call<{ id: string }>(app, 'jobs.start', { method: 'imports.commit', input: { kind: 'organizations', fileName: '大.xlsx', contentBase64: b64(workbook(rows)) } })
    expect(started.ok).toBe(true)
    await app.do({ op: 'answers', answers: { messageBoxResponse: 0 } })
    await app.do({ op: 'quit' })
    const asked = await app.waitFor('dialog.showMessageBox')
    expect((asked.options as { message: string }).message).toContain('1 个后台任务')
    await new Promise((r) => setTimeout(r, 300))
    expect(app.records.some((r) => r.type === 'process.exit')).toBe(false)
    expect((await call(app, 'auth.status', {})).ok).toBe(true) // still working
    await app.do({ op: 'answers', answers: { messageBoxResponse: 1 } })
    await app.do({ op: 'quit' })
    expect(await app.exited).toBe(0)
    // the abandoned import wrote nothing: all or nothing
    const db = new Database(join(app.userData, 'dangban.db'), { readonly: true })
    const orgs = db.prepare('SELECT count(*) AS n FROM organizations').get() as { n: number }
    db.close()
    expect([0, 20_001]).toContain(orgs.n)
  })
})

describe('后台任务在构建出的工作线程中运行', () => {
  it('导入作为后台任务完成并报告结果', async () => {
    const app = await signedIn()
    const rows: Aoa = [['组织名称', '组织类型', '上级组织'], ['中共示范医院委员会', '党委', null], ['内科党支部', '党支部', '中共示范医院委员会']]
    const started = await call<{ id: string }>(app, 'jobs.start', { method: 'imports.commit', input: { kind: 'organizations', fileName: 'a.xlsx', contentBase64: b64(workbook(rows)) } })
    const final = await untilJobEnds(app, started.data.id)
    expect(final.result).toMatchObject({ ok: true, data: { inserted: 2 } })
    expect((await call<unknown[]>(app, 'orgs.list', {})).data).toHaveLength(2)
    app.kill()
  })

  it('构建中缺少 jobs-worker.js 时，后台任务失败并给出中文说明（证明用的正是构建出的文件）', async () => {
    const entry = copyOfBuiltApp((dir) => rmSync(join(dir, 'out/main/jobs-worker.js')))
    const app = await signedIn({ entry })
    const rows: Aoa = [['组织名称', '组织类型', '上级组织'], ['中共示范医院委员会', '党委', null]]
    const started = await call(app, 'jobs.start', { method: 'imports.commit', input: { kind: 'organizations', fileName: 'a.xlsx', contentBase64: b64(workbook(rows)) } })
    expect(started).toMatchObject({ ok: false, error: { message: expect.stringContaining('缺少 jobs-worker.js') } })
    app.kill()
  })
})

describe('只运行一个实例', () => {
  it('第二次启动直接退出，不开窗口、不打开数据库；第一个窗口被带到前台', async () => {
    const second = launchMain({ env: { FAKE_ELECTRON_SECOND_INSTANCE: '1' } })
    expect(await second.exited).toBe(0)
    expect(second.records.some((r) => r.type === 'BrowserWindow')).toBe(false)
    expect(existsSync(join(second.userData, 'dangban.db'))).toBe(false)

    const first = launchMain()
    await first.waitFor('loadURL')
    await first.do({ op: 'second-instance' })
    await first.waitFor('window.focus')
    first.kill()
  })
})

describe('启动失败时用中文说明怎么办，然后退出', () => {
  it('数据库位置无法创建（路径上有同名文件）', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dangban-blocked-'))
    writeFileSync(join(dir, '数据'), 'a file, not a folder')
    const app = launchMain({ args: ['--db', join(dir, '数据', 'dangban.db')] })
    expect(await app.exited).toBe(1)
    expect(errorBox(app)).toMatchObject({ title: '党办通无法启动' })
    expect(errorBox(app)!.content).toContain(join(dir, '数据'))
    expect(errorBox(app)!.content).toContain('--db')
    expect(errorBox(app)!.content).toContain('数据没有被修改')
  })

  it('数据库组件（SQLite 二进制文件）无法加载', async () => {
    const entry = copyOfBuiltApp((dir) => {
      const pkg = join(dir, 'node_modules/better-sqlite3')
      rmSync(pkg)
      cpSync(join(ROOT, 'node_modules/better-sqlite3'), pkg, { recursive: true, dereference: true })
      writeFileSync(join(pkg, 'prebuilds', `${process.platform}-${process.arch}.node`), 'not an ELF file')
    })
    const app = launchMain({ entry })
    expect(await app.exited).toBe(1)
    expect(errorBox(app)!.content).toMatch(/数据库组件（SQLite）无法在这台电脑上加载/)
    expect(errorBox(app)!.content).toContain('重新安装党办通')
    expect(app.stderr()).not.toMatch(/at Object\.|TypeError/)
  })

  it('数据库来自更新版本的党办通', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dangban-newer-'))
    const db = new Database(join(dir, 'dangban.db'))
    db.pragma('user_version = 999')
    db.close()
    const app = launchMain({ args: ['--db', join(dir, 'dangban.db')] })
    expect(await app.exited).toBe(1)
    expect(errorBox(app)!.content).toContain('比本程序')
    expect(errorBox(app)!.content).toContain('升级党办通')
  })

  it('数据库文件损坏时不退出：窗口打开“从备份恢复”，说明损坏情况', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dangban-damaged-'))
    writeFileSync(join(dir, 'dangban.db'), Buffer.alloc(8192, 0x41))
    const app = launchMain({ args: ['--db', join(dir, 'dangban.db')] })
    await app.waitFor('loadURL')
    const status = await call<{ damaged: boolean; message: string }>(app, 'recovery.status', {})
    expect(status.data).toMatchObject({ damaged: true, message: expect.stringContaining('数据库文件已损坏') })
    expect((await call(app, 'orgs.list', {})).error.code).toBe('DAMAGED')
    expect(errorBox(app)).toBeUndefined()
    app.kill()
  })
})
