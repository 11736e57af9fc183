import type { JobStatus } from '@shared/contract/jobs'
import type { JOB_METHODS } from '@shared/contract/jobs'
import type { Input, Output } from '@shared/contract'
import { ApiError, call } from './client'

type JobMethod = (typeof JOB_METHODS)[number]

/** The clerk stopped the job (runJob's signal): not an error to show, just nothing to use. */
export class JobCancelled extends Error {
  constructor() {
    super('已取消')
    this.name = 'JobCancelled'
  }
}

/**
 * Runs a long method as a background job (worker thread, own DB connection) and reports progress while
 * the window stays responsive. Resolves with the method's data, or rejects with its ApiError. Aborting `signal`
 * asks the backend to stop the job (jobs.cancel: only jobs that read) and rejects with JobCancelled.
 */
export async function runJob<M extends JobMethod>(method: M, input: Input<M>, onProgress: (s: JobStatus) => void = () => {}, signal?: AbortSignal): Promise<Output<M>> {
  const { id } = await call('jobs.start', { method, input })
  // a refusal (a write cannot be stopped halfway) is left to the job's own end
  const cancel = (): void => void call('jobs.cancel', { id }).catch(() => {})
  signal?.addEventListener('abort', cancel, { once: true })
  if (signal?.aborted) cancel()
  try {
    for (;;) {
      const status = await call('jobs.status', { id })
      onProgress(status)
      if (status.state === 'cancelled') throw new JobCancelled()
      if (status.state !== 'running') {
        if (status.result?.ok) return status.result.data as Output<M>
        throw new ApiError(status.result && !status.result.ok ? status.result.error : { code: 'INTERNAL', message: '后台任务失败' })
      }
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  } finally {
    signal?.removeEventListener('abort', cancel)
  }
}
