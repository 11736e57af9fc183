import { Worker } from 'node:worker_threads'
import { QUITTING, type HostMessage, type HostRequest, type HostStart, type StartupProblem } from '../backend/boot/host-protocol'
import type { Result } from '../shared/result'

export type HostReady = { ok: true; damaged: boolean } | { ok: false; problem: StartupProblem }

type Request = HostRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never

const STOPPED: Result<never> = { ok: false, error: { code: 'INTERNAL', message: '后台服务意外停止，操作未完成，数据未被修改。党办通将重新启动' } }

/**
 * The main process's handle on the backend worker: calls go out as messages and come back as replies, so the
 * window's thread never runs a query. Once closing starts, every new call answers 程序正在退出 instead of
 * reaching a closed database.
 */
export class BackendHost {
  readonly ready: Promise<HostReady>
  private readonly worker: Worker
  private readonly pending = new Map<number, (value: unknown) => void>()
  private nextId = 1
  private state: 'running' | 'closing' | 'closed' = 'running'
  private started = false

  constructor(workerFile: string, start: HostStart, events: { onCrash: (why: string) => void; onLog: (message: string) => void }) {
    this.worker = new Worker(workerFile, { workerData: start })
    let settle: (ready: HostReady) => void = () => undefined
    this.ready = new Promise((resolve) => (settle = resolve))
    this.worker.on('message', (m: HostMessage) => {
      if (m.kind === 'reply') {
        this.pending.get(m.id)?.(m.value)
        this.pending.delete(m.id)
      } else if (m.kind === 'ready') {
        this.started = true
        settle({ ok: true, damaged: m.damaged })
      }
      else if (m.kind === 'failed') settle({ ok: false, problem: m.problem })
      else events.onLog(m.message)
    })
    this.worker.on('error', (error) => events.onLog(error.stack ?? error.message))
    this.worker.on('exit', (code) => {
      const expected = this.state !== 'running'
      this.state = 'closed'
      for (const reply of this.pending.values()) reply(expected ? QUITTING : STOPPED)
      this.pending.clear()
      settle({ ok: false, problem: { title: '党办通无法启动', message: `后台服务启动失败（退出码 ${code}）。数据没有被修改，请重新打开党办通；如反复出现，请告诉管理员。` } })
      // a worker that never started is reported by `ready`; one that stopped while in use is a crash
      if (!expected && this.started) events.onCrash(`退出码 ${code}`)
    })
  }

  /** One backend method; answers with its result, or 程序正在退出 once shutdown has begun. */
  async call(method: string, input: unknown): Promise<Result<unknown>> {
    if (this.state !== 'running') return QUITTING
    const ready = await this.ready
    if (!ready.ok) return { ok: false, error: { code: 'INTERNAL', message: ready.problem.message } }
    return (await this.send({ kind: 'call', method, input })) as Result<unknown>
  }

  async runningJobs(): Promise<number> {
    if (this.state === 'closed' || !(await this.ready).ok) return 0
    return Number(await this.send({ kind: 'running-jobs' }))
  }

  /** Refuses new calls, makes the exit backup, closes the database and ends the worker. */
  async shutDown(): Promise<string | null> {
    if (this.state !== 'running') return null
    this.state = 'closing'
    const ready = await this.ready
    const backupError = ready.ok ? ((await this.send({ kind: 'exit-backup' })) as string | null) : null
    await this.send({ kind: 'close' })
    this.state = 'closed'
    await this.worker.terminate()
    return backupError
  }

  private send(request: Request): Promise<unknown> {
    if (this.state === 'closed') return Promise.resolve(QUITTING)
    const id = this.nextId++
    return new Promise((resolve) => {
      this.pending.set(id, resolve)
      this.worker.postMessage({ ...request, id })
    })
  }
}
