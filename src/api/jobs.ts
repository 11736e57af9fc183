import type { JobStatus } from '@shared/contract/jobs'
import type { JOB_METHODS } from '@shared/contract/jobs'
import type { Input, Output } from '@shared/contract'
import { ApiError, call } from './client'

type JobMethod = (typeof JOB_METHODS)[number]

/**
 * Runs a long method as a background job (worker thread, own DB connection) and reports progress while
 * the window stays responsive. Resolves with the method's data, or rejects with its ApiError.
 */
export async function runJob<M extends JobMethod>(method: M, input: Input<M>, onProgress: (s: JobStatus) => void = () => {}): Promise<Output<M>> {
  const { id } = await call('jobs.start', { method, input })
  for (;;) {
    const status = await call('jobs.status', { id })
    onProgress(status)
    if (status.state !== 'running') {
      if (status.result?.ok) return status.result.data as Output<M>
      throw new ApiError(status.result && !status.result.ok ? status.result.error : { code: 'INTERNAL', message: '后台任务失败' })
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}
