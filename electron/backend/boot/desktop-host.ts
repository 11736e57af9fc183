/**
 * The desktop app's backend, in a worker thread of the Electron main process: opening and checking the
 * database, every call, the start-up and exit backups. Long work here (an export, a quick_check of a large
 * file, 按上级模板填写) never blocks the window, whose main thread only relays messages.
 */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'
import { automaticBackup, startBackend, type AppBackend } from './startup'
import { runningJobs } from '../jobs/runner'
import { QUITTING, type HostMessage, type HostRequest, type HostStart } from './host-protocol'
import { startupProblem } from './startup-problem'

const port = parentPort!
const { databasePath } = workerData as HostStart
const post = (message: HostMessage): void => port.postMessage(message)

let backend: AppBackend | null = null
let backups: Promise<unknown> = Promise.resolve()

try {
  // the data folder is the clerk's alone: other users of the PC may not list it
  mkdirSync(dirname(databasePath), { recursive: true, mode: 0o700 })
  backend = startBackend(databasePath, 'electron')
  post({ kind: 'ready', damaged: backend.damaged })
} catch (error) {
  post({ kind: 'failed', problem: startupProblem(error, databasePath) })
}

if (backend) {
  const started = backend
  // automatic backup at start when the newest is older than a day; a failure is logged, never fatal
  backups = automaticBackup(started, '启动时自动备份', 'due').then((r) => r.error && post({ kind: 'log', message: r.error }))
}

async function answer(request: HostRequest): Promise<unknown> {
  switch (request.kind) {
    case 'call':
      return backend ? backend.call(request.method, request.input) : QUITTING
    case 'exit-backup': {
      await backups
      const open = backend
      return open ? (await automaticBackup(open, '退出时自动备份', 'always')).error : null
    }
    case 'running-jobs':
      return runningJobs()
    case 'close':
      backend?.close()
      backend = null
      return null
  }
}

port.on('message', (request: HostRequest) => {
  void answer(request)
    .catch((error: unknown) => {
      post({ kind: 'log', message: error instanceof Error ? (error.stack ?? error.message) : String(error) })
      return request.kind === 'call' ? { ok: false, error: { code: 'INTERNAL', message: '程序内部错误，操作未完成，数据未被修改' } } : null
    })
    .then((value) => post({ kind: 'reply', id: request.id, value }))
})
