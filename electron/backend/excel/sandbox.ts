import { join } from 'node:path'
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads'
import { AppError, type AppErrorData } from '../../shared/result'
import { workerEntry } from '../jobs/entry'
import { SUPERVISOR } from './supervisor'
import type { SandboxRequest } from './worker'

/*
 * Every file from outside (an import, a higher committee's template) is opened in a worker thread with a memory
 * ceiling and a time limit (excel/worker.ts, watched by excel/supervisor.ts). A crafted file can exhaust that
 * worker, and only that worker: it is killed and the clerk told why, in Chinese, within the limit. The synchronous
 * form serves readWorkbook, which runs inside the import's write transaction (the dispatcher wants a synchronous
 * handler there); the thread then waits on a shared flag, as Atomics.wait allows in Node's threads.
 */

/** The parse worker's JS heap; its inflated entries (≤ 100 MB, excel/unzip.ts) and the input come on top. */
export const SANDBOX_MEMORY_MB = 512
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: SANDBOX_MEMORY_MB, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 }
const KEEP_IDLE_MS = 30_000
/** a worker that has not loaded in this time is killed (a cold start took 2–4 s on a loaded 2-core machine) */
const START_MS = 60_000
/** how long past its own limit (and a worker's start) the asker waits for the supervisor before giving up on it */
const GRACE_MS = START_MS + 5_000

/** the shared flag's values, as excel/supervisor.ts and excel/worker.ts set them */
const Flag = { Pending: 0, Done: 1, TimedOut: 2, OutOfMemory: 3, Crashed: 4 } as const
type Flag = (typeof Flag)[keyof typeof Flag]

export interface SandboxOptions {
  /** the wall-clock limit, after which the worker is killed */
  timeoutMs: number
  /** what is being opened, for the messages: 文件 (an import) or 模板 (a template) */
  noun: '文件' | '模板'
}

/**
 * Time for a file: seconds for a small one (a 3 KB file that sends a parser in circles is stopped after 5 s), 3 s
 * more per megabyte. A 45,000-row roster (9.7 MB) took 19 s on a loaded 2-core machine, within its 34 s.
 */
export const timeFor = (bytes: number, baseMs = 5_000): number => Math.min(95_000, baseMs + Math.round((bytes / (1024 * 1024)) * 3_000))

let supervisor: Worker | null = null
function supervisorThread(): Worker {
  if (supervisor) return supervisor
  const entry = workerEntry(join(__dirname, 'worker.ts'), 'excel-worker.js')
  const w = new Worker(SUPERVISOR, { eval: true, workerData: { entry, resourceLimits: RESOURCE_LIMITS, keepIdleMs: KEEP_IDLE_MS, startMs: START_MS } })
  // it must not keep the app, a job or a test from ending
  w.unref()
  w.on('exit', () => {
    if (supervisor === w) supervisor = null
  })
  return (supervisor = w)
}

/** in a background job's thread: the backend thread's supervisor, reached through the port the job was given */
let borrowed: MessagePort | null = null

/** A port to this thread's supervisor, for a background job's thread to send its files to (jobs/runner.ts). */
export function sandboxPort(): MessagePort {
  const { port1, port2 } = new MessageChannel()
  supervisorThread().postMessage({ connect: port2 }, [port2])
  return port1
}

/** In a background job's thread: use the supervisor behind `port` instead of starting one (boot/jobs-worker.ts). */
export function useSandboxPort(port: MessagePort): void {
  port.unref()
  borrowed = port
}

interface Pending {
  port: MessagePort
  flag: Int32Array
}

function post(request: SandboxRequest, transfer: ArrayBuffer[], timeoutMs: number): Pending {
  const { port1, port2 } = new MessageChannel()
  const shared = new SharedArrayBuffer(4)
  ;(borrowed ?? supervisorThread()).postMessage({ request, reply: port2, flag: shared, timeoutMs, transfer }, [port2, ...transfer])
  return { port: port1, flag: new Int32Array(shared) }
}

type Answer = { ok: true; data: unknown } | { ok: false; error: AppErrorData }

function settle<T>({ port, flag }: Pending, options: SandboxOptions): T {
  const state = Atomics.load(flag, 0) as Flag
  const received = state === Flag.Done ? (receiveMessageOnPort(port)?.message as Answer | undefined) : undefined
  port.close()
  if (state === Flag.Pending) {
    // the supervisor itself did not answer: start a new one of our own next time
    if (borrowed) borrowed = null
    else void supervisor?.terminate()
    supervisor = null
  }
  if (received?.ok) return received.data as T
  if (received) throw new AppError(received.error.code, received.error.message)
  throw new AppError('VALIDATION', failure(state, options))
}

function failure(state: Flag, { noun, timeoutMs }: SandboxOptions): string {
  const advice = noun === '模板' ? '请用 Excel 或 WPS 打开该模板，另存为 .xlsx 后再选择' : '请用 Excel 或 WPS 打开后另存为 .xlsx，或删除多余的行列、拆分成几个文件后再导入'
  if (state === Flag.OutOfMemory) return `读取${noun}时内容过多，超出内存上限（${SANDBOX_MEMORY_MB} MB），已停止读取，数据未被修改。${advice}`
  if (state === Flag.TimedOut) return `读取${noun}超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成，已停止读取（${noun}可能已损坏或内容过多），数据未被修改。${advice}`
  return `读取${noun}时出错，已停止读取（${noun}可能已损坏），数据未被修改。${advice}`
}

/** Runs one request in the sandbox and blocks this thread until it is answered, fails or runs out of time. */
export function inSandboxSync<T>(request: SandboxRequest, transfer: ArrayBuffer[], options: SandboxOptions): T {
  const pending = post(request, transfer, options.timeoutMs)
  const until = Date.now() + options.timeoutMs + GRACE_MS
  while (Atomics.load(pending.flag, 0) === Flag.Pending && Date.now() < until) Atomics.wait(pending.flag, 0, Flag.Pending, until - Date.now())
  return settle<T>(pending, options)
}

/** ES2024's Atomics.waitAsync (Node 16+), not yet in this project's TypeScript lib */
const waitAsync = (Atomics as unknown as { waitAsync(a: Int32Array, i: number, v: number, ms: number): { async: boolean; value: Promise<string> | string } }).waitAsync

/** The same, leaving this thread free meanwhile (template inspection and filling, which are not in a transaction). */
export async function inSandbox<T>(request: SandboxRequest, transfer: ArrayBuffer[], options: SandboxOptions): Promise<T> {
  const pending = post(request, transfer, options.timeoutMs)
  const wait = waitAsync(pending.flag, 0, Flag.Pending, options.timeoutMs + GRACE_MS)
  if (wait.async) await wait.value
  return settle<T>(pending, options)
}

/** A private copy of some bytes, whose buffer can be handed to the worker (a Buffer may share Node's pool). */
export function ownCopy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(new ArrayBuffer(bytes.byteLength))
  copy.set(bytes)
  return copy
}
