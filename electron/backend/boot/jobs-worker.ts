/**
 * A background job: opens its own connection to the same database file and runs one method through the
 * ordinary dispatcher (validation, transaction, audit), posting progress to the main thread.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads'
import type { SessionUser } from '../../shared/contract/accounts'
import { useSandboxPort } from '../excel/sandbox'
import { openBackend } from './open'

interface JobData {
  databasePath: string
  user: string
  transport: 'electron' | 'web' | 'cli'
  sessionUser: SessionUser | null
  method: string
  input: unknown
  /** the backend thread's Excel sandbox (jobs/runner.ts) */
  sandbox: MessagePort
}

async function run(): Promise<void> {
  const data = workerData as JobData
  useSandboxPort(data.sandbox)
  let last = 0
  const backend = openBackend(
    data.databasePath,
    data.transport,
    {
      user: data.user,
      session: { user: data.sessionUser },
      progress(done, total, stage) {
        const now = Date.now()
        if (now - last < 100 && done < total) return
        last = now
        parentPort!.postMessage({ type: 'progress', done, total, stage })
      },
    },
    // the file was checked when the app started (openDatabase)
    { quickCheck: false },
  )
  try {
    const result = await backend.call(data.method, data.input)
    parentPort!.postMessage({ type: 'result', result })
  } finally {
    backend.context.db.close()
  }
}

void run()
