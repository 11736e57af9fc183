import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import type { Worker } from 'node:worker_threads'
import { CANCELLABLE_JOBS, type JobStatus } from '../../shared/contract/jobs'
import { AppError } from '../../shared/result'
import type { BackendContext, CallContext, Session } from '../context'
import { sandboxPort } from '../excel/sandbox'
import { startWorker, workerEntry } from './entry'

interface Job {
  status: JobStatus
  worker: Worker
  /**
   * Whose it is: the window (or browser) that started it, and the person signed in there then. Only they see it
   * and may cancel it; when they sign out (or their sign-in expires) the jobs that only read are stopped.
   */
  session: Session
  owner: string
  /** its thread has ended (a cancelled job's thread may still be closing its database connection) */
  exited: boolean
}
const jobs = new Map<string, Job>()
const KEEP_FINISHED = 50
/**
 * A job's thread may hold a 10,000-row preview and its file; past this its heap is out of all proportion and V8
 * stops the thread (excel/sandbox.ts bounds the parsing itself far lower). The app, and the other jobs, carry on.
 */
const JOB_MEMORY_MB = 1024
const ownerOf = (ctx: BackendContext): string => (ctx.session.user ? `id:${ctx.session.user.id}` : `os:${ctx.user}`)

/**
 * The worker (`jobs-worker.js` next to the main bundle, or the TypeScript source: jobs/entry.ts). It is handed a
 * port to this thread's Excel sandbox (excel/sandbox.ts), so every job's files are read by one warm worker.
 */
function spawn(workerData: Record<string, unknown>): Worker {
  const sandbox = sandboxPort()
  return startWorker(workerEntry(join(__dirname, '../boot/jobs-worker.ts'), 'jobs-worker.js'), {
    workerData: { ...workerData, sandbox },
    transferList: [sandbox],
    resourceLimits: { maxOldGenerationSizeMb: JOB_MEMORY_MB },
  })
}

export function startJob(ctx: BackendContext, method: string, input: unknown): string {
  if (ctx.databasePath === ':memory:') throw new AppError('INTERNAL', '内存数据库不能在后台任务中打开')
  const id = randomBytes(8).toString('hex')
  const status: JobStatus = { id, method, state: 'running', done: 0, total: 0, stage: '准备中', result: null }
  // the job runs as the person who started it, with the same rights
  const worker = spawn({ databasePath: ctx.databasePath, user: ctx.user, transport: ctx.transport, sessionUser: ctx.session.user, method, input })
  const job: Job = { status, worker, session: ctx.session, owner: ownerOf(ctx), exited: false }
  jobs.set(id, job)
  const running = (): boolean => status.state === 'running'
  worker.on('message', (m: { type: 'progress'; done: number; total: number; stage: string } | { type: 'result'; result: JobStatus['result'] }) => {
    if (!running()) return
    if (m.type === 'progress') Object.assign(status, { done: m.done, total: m.total, stage: m.stage })
    else Object.assign(status, { state: m.result?.ok ? 'done' : 'failed', result: m.result, done: status.total, stage: '完成' })
  })
  worker.on('error', (error) => {
    if (!running()) return
    const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
    if (!outOfMemory) console.error(error)
    const message = outOfMemory
      ? `后台任务用尽了内存上限（${JOB_MEMORY_MB} MB），已停止，数据未被修改。请把文件拆分成几份后分批处理`
      : '后台任务意外中止，数据未被修改。请重试，如反复出现请告诉管理员'
    Object.assign(status, { state: 'failed', result: { ok: false, error: { code: 'INTERNAL', message } } })
  })
  worker.on('exit', () => {
    job.exited = true
    if (running()) Object.assign(status, { state: 'failed', result: { ok: false, error: { code: 'INTERNAL', message: '后台任务意外退出，数据未被修改' } } })
    prune()
  })
  return id
}

/**
 * Stops a job that only reads (a preview, an error workbook, a document): its thread is ended at once, its
 * sandboxed parse with it or by its own time limit. A write (imports.commit) is not stopped halfway: its transaction
 * commits whole or not at all, and a cancel that raced the commit would report a write that happened as undone.
 */
export function cancelJob(ctx: CallContext, id: string): JobStatus {
  const job = ownJob(ctx, id)
  if (job.status.state !== 'running') return { ...job.status }
  if (!(CANCELLABLE_JOBS as readonly string[]).includes(job.status.method)) {
    throw new AppError('CONFLICT', '导入不能中途取消：它在一个事务中进行，要么全部写入，要么完全不写。请等它完成')
  }
  stop(job, '已取消')
  return { ...job.status }
}

function stop(job: Job, why: string): void {
  Object.assign(job.status, { state: 'cancelled', stage: why, result: { ok: false, error: { code: 'VALIDATION', message: why } } })
  void job.worker.terminate()
}

/**
 * The session signed out (by hand, or its sign-in expired): its jobs that only read stop — nobody is there to see
 * their result. An import's commit runs to its end: it was allowed when it started and is written whole or not at all.
 */
export function stopJobsOf(session: Session): void {
  for (const job of jobs.values()) {
    if (job.session === session && job.status.state === 'running' && (CANCELLABLE_JOBS as readonly string[]).includes(job.status.method)) stop(job, '已退出登录，任务已停止')
  }
}

/** A job of this caller's: another window's or another person's is not even said to exist. */
function ownJob(ctx: BackendContext, id: string): Job {
  const job = jobs.get(id)
  if (!job || job.session !== ctx.session || job.owner !== ownerOf(ctx)) throw new AppError('NOT_FOUND', '找不到该后台任务（可能程序已重新启动）')
  return job
}

/** How many background jobs are still running (a restore must wait: each job has the database file open, a cancelled one until its thread ends). */
export const runningJobs = (): number => [...jobs.values()].filter((j) => j.status.state === 'running' || (j.status.state === 'cancelled' && !j.exited)).length

export function jobStatus(ctx: BackendContext, id: string): JobStatus {
  return { ...ownJob(ctx, id).status }
}

function prune(): void {
  const finished = [...jobs.values()].filter((j) => j.status.state !== 'running' && j.exited)
  for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) jobs.delete(j.status.id)
}
