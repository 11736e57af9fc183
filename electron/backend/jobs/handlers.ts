import type { jobsContract } from '../../shared/contract/jobs'
import { AppError } from '../../shared/result'
import { admit } from '../guard'
import type { Handlers } from '../handler'
import { cancelJob, jobStatus, startJob } from './runner'

export const jobsHandlers: Handlers<typeof jobsContract> = {
  'jobs.start': ({ method, input }, ctx) => {
    // the job's own method passes the same checks as a direct call (the worker validates the input again)
    const admitted = admit(method, input, ctx)
    if ('error' in admitted) throw new AppError(admitted.error.code, admitted.error.message, admitted.error.issues)
    return { id: startJob(ctx, method, admitted.input) }
  },
  'jobs.status': ({ id }, ctx) => jobStatus(ctx, id),
  'jobs.cancel': ({ id }, ctx) => cancelJob(ctx, id),
}
