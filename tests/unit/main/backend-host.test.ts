import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BackendHost } from '../../../electron/main/backend-host'

/** A stand-in backend worker: answers calls, and dies when asked to (as a worker that ran out of memory would). */
function fakeWorker(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'dangban-host-')), 'worker.cjs')
  writeFileSync(
    file,
    `const { parentPort } = require('node:worker_threads')
     parentPort.postMessage({ kind: 'ready', damaged: false })
     parentPort.on('message', (m) => {
       if (m.kind === 'call' && m.method === 'die') process.exit(7)
       if (m.kind === 'call' && m.method === 'slow') return setTimeout(() => parentPort.postMessage({ kind: 'reply', id: m.id, value: { ok: true, data: 'slow' } }), 300)
       parentPort.postMessage({ kind: 'reply', id: m.id, value: m.kind === 'call' ? { ok: true, data: m.method } : m.kind === 'running-jobs' ? 0 : null })
     })`,
  )
  return file
}

describe('主进程与后台工作线程之间', () => {
  it('调用经消息往返得到回答；关闭开始后新的调用回答“程序正在退出”', async () => {
    const host = new BackendHost(fakeWorker(), { databasePath: ':memory:' }, { onCrash: () => undefined, onLog: () => undefined })
    expect(await host.call('orgs.list', {})).toEqual({ ok: true, data: 'orgs.list' })
    const shutting = host.shutDown()
    expect(await host.call('orgs.list', {})).toMatchObject({ ok: false, error: { message: expect.stringContaining('程序正在退出') } })
    await shutting
    expect(await host.call('orgs.list', {})).toMatchObject({ ok: false, error: { message: expect.stringContaining('程序正在退出') } })
    expect(await host.runningJobs()).toBe(0)
  })

  it('工作线程意外中止：正在等待的调用得到中文说明（不是永远等待），并通知主进程重新启动', async () => {
    const crashes: string[] = []
    const host = new BackendHost(fakeWorker(), { databasePath: ':memory:' }, { onCrash: (why) => crashes.push(why), onLog: () => undefined })
    await host.ready
    const slow = host.call('slow', {})
    const died = await host.call('die', {})
    expect(died).toMatchObject({ ok: false, error: { message: expect.stringContaining('后台服务意外停止') } })
    expect(await slow).toMatchObject({ ok: false })
    expect(crashes).toEqual(['退出码 7'])
  })
})
