import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Worker, type WorkerOptions } from 'node:worker_threads'
import { AppError } from '../../shared/result'

/**
 * How to start one of our worker threads: the TypeScript source through tsx's loader in browser mode, the CLI and
 * tests, or the bundled JS that electron-vite builds next to the main bundle (electron.vite.config.ts). Shared code
 * may sit in out/main/chunks/ and the worker entries in out/main/, so both are looked in; the backend may itself
 * run in a worker thread bundled at out/main/, and its nested workers are found the same way.
 */
export type WorkerEntry = { eval: true; code: string } | { eval: false; file: string }

export function workerEntry(source: string, built: string): WorkerEntry {
  if (__filename.endsWith('.ts')) return { eval: true, code: `require('tsx/cjs/api').register(); require(${JSON.stringify(source)})` }
  const file = [join(__dirname, built), join(__dirname, '..', built)].find((p) => existsSync(p))
  if (!file) throw new AppError('INTERNAL', `程序文件不完整（缺少 ${built}），请重新安装党办通`)
  return { eval: false, file }
}

export const startWorker = (entry: WorkerEntry, options: WorkerOptions): Worker =>
  entry.eval ? new Worker(entry.code, { ...options, eval: true }) : new Worker(entry.file, options)
