import type { jobsContract } from '../../shared/contract/jobs'
import { contract } from '../../shared/contract'
import { AppError } from '../../shared/result'
import { accessProblem } from '../access'
import type { Handlers } from '../handler'
import { jobStatus, startJob } from './runner'

export const jobsHandlers: Handlers<typeof jobsContract> = {
  'jobs.start': ({ method, input }, ctx) => {
    const denied = accessProblem(contract[method].access, ctx)
    if (denied) throw new AppError('FORBIDDEN', denied)
    return { id: startJob(ctx, method, input) }
  },
  'jobs.status': ({ id }) => jobStatus(id),
}
