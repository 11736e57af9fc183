import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { JobStatus } from '../../shared/contract/jobs'
import { AppError } from '../../shared/result'
import type { BackendContext } from '../context'

const jobs = new Map<string, JobStatus>()
const KEEP_FINISHED = 50

/**
 * The worker's entry: the bundled JS next to the main bundle in the desktop app (electron-vite builds
 * `jobs-worker.js`), or the TypeScript source through tsx's loader in browser mode, the CLI and tests.
 */
function spawn(workerData: unknown): Worker {
  if (__filename.endsWith('.ts')) {
    const source = join(__dirname, 'worker.ts')
    return new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(source)})`, { eval: true, workerData })
  }
  // shared code may sit in out/main/chunks/, the worker entry in out/main/
  const built = [join(__dirname, 'jobs-worker.js'), join(__dirname, '..', 'jobs-worker.js')].find((p) => existsSync(p))
  if (!built) throw new AppError('INTERNAL', '程序文件不完整（缺少 jobs-worker.js），请重新安装党办通')
  return new Worker(built, { workerData })
}

export function startJob(ctx: BackendContext, method: string, input: unknown): string {
  if (ctx.databasePath === ':memory:') throw new AppError('INTERNAL', '内存数据库不能在后台任务中打开')
  const id = randomBytes(8).toString('hex')
  const status: JobStatus = { id, method, state: 'running', done: 0, total: 0, stage: '准备中', result: null }
  jobs.set(id, status)
  // the job runs as the person who started it, with the same rights
  const worker = spawn({ databasePath: ctx.databasePath, user: ctx.user, transport: ctx.transport, sessionUser: ctx.session.user, method, input })
  worker.on('message', (m: { type: 'progress'; done: number; total: number; stage: string } | { type: 'result'; result: JobStatus['result'] }) => {
    if (m.type === 'progress') Object.assign(status, { done: m.done, total: m.total, stage: m.stage })
    else Object.assign(status, { state: m.result?.ok ? 'done' : 'failed', result: m.result, done: status.total, stage: '完成' })
  })
  worker.on('error', (error) => {
    console.error(error)
    Object.assign(status, { state: 'failed', result: { ok: false, error: { code: 'INTERNAL', message: '后台任务意外中止，数据未被修改。请重试，如反复出现请告诉管理员' } } })
  })
  worker.on('exit', () => {
    if (status.state === 'running') Object.assign(status, { state: 'failed', result: { ok: false, error: { code: 'INTERNAL', message: '后台任务意外退出，数据未被修改' } } })
    prune()
  })
  return id
}

/** How many background jobs are still running (a restore must wait: each job has the database file open). */
export const runningJobs = (): number => [...jobs.values()].filter((j) => j.state === 'running').length

export function jobStatus(id: string): JobStatus {
  const status = jobs.get(id)
  if (!status) throw new AppError('NOT_FOUND', '找不到该后台任务（可能程序已重新启动）')
  return { ...status }
}

function prune(): void {
  const finished = [...jobs.values()].filter((j) => j.state !== 'running')
  for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) jobs.delete(j.id)
}
