import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import type { Worker } from 'node:worker_threads'
import type { JobStatus } from '../../shared/contract/jobs'
import { AppError } from '../../shared/result'
import type { BackendContext } from '../context'
import { sandboxPort } from '../excel/sandbox'
import { startWorker, workerEntry } from './entry'

const jobs = new Map<string, JobStatus>()
const KEEP_FINISHED = 50

/**
 * The worker (`jobs-worker.js` next to the main bundle, or the TypeScript source: jobs/entry.ts). It is handed a
 * port to this thread's Excel sandbox (excel/sandbox.ts), so every job's files are read by one warm worker.
 */
function spawn(workerData: Record<string, unknown>): Worker {
  const sandbox = sandboxPort()
  return startWorker(workerEntry(join(__dirname, 'worker.ts'), 'jobs-worker.js'), { workerData: { ...workerData, sandbox }, transferList: [sandbox] })
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
