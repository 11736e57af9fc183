import { z } from 'zod'
import type { Result } from '../result'
import { method } from './define'

/**
 * Long work (large imports, exports, statistics) runs as a background job in a worker thread with its own
 * database connection, so the window never freezes; the screen polls its progress.
 */
export const JOB_METHODS = ['imports.preview', 'imports.commit', 'imports.errorWorkbook', 'print.document', 'dashboard.trends'] as const
/** the jobs that only read, and may be cancelled while they run (a write commits whole or not at all) */
export const CANCELLABLE_JOBS = ['imports.preview', 'imports.errorWorkbook', 'print.document', 'dashboard.trends'] as const satisfies readonly (typeof JOB_METHODS)[number][]

export interface JobStatus {
  id: string
  method: string
  /** cancelled: stopped at the clerk's request (jobs.cancel), nothing was written */
  state: 'running' | 'done' | 'failed' | 'cancelled'
  done: number
  total: number
  stage: string
  /** the method's own answer once finished */
  result: Result<unknown> | null
}

const startInput = z
  .object({
    method: z.enum(JOB_METHODS, { error: '该操作不能在后台运行' }),
    input: z.unknown(),
  })
  .strict()
const statusInput = z.object({ id: z.string().regex(/^[0-9a-f]{16}$/, { message: '任务编号无效' }) }).strict()

export const jobsContract = {
  // starting is 'read' here; the job re-checks the inner method through the same dispatcher
  'jobs.start': method<typeof startInput, { id: string }>(startInput, 'read'),
  'jobs.status': method<typeof statusInput, JobStatus>(statusInput, 'read'),
  // read: it stops only jobs that read, and only the caller's own
  'jobs.cancel': method<typeof statusInput, JobStatus>(statusInput, 'read'),
}
